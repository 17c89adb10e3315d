package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code traits.user}. Every field is a CEL expression over the row.
 *
 * @param emails {@code emails}: the first is the primary address
 * @param status {@code status}: active/enabled, disabled/inactive/suspended/locked, deleted
 * @param statusDetails {@code status_details}
 * @param profile {@code profile}: attribute name to expression, in file order
 * @param accountType {@code account_type}: user/human, service, system (baton-sql defaults to
 *     human)
 * @param login {@code login}
 * @param loginAliases {@code login_aliases}
 * @param lastLogin {@code last_login}
 * @param employeeIds {@code employee_ids}
 * @param managerId {@code manager_id}
 * @param managerEmail {@code manager_email}
 * @param mfaEnabled {@code mfa_enabled}
 * @param ssoEnabled {@code sso_enabled}
 * @param path the YAML path of the block
 */
public record UserTrait(
    List<Cel> emails,
    Optional<Cel> status,
    Optional<Cel> statusDetails,
    Map<String, Cel> profile,
    Optional<Cel> accountType,
    Optional<Cel> login,
    List<Cel> loginAliases,
    Optional<Cel> lastLogin,
    List<Cel> employeeIds,
    Optional<Cel> managerId,
    Optional<Cel> managerEmail,
    Optional<Cel> mfaEnabled,
    Optional<Cel> ssoEnabled,
    String path) {

  /** The values of {@code status} that baton-sql recognises. */
  public static final List<String> STATUSES =
      List.of("active", "enabled", "disabled", "inactive", "suspended", "locked", "deleted");

  /** The values of {@code account_type} that baton-sql recognises. */
  public static final List<String> ACCOUNT_TYPES = List.of("user", "human", "service", "system");

  public UserTrait {
    emails = List.copyOf(emails);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusDetails, "statusDetails");
    profile = Ordered.copy(profile);
    Objects.requireNonNull(accountType, "accountType");
    Objects.requireNonNull(login, "login");
    loginAliases = List.copyOf(loginAliases);
    Objects.requireNonNull(lastLogin, "lastLogin");
    employeeIds = List.copyOf(employeeIds);
    Objects.requireNonNull(managerId, "managerId");
    Objects.requireNonNull(managerEmail, "managerEmail");
    Objects.requireNonNull(mfaEnabled, "mfaEnabled");
    Objects.requireNonNull(ssoEnabled, "ssoEnabled");
    Objects.requireNonNull(path, "path");
  }
}
