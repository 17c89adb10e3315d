package dev.sqlfeed.worker.property;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The source databases the property runs on: the tables of users, groups and memberships in each
 * one's types, and how a timestamp is written there. Timestamps carry milliseconds everywhere, and
 * are written as UTC literals: the generator chooses every stamp itself.
 */
enum Dialect {
  SQLITE(TestDatabase.Kind.SQLITE, "INTEGER", "TEXT"),
  POSTGRES(TestDatabase.Kind.POSTGRES, "BIGINT", "TIMESTAMPTZ(3)"),
  MARIADB(TestDatabase.Kind.MARIADB, "BIGINT", "DATETIME(3)");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  final TestDatabase.Kind kind;
  private final String integer;
  private final String timestamp;

  Dialect(TestDatabase.Kind kind, String integer, String timestamp) {
    this.kind = kind;
    this.integer = integer;
    this.timestamp = timestamp;
  }

  /** The dialect a seed runs on, so that a seed replays on the same database. */
  static Dialect of(long seed) {
    return values()[(int) Math.floorMod(seed, 3L)];
  }

  /** Empties the three tables, for the next history. */
  String[] clear() {
    return new String[] {
      "DELETE FROM p_memberships", "DELETE FROM p_groups", "DELETE FROM p_users"
    };
  }

  /** Drops (if there) and creates the three tables. */
  String[] schema() {
    String ts = timestamp;
    String id = integer;
    return new String[] {
      "DROP TABLE IF EXISTS p_memberships",
      "DROP TABLE IF EXISTS p_groups",
      "DROP TABLE IF EXISTS p_users",
      "CREATE TABLE p_users (id "
          + id
          + " PRIMARY KEY, login VARCHAR(40) NOT NULL, updated_at "
          + ts
          + " NOT NULL, deleted_at "
          + ts
          + " NULL)",
      "CREATE TABLE p_groups (id "
          + id
          + " PRIMARY KEY, name VARCHAR(40) NOT NULL, updated_at "
          + ts
          + " NOT NULL, deleted_at "
          + ts
          + " NULL)",
      // mkey = group_id * 1000 + user_id: an integer key on every dialect (text keys on SQLite are
      // the cursors issue's subject, not this test's).
      "CREATE TABLE p_memberships (mkey "
          + id
          + " PRIMARY KEY, group_id "
          + id
          + " NOT NULL, user_id "
          + id
          + " NOT NULL, note VARCHAR(40) NOT NULL, updated_at "
          + ts
          + " NOT NULL, deleted_at "
          + ts
          + " NULL)",
      "CREATE INDEX p_users_updated ON p_users (updated_at, id)",
      "CREATE INDEX p_groups_updated ON p_groups (updated_at, id)",
      "CREATE INDEX p_memberships_updated ON p_memberships (updated_at, mkey)",
      "CREATE INDEX p_memberships_deleted ON p_memberships (deleted_at, mkey)"
    };
  }

  /** A timestamp literal of this dialect, in UTC. */
  String stamp(long epochMillis) {
    String text =
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).format(STAMP);
    return this == POSTGRES ? "'" + text + "+00'" : "'" + text + "'";
  }
}
