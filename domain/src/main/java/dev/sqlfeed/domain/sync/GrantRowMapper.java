package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a row of a resource's grants query to grants of that resource's entitlements. As in
 * baton-sql, a row for which {@code skip_if} is true yields no grant. A principal id or entitlement
 * id that is empty (a NULL column, usually) is an error naming the row and the expression: dropping
 * the row instead would make the grant it stood for look revoked, and reconciliation would then
 * revoke it. A config that means to skip such rows says so with {@code skip_if}.
 */
public final class GrantRowMapper {
  private GrantRowMapper() {}

  public static List<Grant> map(
      ResourceType type,
      GrantsQuery query,
      MappedResource owner,
      Map<String, Object> row,
      String rowKey) {
    Evaluation eval =
        new Evaluation(
            "resource type " + type.id() + " grants of " + owner.resource().resource().resourceId(),
            rowKey,
            owner.activationFor(row));
    List<Grant> out = new ArrayList<>(query.map().size());
    for (GrantMapping m : query.map()) {
      if (m.skipIf().isPresent() && eval.bool(m.skipIf().get())) {
        continue;
      }
      String principalId = GrantKeys.principalId(eval, m);
      String entitlementId = GrantKeys.entitlementId(eval, m);
      out.add(
          new Grant(
              owner.resource().resource(),
              entitlementId,
              new ResourceRef(m.principalType(), principalId)));
    }
    return out;
  }
}
