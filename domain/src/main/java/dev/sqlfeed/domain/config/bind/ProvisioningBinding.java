package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.provisioning.EntitlementProvisioning;
import dev.sqlfeed.domain.config.provisioning.GrantProvisioning;
import dev.sqlfeed.domain.config.provisioning.ProvisioningQueries;
import dev.sqlfeed.domain.config.provisioning.RevokeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds an entitlement's {@code provisioning} block. */
final class ProvisioningBinding {
  static final KeySet PROVISIONING = KeySet.of("vars", "grant", "revoke");
  private static final String[] COMMON = {
    "no_transaction",
    "validation_queries",
    "validation_queries_signal_idempotency",
    "queries",
    "principal_deleted_check"
  };
  static final KeySet GRANT = withCommon("reject_if", "grant_replace");
  static final KeySet REVOKE = withCommon("revoke_options");
  static final KeySet QUERY_ONLY = KeySet.of("query");
  static final KeySet REVOKE_OPTIONS = KeySet.of("principal_exists_check");
  static final KeySet REJECT_IF = KeySet.of("query", "reason");
  static final KeySet GRANT_REPLACE = KeySet.of("query", "map");

  private ProvisioningBinding() {}

  private static KeySet withCommon(String... more) {
    List<String> keys = new ArrayList<>(List.of(COMMON));
    keys.addAll(List.of(more));
    return KeySet.of(keys.toArray(String[]::new));
  }

  static Optional<EntitlementProvisioning> entitlement(Section parent) {
    return parent
        .section("provisioning", PROVISIONING)
        .flatMap(
            p -> {
              int mark = p.binding.mark();
              Map<String, QueryVar> vars = QueryParts.vars(p, "vars");
              Optional<GrantProvisioning> grant =
                  p.section("grant", GRANT).flatMap(g -> grant(g, vars.keySet()));
              Optional<ProvisioningQueries> revoke =
                  p.section("revoke", REVOKE).flatMap(r -> statements(r, vars.keySet()));
              return p.binding.build(
                  mark, () -> new EntitlementProvisioning(vars, grant, revoke, p.path));
            });
  }

  private static Optional<GrantProvisioning> grant(Section g, Set<String> names) {
    int mark = g.binding.mark();
    Optional<ProvisioningQueries> statements = statements(g, names);
    Optional<GrantProvisioning.RejectIf> rejectIf =
        g.section("reject_if", REJECT_IF)
            .flatMap(
                r -> {
                  int k = r.binding.mark();
                  Optional<Query> q =
                      QueryParts.query(r, "query", QueryKind.PROVISIONING, names, Optional.empty());
                  Optional<Cel> reason = r.cel("reason");
                  return r.binding.build(
                      k, () -> new GrantProvisioning.RejectIf(q.orElseThrow(), reason, r.path));
                });
    Optional<GrantProvisioning.GrantReplace> replace =
        g.section("grant_replace", GRANT_REPLACE)
            .flatMap(
                r -> {
                  int k = r.binding.mark();
                  Optional<Query> q =
                      QueryParts.query(r, "query", QueryKind.PROVISIONING, names, Optional.empty());
                  List<GrantMapping> map = GrantBinding.mappings(r, false);
                  return r.binding.build(
                      k, () -> new GrantProvisioning.GrantReplace(q.orElseThrow(), map, r.path));
                });
    return g.binding.build(
        mark, () -> new GrantProvisioning(statements.orElseThrow(), rejectIf, replace));
  }

  private static Optional<ProvisioningQueries> statements(Section s, Set<String> names) {
    int mark = s.binding.mark();
    boolean noTransaction = s.bool("no_transaction");
    List<Query> validation =
        QueryParts.queries(s, "validation_queries", QueryKind.PROVISIONING, names);
    boolean signal = s.bool("validation_queries_signal_idempotency");
    List<Query> queries = QueryParts.queries(s, "queries", QueryKind.PROVISIONING, names);
    Optional<Query> deletedCheck =
        s.section("principal_deleted_check", QUERY_ONLY)
            .flatMap(
                c -> QueryParts.query(c, "query", QueryKind.PROVISIONING, names, Optional.empty()));
    Optional<RevokeOptions> options =
        s.section("revoke_options", REVOKE_OPTIONS)
            .map(
                o ->
                    new RevokeOptions(
                        o.section("principal_exists_check", QUERY_ONLY)
                            .flatMap(
                                c ->
                                    QueryParts.query(
                                        c,
                                        "query",
                                        QueryKind.PROVISIONING,
                                        names,
                                        Optional.empty())),
                        o.path));
    return s.binding.build(
        mark,
        () ->
            new ProvisioningQueries(
                noTransaction, validation, signal, queries, deletedCheck, options, s.path));
  }
}
