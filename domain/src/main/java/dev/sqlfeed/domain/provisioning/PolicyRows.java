package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.sync.Evaluation;
import dev.sqlfeed.domain.sync.GrantKeys;
import dev.sqlfeed.domain.value.SourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a grant's policies make of the rows their queries return: the reason of a {@code reject_if}
 * and the grants a {@code grant_replace} finds. Columns are read as in a list query's mapping
 * ({@code .column}).
 */
public final class PolicyRows {
  /**
   * A grant that {@code grant_replace} found, to be revoked before the new one is granted.
   *
   * @param entitlement {@code TYPE:RESOURCE:ENTITLEMENT}, the type being the granted entitlement's
   * @param principal its principal
   */
  public record Found(EntitlementTarget entitlement, Principal principal) {
    public Found {
      Objects.requireNonNull(entitlement, "entitlement");
      Objects.requireNonNull(principal, "principal");
    }

    @Override
    public String toString() {
      return entitlement + " of " + principal;
    }
  }

  private PolicyRows() {}

  /** The reason {@code rejectIf} gives for its first row. */
  public static String reason(ProvisioningPlan.Rejection rejectIf, SourceRow row) {
    if (rejectIf.reason().isEmpty()) {
      return ProvisioningPlan.DEFAULT_REJECT_REASON;
    }
    Cel reason = rejectIf.reason().get();
    return new Evaluation("reject_if", "1", Activation.forRow(row)).string(reason);
  }

  /**
   * The grants {@code replace}'s rows stand for: for each row, each mapping that has an {@code
   * entitlement_resource_id} and whose {@code skip_if} is not true.
   *
   * @throws dev.sqlfeed.domain.error.MappingException naming the row and the expression when one
   *     fails or an id is empty
   */
  public static List<Found> replaced(ProvisioningPlan.Replacement replace, List<SourceRow> rows) {
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Evaluation eval =
          new Evaluation(replace.path(), String.valueOf(i + 1), Activation.forRow(rows.get(i)));
      for (GrantMapping m : replace.map()) {
        if (m.entitlementResourceId().isEmpty()
            || (m.skipIf().isPresent() && eval.bool(m.skipIf().get()))) {
          continue;
        }
        Cel resourceIdExpression = m.entitlementResourceId().get();
        String resourceId = eval.string(resourceIdExpression);
        if (resourceId.isEmpty()) {
          throw eval.error(resourceIdExpression, "the entitlement's resource id is empty");
        }
        found.add(
            new Found(
                new EntitlementTarget(
                    replace.resourceType(), resourceId, GrantKeys.entitlementId(eval, m)),
                new Principal(m.principalType(), GrantKeys.principalId(eval, m))));
      }
    }
    return found;
  }
}
