package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.entitlement.EntitlementMapping;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.Purpose;
import dev.sqlfeed.domain.config.entitlement.PurposeSpec;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.mirror.Entitlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a resource's static entitlements, and rows of its entitlements query, to entitlements. */
public final class EntitlementRowMapper {
  private EntitlementRowMapper() {}

  /** The static entitlements of one resource, those whose {@code skip_if} is false. */
  public static List<Entitlement> statics(ResourceType type, MappedResource owner) {
    Evaluation eval =
        new Evaluation(
            "resource type " + type.id() + " static entitlements",
            owner.resource().resource().resourceId(),
            Activation.forResource(owner.celResource()));
    List<Entitlement> out = new ArrayList<>(type.staticEntitlements().size());
    for (StaticEntitlement e : type.staticEntitlements()) {
      if (e.skipIf().isPresent() && eval.bool(e.skipIf().get())) {
        continue;
      }
      out.add(
          new Entitlement(
              owner.resource().resource(),
              e.id(),
              eval.string(e.displayName()),
              description(e.description(), eval),
              purpose(e.purpose()),
              e.grantableTo()));
    }
    return out;
  }

  /** The entitlements that one row of the entitlements query yields for its resource. */
  public static List<Entitlement> map(
      ResourceType type,
      EntitlementsQuery query,
      MappedResource owner,
      Map<String, Object> row,
      String rowKey) {
    Evaluation eval =
        new Evaluation(
            "resource type "
                + type.id()
                + " entitlements of "
                + owner.resource().resource().resourceId(),
            rowKey,
            owner.activationFor(row));
    List<Entitlement> out = new ArrayList<>(query.map().size());
    for (EntitlementMapping m : query.map()) {
      if (m.skipIf().isPresent() && eval.bool(m.skipIf().get())) {
        continue;
      }
      String id = eval.string(m.id());
      if (id.isEmpty()) {
        throw eval.error(m.id(), "the entitlement id is empty (a NULL column?)");
      }
      out.add(
          new Entitlement(
              owner.resource().resource(),
              id,
              eval.string(m.displayName()),
              description(m.description(), eval),
              m.purpose().map(p -> purpose(p, eval)).orElse(null),
              m.grantableTo()));
    }
    return out;
  }

  private static String description(Optional<Cel> description, Evaluation eval) {
    String text = description.map(eval::string).orElse("");
    return text.isEmpty() ? null : text;
  }

  private static String purpose(PurposeSpec spec, Evaluation eval) {
    if (spec instanceof PurposeSpec.Fixed fixed) {
      return purpose(fixed.purpose());
    }
    String text = eval.string(((PurposeSpec.Computed) spec).expression());
    return text.isEmpty() ? null : text;
  }

  private static String purpose(Purpose purpose) {
    return purpose == Purpose.UNSPECIFIED ? null : purpose.yaml();
  }
}
