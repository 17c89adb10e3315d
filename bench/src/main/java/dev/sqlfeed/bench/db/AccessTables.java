package dev.sqlfeed.bench.db;

/**
 * The source tables of the bench app on PostgreSQL, filled by the server itself ({@code
 * generate_series}) so that setting up a few hundred thousand rows takes seconds. Every row's
 * {@code updated_at} is distinct, at least an hour old (inside any safety lag) and within the last
 * year (inside the app's lookback).
 */
public final class AccessTables {
  private AccessTables() {}

  /**
   * {@code users(id bigint, username, email, status, updated_at timestamptz)}: every tenth user a
   * service account without an email, every seventh disabled. Indexed on {@code (updated_at, id)}
   * as an incremental source should be.
   */
  public static void users(BenchDatabase db, int rows) {
    db.execute(
        "CREATE TABLE users (id bigint PRIMARY KEY, username text NOT NULL, email text,"
            + " status text NOT NULL, updated_at timestamptz NOT NULL)",
        "INSERT INTO users SELECT i, 'user' || i,"
            + " CASE WHEN i % 10 = 0 THEN NULL ELSE 'user' || i || '@example.com' END,"
            + " CASE WHEN i % 7 = 0 THEN 'disabled' ELSE 'enabled' END,"
            + " now() - interval '1 hour' - ("
            + rows
            + " - i) * interval '1 second'"
            + " FROM generate_series(1, "
            + rows
            + ") AS i",
        "CREATE INDEX users_updated ON users (updated_at, id)",
        "ANALYZE users");
  }

  /** {@code team_members(id, team_slug, user_id, is_admin, updated_at)}: 100 members a team. */
  public static void teamMembers(BenchDatabase db, int rows) {
    db.execute(
        "CREATE TABLE team_members (id bigint PRIMARY KEY, team_slug text NOT NULL,"
            + " user_id bigint NOT NULL, is_admin boolean NOT NULL,"
            + " updated_at timestamptz NOT NULL)",
        "INSERT INTO team_members SELECT i, 'team' || (i / 100), i, i % 50 = 0,"
            + " now() - interval '1 hour' - ("
            + rows
            + " - i) * interval '1 second'"
            + " FROM generate_series(1, "
            + rows
            + ") AS i",
        "CREATE INDEX team_members_updated ON team_members (updated_at, id)",
        "ANALYZE team_members");
  }
}
