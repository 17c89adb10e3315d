package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.Comparator;

/**
 * The order of mirror keys in which a {@link SortedMirror} hands out its records: by resource type,
 * resource id, then (entitlements) entitlement id, then (grants) principal type and id, each
 * compared as strings by one {@link Comparator}. Which comparator is the store's: the order its
 * database sorts keys in, so that records come from an index in order.
 */
public final class KeyOrder {
  /** Strings by Unicode code point, the byte order of their UTF-8 form. */
  public static final Comparator<String> CODE_POINTS = KeyOrder::compareCodePoints;

  private final Comparator<String> strings;

  public KeyOrder(Comparator<String> strings) {
    this.strings = strings;
  }

  public int compare(ResourceRef a, ResourceRef b) {
    int c = strings.compare(a.resourceType(), b.resourceType());
    return c != 0 ? c : strings.compare(a.resourceId(), b.resourceId());
  }

  public int compare(Entitlement a, Entitlement b) {
    int c = compare(a.resource(), b.resource());
    return c != 0 ? c : strings.compare(a.entitlement(), b.entitlement());
  }

  /** Grants of the same resource, by entitlement, then principal. */
  public int compare(Grant a, Grant b) {
    int c = compare(a.resource(), b.resource());
    if (c != 0) {
      return c;
    }
    c = strings.compare(a.entitlement(), b.entitlement());
    return c != 0 ? c : compare(a.principal(), b.principal());
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
