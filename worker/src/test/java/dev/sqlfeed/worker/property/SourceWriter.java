package dev.sqlfeed.worker.property;

import dev.sqlfeed.worker.property.AccessModel.Entity;
import dev.sqlfeed.worker.property.AccessModel.Membership;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes random changes to the source tables and to the {@link AccessModel}: inserts, updates, soft
 * deletes, hard deletes and re-inserts of users, groups and memberships, each stamped explicitly.
 *
 * <p><b>Stamps.</b> A logical clock {@code now} runs well behind the database clock (so every stamp
 * is below any cycle's {@code upTo}) and often stands still, so that many rows share a stamp across
 * page edges. A write is usually stamped {@code now}; one in five "commits late": it is stamped up
 * to {@link #LATE} before. A write to a source whose cycle is running is stamped no later than the
 * logical time at which that cycle opened, as a real database stamps it: that cycle's {@code upTo}
 * was pinned then, so a row stamped later could only be a commit that is later still. With {@code
 * LATE} well inside the config's overlap, a correct sqlfeed sees every version that survives to the
 * next cycle.
 */
final class SourceWriter {
  static final long LATE = 6_000;
  static final int USERS = 6;
  static final int GROUPS = 4;

  private final Connection connection;
  private final Dialect dialect;
  private final AccessModel model;
  private final SplittableRandom random;
  private final Flags flags;
  private final long floor;
  private final List<String> journal = new ArrayList<>();
  private long now;

  /**
   * @param start the logical clock's start, in epoch milliseconds
   */
  // Alike on purpose to DirectCycles' constructor (and JooqSyncStore's): one that keeps its
  // arguments.
  SourceWriter(
      Connection connection,
      Dialect dialect,
      AccessModel model,
      SplittableRandom random,
      Flags flags,
      long start) {
    this.connection = connection;
    this.dialect = dialect;
    this.model = model;
    this.random = random;
    this.flags = flags;
    this.floor = start;
    this.now = start;
  }

  long now() {
    return now;
  }

  /** The statements written so far, for a failure's message. */
  List<String> journal() {
    return journal;
  }

  /**
   * One random change.
   *
   * @param openedAt the logical time at which a source's running cycle opened, or null when none
   *     runs
   */
  void write(Function<String, Long> openedAt) throws SQLException {
    if (random.nextInt(100) < 35) {
      // The clock stands still: equal stamps.
    } else {
      now += 1 + random.nextInt(5000);
    }
    int pick = random.nextInt(100);
    if (pick < 30) {
      entity("user", "p_users", "login", model.users, AccessModel.USERS, USERS, openedAt);
    } else if (pick < 55) {
      entity("group", "p_groups", "name", model.groups, AccessModel.GROUPS, GROUPS, openedAt);
    } else {
      membership(openedAt);
    }
  }

  private void entity(
      String type,
      String table,
      String column,
      Map<Integer, Entity> rows,
      String source,
      int ids,
      Function<String, Long> openedAt)
      throws SQLException {
    int id = 1 + random.nextInt(ids);
    Entity row = rows.get(id);
    String key = Integer.toString(id);
    String label = "'" + type.charAt(0) + id + "-" + random.nextInt(1000) + "'";
    int roll = random.nextInt(100);
    if (row == null) {
      long s = stamp(source, key, openedAt);
      sql(
          "INSERT INTO "
              + table
              + " (id, "
              + column
              + ", updated_at, deleted_at) VALUES ("
              + id
              + ", "
              + label
              + ", "
              + dialect.stamp(s)
              + ", NULL)");
      row = new Entity();
      row.version = model.version(source, key, s);
      rows.put(id, row);
      return;
    }
    boolean group = type.equals("group");
    boolean reactivationBarred = row.deleted && group && !flags.reactivatedGroups();
    if (reactivationBarred && roll >= 30) {
      return; // Re-activating a group loses its memberships: issue 9 case 6, see Flags.
    }
    if (roll < 15 || reactivationBarred) {
      sql("DELETE FROM " + table + " WHERE id = " + id);
      rows.remove(id);
      model.pendingHardDeletes.add(type + ":" + id);
      if (group) {
        sql("DELETE FROM p_memberships WHERE group_id = " + id);
        model.memberships.values().removeIf(m -> m.group == id);
      }
      return;
    }
    long s = stamp(source, key, openedAt);
    if (row.deleted) {
      sql(
          "UPDATE "
              + table
              + " SET deleted_at = NULL, "
              + column
              + " = "
              + label
              + ", updated_at = "
              + dialect.stamp(s)
              + " WHERE id = "
              + id);
      row.deleted = false;
    } else if (roll < 45) {
      sql(
          "UPDATE "
              + table
              + " SET deleted_at = "
              + dialect.stamp(s)
              + ", updated_at = "
              + dialect.stamp(s)
              + " WHERE id = "
              + id);
      row.deleted = true;
      if (group) {
        model.memberships.values().stream()
            .filter(m -> m.group == id && !m.deleted)
            .forEach(m -> model.hidden.add(m.version.serial()));
      }
    } else {
      sql(
          "UPDATE "
              + table
              + " SET "
              + column
              + " = "
              + label
              + ", updated_at = "
              + dialect.stamp(s)
              + " WHERE id = "
              + id);
    }
    row.version = model.version(source, key, s);
  }

  private void membership(Function<String, Long> openedAt) throws SQLException {
    int group = 1 + random.nextInt(GROUPS);
    int user = 1 + random.nextInt(USERS);
    if (!model.groups.containsKey(group)) {
      // A membership of a group that is not there would show up with its old stamp when the group
      // comes: a re-activation in disguise (issue 9 case 6). Memberships follow their group.
      return;
    }
    int mkey = group * 1000 + user;
    Membership m = model.memberships.get(mkey);
    String key = group + ":" + user;
    String note = "'n" + random.nextInt(1000) + "'";
    int roll = random.nextInt(100);
    if (m == null) {
      long s = stamp(AccessModel.CHANGES, key, openedAt);
      sql(
          "INSERT INTO p_memberships (mkey, group_id, user_id, note, updated_at, deleted_at)"
              + " VALUES ("
              + mkey
              + ", "
              + group
              + ", "
              + user
              + ", "
              + note
              + ", "
              + dialect.stamp(s)
              + ", NULL)");
      m = new Membership(group, user);
      m.version = model.version(AccessModel.CHANGES, key, s);
      hideIfGroupDeleted(m);
      model.memberships.put(mkey, m);
      return;
    }
    if (roll < 15) {
      sql("DELETE FROM p_memberships WHERE mkey = " + mkey);
      model.memberships.remove(mkey);
      model.pendingHardDeletes.add("membership:" + key);
      return;
    }
    if (m.deleted || roll >= 50) {
      // A re-join, or a change of the row that keeps the grant (a new note).
      long s = stamp(AccessModel.CHANGES, key, openedAt);
      sql(
          "UPDATE p_memberships SET deleted_at = NULL, note = "
              + note
              + ", updated_at = "
              + dialect.stamp(s)
              + " WHERE mkey = "
              + mkey);
      m.deleted = false;
      m.version = model.version(AccessModel.CHANGES, key, s);
      hideIfGroupDeleted(m);
    } else {
      long s = stamp(AccessModel.REVOKES, key, openedAt);
      sql(
          "UPDATE p_memberships SET deleted_at = "
              + dialect.stamp(s)
              + ", updated_at = "
              + dialect.stamp(s)
              + " WHERE mkey = "
              + mkey);
      m.deleted = true;
      m.version = model.version(AccessModel.REVOKES, key, s);
    }
  }

  private void hideIfGroupDeleted(Membership m) {
    if (!model.groupActive(m.group)) {
      model.hidden.add(m.version.serial());
    }
  }

  /** The stamp of a new version of {@code row} in {@code source}; see the class comment. */
  private long stamp(String source, String row, Function<String, Long> openedAt) {
    Long opened = openedAt.apply(source);
    long cap = opened == null ? now : Math.min(now, opened);
    long s = random.nextInt(100) < 20 ? Math.max(floor, cap - random.nextInt((int) LATE)) : cap;
    if (flags.sameCursorRewrites()) {
      return s;
    }
    // Two versions of one row with one stamp get one event id: issue 9 cases 4 and 5, see Flags.
    while (model.used(source, row, s)) {
      s++;
    }
    return s;
  }

  private void sql(String statement) throws SQLException {
    journal.add(statement);
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
