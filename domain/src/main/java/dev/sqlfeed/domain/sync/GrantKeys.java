package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.grant.GrantMapping;

/**
 * The keys of one grant mapping, evaluated for one row, for full and incremental sync alike. An
 * empty key (a NULL column, usually) is an error naming the row and the expression, never a skipped
 * row: in a full sync a skipped row makes the grant it stood for look revoked, and reconciliation
 * would revoke it; in incremental sync the change would be lost while the cursor moves past it.
 */
public final class GrantKeys {
  private GrantKeys() {}

  public static String principalId(Evaluation eval, GrantMapping mapping) {
    return nonEmpty(eval, mapping, true);
  }

  public static String entitlementId(Evaluation eval, GrantMapping mapping) {
    return nonEmpty(eval, mapping, false);
  }

  private static String nonEmpty(Evaluation eval, GrantMapping mapping, boolean principal) {
    var expression = principal ? mapping.principalId() : mapping.entitlementId();
    String value = eval.string(expression);
    if (value.isEmpty()) {
      throw eval.error(
          expression,
          (principal ? "the principal id" : "the entitlement id")
              + " is empty (a NULL column?); use skip_if to skip such rows on purpose");
    }
    return value;
  }
}
