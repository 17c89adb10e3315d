package dev.sqlfeed.domain.config.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

// Alike on purpose to Verdict: enums cannot share a text field, and these kinds are the config's
// and the event log's words.
/** The kinds of event an event feed's {@code map.kind} may yield, as the event log writes them. */
public enum EventKind {
  /** The resource changed: the mirror re-reads it with its type's {@code get} query. */
  RESOURCE_CHANGED("resource_changed"),
  /** The resource is gone: the mirror deletes it, its entitlements and their grants. */
  RESOURCE_DELETED("resource_deleted"),
  /** A principal was granted an entitlement of the resource. */
  GRANT_CREATED("grant_created"),
  /** A principal's grant of an entitlement of the resource was revoked. */
  GRANT_REVOKED("grant_revoked");

  private final String yaml;

  EventKind(String yaml) {
    this.yaml = yaml;
  }

  /** The kind as written in a config and in the event log, for example {@code grant_created}. */
  public String yaml() {
    return yaml;
  }

  /** Whether the kind is about a grant (and so needs the mapping's principal fields). */
  public boolean grant() {
    return this == GRANT_CREATED || this == GRANT_REVOKED;
  }

  /** The kind written exactly so, if any. */
  public static Optional<EventKind> of(String text) {
    return Arrays.stream(values()).filter(k -> k.yaml.equals(text)).findFirst();
  }

  /** Every kind as written, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(EventKind::yaml).toList();
  }
}
