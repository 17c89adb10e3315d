package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.provisioning.AccountField;
import dev.sqlfeed.domain.config.provisioning.AccountLookup;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import dev.sqlfeed.domain.config.provisioning.AccountStatements;
import dev.sqlfeed.domain.config.provisioning.CredentialRotation;
import dev.sqlfeed.domain.config.provisioning.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code account_provisioning} and {@code credential_rotation}. */
final class AccountBinding {
  static final KeySet ACCOUNT = KeySet.of("schema", "credentials", "create", "validate");
  static final KeySet FIELD = KeySet.of("name", "description", "type", "placeholder", "required");
  static final KeySet CREDENTIALS =
      KeySet.of("no_password", "random_password", "encrypted_password");
  static final KeySet OPTION = KeySet.of("preferred");
  static final KeySet RANDOM =
      KeySet.of("preferred", "max_length", "min_length", "disallowed_characters", "constraints");
  static final KeySet CONSTRAINT = KeySet.of("char_set", "min_count");
  static final KeySet STATEMENTS = KeySet.of("vars", "queries", "no_transaction");
  static final KeySet LOOKUP = KeySet.of("vars", "query");
  static final KeySet ROTATION = KeySet.of("credentials", "update");

  private AccountBinding() {}

  static Optional<AccountProvisioning> provisioning(Section rt) {
    return rt.section("account_provisioning", ACCOUNT)
        .flatMap(
            a -> {
              int mark = a.binding.mark();
              List<AccountField> schema = new ArrayList<>();
              for (Section f : a.sections("schema", FIELD)) {
                int k = f.binding.mark();
                var name = f.required("name");
                var type =
                    f.required("type")
                        .flatMap(
                            n ->
                                Enums.parse(
                                    f.binding,
                                    n,
                                    f.pathOf("type"),
                                    AccountField.Type.values(),
                                    AccountField.Type::yaml));
                String description = f.text("description");
                String placeholder = f.text("placeholder");
                boolean required = f.bool("required");
                f.binding
                    .build(
                        k,
                        () ->
                            new AccountField(
                                name.orElseThrow().text(),
                                description,
                                type.orElseThrow(),
                                placeholder,
                                required))
                    .ifPresent(schema::add);
              }
              Optional<Credentials> credentials = credentials(a, true);
              Optional<AccountStatements> create =
                  a.requiredSection("create", STATEMENTS).flatMap(AccountBinding::statements);
              Optional<AccountLookup> validate =
                  a.requiredSection("validate", LOOKUP)
                      .flatMap(
                          v -> {
                            int k = v.binding.mark();
                            Map<String, QueryVar> vars = QueryParts.vars(v, "vars");
                            Optional<Query> q =
                                QueryParts.query(
                                    v, "query", QueryKind.ACCOUNT, vars.keySet(), Optional.empty());
                            return v.binding.build(
                                k, () -> new AccountLookup(vars, q.orElseThrow(), v.path));
                          });
              return a.binding.build(
                  mark,
                  () ->
                      new AccountProvisioning(
                          schema,
                          credentials.orElseThrow(),
                          create.orElseThrow(),
                          validate.orElseThrow(),
                          a.path));
            });
  }

  static Optional<CredentialRotation> rotation(Section rt) {
    return rt.section("credential_rotation", ROTATION)
        .flatMap(
            r -> {
              int mark = r.binding.mark();
              Optional<Credentials> credentials = credentials(r, false);
              Optional<AccountStatements> update =
                  r.section("update", STATEMENTS).flatMap(AccountBinding::statements);
              return r.binding.build(
                  mark,
                  () ->
                      new CredentialRotation(
                          credentials.orElse(
                              new Credentials(
                                  Optional.empty(), Optional.empty(), Optional.empty())),
                          update,
                          r.path));
            });
  }

  private static Optional<Credentials> credentials(Section parent, boolean required) {
    Optional<Section> cs =
        required
            ? parent.requiredSection("credentials", CREDENTIALS)
            : parent.section("credentials", CREDENTIALS);
    return cs.flatMap(
        c -> {
          int mark = c.binding.mark();
          var none =
              c.section("no_password", OPTION)
                  .map(o -> new Credentials.Option(o.bool("preferred")));
          var encrypted =
              c.section("encrypted_password", OPTION)
                  .map(o -> new Credentials.Option(o.bool("preferred")));
          var random = c.section("random_password", RANDOM).flatMap(AccountBinding::random);
          if (required && none.isEmpty() && encrypted.isEmpty() && !c.has("random_password")) {
            c.binding.error(
                c.at, c.path, "needs one of " + KeyHints.quotedList(CREDENTIALS.allowed()));
          }
          return c.binding.build(mark, () -> new Credentials(none, random, encrypted));
        });
  }

  private static Optional<Credentials.RandomPassword> random(Section r) {
    int mark = r.binding.mark();
    int max = r.integer("max_length").orElse(0);
    int min = r.integer("min_length").orElse(0);
    if (min > 0 && max > 0 && min > max) {
      r.binding.error(r.at, r.path, "min_length " + min + " is greater than max_length " + max);
    }
    List<Credentials.Constraint> constraints = new ArrayList<>();
    for (Section c : r.sections("constraints", CONSTRAINT)) {
      int k = c.binding.mark();
      var charSet = c.required("char_set");
      int minCount = c.integer("min_count").orElse(0);
      if (minCount <= 0 && c.binding.mark() == k) {
        c.binding.error(c.at, c.path, "min_count must be greater than zero");
      }
      c.binding
          .build(k, () -> new Credentials.Constraint(charSet.orElseThrow().text(), minCount))
          .ifPresent(constraints::add);
    }
    boolean preferred = r.bool("preferred");
    String disallowed = r.text("disallowed_characters");
    return r.binding.build(
        mark, () -> new Credentials.RandomPassword(preferred, max, min, disallowed, constraints));
  }

  private static Optional<AccountStatements> statements(Section s) {
    int mark = s.binding.mark();
    Map<String, QueryVar> vars = QueryParts.vars(s, "vars");
    List<Query> queries = QueryParts.queries(s, "queries", QueryKind.ACCOUNT, vars.keySet());
    boolean noTransaction = s.bool("no_transaction");
    return s.binding.build(mark, () -> new AccountStatements(vars, queries, noTransaction, s.path));
  }
}
