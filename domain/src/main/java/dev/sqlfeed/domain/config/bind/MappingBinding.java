package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.resource.AgentTrait;
import dev.sqlfeed.domain.config.resource.Annotations;
import dev.sqlfeed.domain.config.resource.AppTrait;
import dev.sqlfeed.domain.config.resource.GroupTrait;
import dev.sqlfeed.domain.config.resource.NonHumanIdentity;
import dev.sqlfeed.domain.config.resource.ResourceMapping;
import dev.sqlfeed.domain.config.resource.RoleTrait;
import dev.sqlfeed.domain.config.resource.SecretTrait;
import dev.sqlfeed.domain.config.resource.Traits;
import dev.sqlfeed.domain.config.resource.UserTrait;
import java.util.List;
import java.util.Optional;

/** Binds a list query's {@code map}: id, names, traits, non-human identity, annotations. */
final class MappingBinding {
  static final KeySet MAP =
      KeySet.of("id", "display_name", "description", "traits", "non_human_identity", "annotations");
  static final KeySet TRAITS = KeySet.of("user", "group", "role", "app", "secret", "agent");
  static final KeySet USER =
      KeySet.of(
              "emails",
              "status",
              "status_details",
              "profile",
              "account_type",
              "login",
              "login_aliases",
              "last_login",
              "employee_ids",
              "manager_id",
              "manager_email",
              "mfa_enabled",
              "sso_enabled")
          .ignoring(
              "employee_id",
              "baton-sql ignores 'employee_id', so sqlfeed does too (did you mean 'employee_ids'?)");
  static final KeySet PROFILE_ONLY = KeySet.of("profile");
  static final KeySet APP = KeySet.of("help_url", "profile");
  static final KeySet SECRET =
      KeySet.of("credential_type", "credential_detail", "expires_at", "last_used_at");
  static final KeySet AGENT =
      KeySet.of("status", "identity_resource_type", "identity_resource_id", "profile");
  static final KeySet NHI = KeySet.of("nhi_type", "nhi_detail");
  static final KeySet ANNOTATIONS = KeySet.of("entitlement_immutable", "external_link");
  static final KeySet IMMUTABLE =
      KeySet.of("source_id", "metadata")
          .ignoring("value", "baton-sql ignores 'value' here, so sqlfeed does too");
  static final KeySet EXTERNAL_LINK = KeySet.of("url");

  private MappingBinding() {}

  static Optional<ResourceMapping> bind(Section list) {
    Optional<Section> ms = list.requiredSection("map", MAP);
    if (ms.isEmpty()) {
      return Optional.empty();
    }
    Section m = ms.get();
    int mark = m.binding.mark();
    Optional<Cel> id = m.requiredCel("id");
    Optional<Cel> displayName = m.requiredCel("display_name");
    Optional<Cel> description = m.cel("description");
    Traits traits = m.section("traits", TRAITS).map(MappingBinding::traits).orElse(Traits.NONE);
    Optional<NonHumanIdentity> nhi =
        m.section("non_human_identity", NHI)
            .flatMap(
                s -> {
                  int k = s.binding.mark();
                  Optional<Cel> type = s.requiredCel("nhi_type");
                  Optional<Cel> detail = s.cel("nhi_detail");
                  return s.binding.build(
                      k, () -> new NonHumanIdentity(type.orElseThrow(), detail, s.path));
                });
    Annotations annotations = annotations(m);
    return m.binding.build(
        mark,
        () ->
            new ResourceMapping(
                id.orElseThrow(),
                displayName.orElseThrow(),
                description,
                traits,
                nhi,
                annotations,
                m.path));
  }

  private static Traits traits(Section t) {
    return new Traits(
        t.section("user", USER).map(MappingBinding::user),
        t.section("group", PROFILE_ONLY).map(s -> new GroupTrait(s.celMap("profile"), s.path)),
        t.section("role", PROFILE_ONLY).map(s -> new RoleTrait(s.celMap("profile"), s.path)),
        t.section("app", APP)
            .map(s -> new AppTrait(s.cel("help_url"), s.celMap("profile"), s.path)),
        t.section("secret", SECRET)
            .map(
                s ->
                    new SecretTrait(
                        s.cel("credential_type"),
                        s.cel("credential_detail"),
                        s.cel("expires_at"),
                        s.cel("last_used_at"),
                        s.path)),
        t.section("agent", AGENT)
            .map(
                s ->
                    new AgentTrait(
                        s.cel("status"),
                        s.cel("identity_resource_type"),
                        s.cel("identity_resource_id"),
                        s.celMap("profile"),
                        s.path)));
  }

  private static UserTrait user(Section u) {
    Optional<Cel> status = u.cel("status");
    warnUnknownLiteral(u, "status", status, UserTrait.STATUSES, "unspecified");
    Optional<Cel> accountType = u.cel("account_type");
    warnUnknownLiteral(u, "account_type", accountType, UserTrait.ACCOUNT_TYPES, "human");
    return new UserTrait(
        u.celList("emails"),
        status,
        u.cel("status_details"),
        u.celMap("profile"),
        accountType,
        u.cel("login"),
        u.celList("login_aliases"),
        u.cel("last_login"),
        u.celList("employee_ids"),
        u.cel("manager_id"),
        u.cel("manager_email"),
        u.cel("mfa_enabled"),
        u.cel("sso_enabled"),
        u.path);
  }

  /**
   * baton-sql evaluates these fields as CEL and maps an unknown word to a default with a log line;
   * when the expression is a constant, say so now.
   */
  private static void warnUnknownLiteral(
      Section s, String key, Optional<Cel> cel, List<String> known, String fallback) {
    cel.flatMap(c -> CelLiterals.string(c.source()))
        .filter(v -> !known.contains(v.toLowerCase(java.util.Locale.ROOT)))
        .ifPresent(
            v ->
                s.scalar(key)
                    .ifPresent(
                        n ->
                            s.binding.warn(
                                n.location(),
                                s.pathOf(key),
                                "'"
                                    + v
                                    + "' is not one of "
                                    + KeyHints.quotedList(known)
                                    + "; baton-sql reads it as "
                                    + fallback)));
  }

  /** {@code annotations} of a resource or grant mapping (literal values, not CEL). */
  static Annotations annotations(Section parent) {
    Optional<Section> as = parent.section("annotations", ANNOTATIONS);
    if (as.isEmpty()) {
      return Annotations.NONE;
    }
    Section a = as.get();
    return new Annotations(
        a.section("entitlement_immutable", IMMUTABLE)
            .map(
                s ->
                    new Annotations.EntitlementImmutable(
                        s.text("source_id"), PlainValues.mapping(s, "metadata"))),
        a.section("external_link", EXTERNAL_LINK)
            .map(s -> new Annotations.ExternalLink(s.text("url"))));
  }
}
