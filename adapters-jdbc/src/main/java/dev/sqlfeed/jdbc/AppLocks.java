package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.EventLogSchema.APP_LOCKS;
import static dev.sqlfeed.jdbc.StoreSchema.APP;

import dev.sqlfeed.domain.error.StoreException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The row per app in {@code app_locks} that a page write and a full sync's swap each lock before
 * touching the app's mirror. Taking it first means the two never wait for each other's mirror rows
 * in opposite orders (a deadlock), and a full sync's swap of one app holds up no other app's pages.
 */
final class AppLocks {
  private final JooqSyncStore store;

  /** Apps whose row is known to exist: it is created once and never deleted. */
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  AppLocks(JooqSyncStore store) {
    this.store = store;
  }

  /**
   * Makes sure the app's row exists, in a short transaction of its own: inserting it in the
   * transaction that then locks it would, on PostgreSQL, abort that transaction when another
   * process inserted the row first.
   */
  void ensure(String app) {
    if (created.contains(app)) {
      return;
    }
    try {
      store.write(
          "registering " + app + " in the sync store",
          db -> {
            if (!db.fetchExists(APP_LOCKS, APP.eq(app))) {
              db.insertInto(APP_LOCKS, APP).values(app).execute();
            }
            return null;
          });
    } catch (StoreException e) {
      boolean exists =
          store.read(
              "registering " + app + " in the sync store",
              db -> db.fetchExists(APP_LOCKS, APP.eq(app)));
      if (!exists) {
        throw e;
      }
      // Another process inserted it between our look and our insert.
    }
    created.add(app);
  }

  /** Locks the app's row until the transaction of {@code db} ends; see {@link #ensure}. */
  void lock(DSLContext db, String app) {
    if (store.dialect().rowLocks()) {
      db.select(APP).from(APP_LOCKS).where(APP.eq(app)).forUpdate().fetch();
    }
  }
}
