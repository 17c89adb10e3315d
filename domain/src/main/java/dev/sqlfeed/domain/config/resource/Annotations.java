package dev.sqlfeed.domain.config.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code annotations} on a resource or grant mapping. baton-sql decodes these straight into
 * baton-sdk's protobuf messages, so their fields are literal values, not CEL.
 *
 * @param entitlementImmutable {@code entitlement_immutable}
 * @param externalLink {@code external_link}
 */
public record Annotations(
    Optional<EntitlementImmutable> entitlementImmutable, Optional<ExternalLink> externalLink) {

  /** No annotations. */
  public static final Annotations NONE = new Annotations(Optional.empty(), Optional.empty());

  /**
   * {@code entitlement_immutable}.
   *
   * @param sourceId {@code source_id}, empty when absent
   * @param metadata {@code metadata}: free-form values (String, Boolean, Long, Double, List, Map)
   */
  public record EntitlementImmutable(String sourceId, Map<String, Object> metadata) {
    public EntitlementImmutable {
      Objects.requireNonNull(sourceId, "sourceId");
      metadata = dev.sqlfeed.domain.config.Ordered.copy(metadata);
    }
  }

  /**
   * {@code external_link}.
   *
   * @param url {@code url}
   */
  public record ExternalLink(String url) {
    public ExternalLink {
      Objects.requireNonNull(url, "url");
    }
  }

  public Annotations {
    Objects.requireNonNull(entitlementImmutable, "entitlementImmutable");
    Objects.requireNonNull(externalLink, "externalLink");
  }
}
