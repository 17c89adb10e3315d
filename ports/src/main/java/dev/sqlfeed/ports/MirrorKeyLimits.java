package dev.sqlfeed.ports;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;

/**
 * The longest names and ids a {@link SyncStore} keeps, the same for every implementation so that a
 * mirror that fits one store fits them all. Lengths count UTF-16 code units ({@link
 * String#length()}), which is never less than the characters a database counts.
 *
 * <p>The figures come from MariaDB/MySQL: a grant's primary key (app, resource type, resource id,
 * entitlement, principal type, principal id) must stay within InnoDB's 3,072-byte key limit at four
 * bytes a character, and 64 + 64 + 255 + 64 + 64 + 255 characters is 3,064 bytes.
 */
public final class MirrorKeyLimits {
  /** App names, resource types and entitlement ids. */
  public static final int NAME = 64;

  /** Resource ids and principal ids. */
  public static final int ID = 255;

  private MirrorKeyLimits() {}

  /**
   * Checks an app name.
   *
   * @throws StoreException of kind {@code QUERY_FAILED} when it is too long
   */
  public static void checkApp(String app) {
    check(app, NAME, "app name", app);
  }

  /**
   * Checks every key field and resource reference of a record.
   *
   * @throws StoreException of kind {@code QUERY_FAILED} naming the record and the field
   */
  public static void check(MirrorRecord record) {
    // Java 17 has no pattern matching for switch; the three cases are the sealed permits.
    if (record instanceof Resource r) {
      check(r.resource(), "resource", r);
      if (r.parent() != null) {
        check(r.parent(), "parent", r);
      }
    } else if (record instanceof Entitlement e) {
      check(e.resource(), "resource", e);
      check(e.entitlement(), NAME, "entitlement id", e);
    } else if (record instanceof Grant g) {
      check(g.resource(), "resource", g);
      check(g.entitlement(), NAME, "entitlement id", g);
      check(g.principal(), "principal", g);
    }
  }

  private static void check(ResourceRef ref, String role, Object owner) {
    check(ref.resourceType(), NAME, role + " type", owner);
    check(ref.resourceId(), ID, role + " id", owner);
  }

  private static void check(String value, int limit, String what, Object owner) {
    if (value.length() > limit) {
      throw new StoreException(
          StoreException.Kind.QUERY_FAILED,
          false,
          what
              + " is "
              + value.length()
              + " characters long; a sync store keeps at most "
              + limit
              + ": "
              + abbreviate(owner instanceof MirrorRecord m ? m.toJsonLine() : value),
          null);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
