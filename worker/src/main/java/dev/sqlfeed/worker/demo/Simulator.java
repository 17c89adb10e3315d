package dev.sqlfeed.worker.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Changes the demo application as its users would, one change per {@link #step}: the first steps
 * make one change of every kind, later ones are drawn from the seeded random. Each change is one
 * transaction, written as the application would write it (soft deletes set {@code deleted_at}, role
 * changes are logged to {@code audit_log}); a hard delete removes rows behind the application's
 * back, so only a reconciliation sees it.
 */
public final class Simulator implements AutoCloseable {
  private static final String NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')";
  private static final List<Change> FIRST =
      List.of(
          Change.SIGN_UP,
          Change.SIGN_UP,
          Change.JOIN,
          Change.ASSIGN_ROLE,
          Change.RENAME_USER,
          Change.NEW_GROUP,
          Change.RENAME_GROUP,
          Change.LEAVE,
          Change.UNASSIGN_ROLE,
          Change.SOFT_DELETE_USER,
          Change.HARD_DELETE_USER,
          Change.LATE_COMMIT);
  private static final String[] NAMES = {
    "Ada", "Grace", "Linus", "Barbara", "Edsger", "Margaret", "Alan", "Frances", "Dennis", "Radia"
  };

  private final Connection db;
  private final Random random;
  private final Map<Change, Integer> made = new EnumMap<>(Change.class);
  private final long lateCommitMillis;
  private int steps;

  private Simulator(Connection db, long seed, long lateCommitMillis) {
    this.db = db;
    this.random = new Random(seed);
    this.lateCommitMillis = lateCommitMillis;
  }

  /** A simulator of the application in {@code database}, seeded with a few users and groups. */
  public static Simulator open(Path database, long seed, long lateCommitMillis)
      throws SQLException {
    Simulator s = new Simulator(DemoApp.open(database), seed, lateCommitMillis);
    for (int i = 0; i < 8; i++) {
      s.apply(Change.SIGN_UP);
    }
    for (int i = 0; i < 3; i++) {
      s.apply(Change.NEW_GROUP);
    }
    for (int i = 0; i < 10; i++) {
      s.apply(Change.JOIN);
      s.apply(Change.ASSIGN_ROLE);
    }
    s.made.clear();
    return s;
  }

  /**
   * Makes one change.
   *
   * @param hardDeletes whether a hard delete may be drawn
   * @return the change made, empty when the drawn change had nothing to act on
   */
  public Optional<Change> step(boolean hardDeletes) throws SQLException, InterruptedException {
    Change change = steps < FIRST.size() ? FIRST.get(steps) : draw(hardDeletes);
    steps++;
    if (change == Change.HARD_DELETE_USER && !hardDeletes) {
      return Optional.empty();
    }
    boolean done = change == Change.LATE_COMMIT ? lateCommit() : apply(change);
    if (!done) {
      return Optional.empty();
    }
    made.merge(change, 1, Integer::sum);
    return Optional.of(change);
  }

  /** Signs a user up. */
  public void signUp() throws SQLException {
    apply(Change.SIGN_UP);
    made.merge(Change.SIGN_UP, 1, Integer::sum);
  }

  /** How many changes of each kind were made. */
  public Map<Change, Integer> made() {
    return Map.copyOf(made);
  }

  private Change draw(boolean hardDeletes) {
    int r = random.nextInt(100);
    if (r < 15) {
      return Change.SIGN_UP;
    } else if (r < 25) {
      return Change.RENAME_USER;
    } else if (r < 30) {
      return Change.NEW_GROUP;
    } else if (r < 35) {
      return Change.RENAME_GROUP;
    } else if (r < 55) {
      return Change.JOIN;
    } else if (r < 68) {
      return Change.LEAVE;
    } else if (r < 80) {
      return Change.ASSIGN_ROLE;
    } else if (r < 88) {
      return Change.UNASSIGN_ROLE;
    } else if (r < 93) {
      return Change.SOFT_DELETE_USER;
    } else if (r < 96 && hardDeletes) {
      return Change.HARD_DELETE_USER;
    }
    return Change.LATE_COMMIT;
  }

  private boolean apply(Change change) throws SQLException {
    db.setAutoCommit(false);
    try {
      boolean done = write(change);
      db.commit();
      return done;
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private boolean write(Change change) throws SQLException {
    return switch (change) {
      case SIGN_UP -> signUp(null);
      case RENAME_USER -> someUser().map(this::renameUser).orElse(false);
      case NEW_GROUP -> newGroup();
      case RENAME_GROUP -> someGroup().map(this::renameGroup).orElse(false);
      case JOIN -> join();
      case LEAVE -> leave();
      case ASSIGN_ROLE -> assignRole();
      case UNASSIGN_ROLE -> unassignRole();
      case SOFT_DELETE_USER -> someUser().map(this::softDelete).orElse(false);
      case HARD_DELETE_USER -> someUser().map(this::hardDelete).orElse(false);
      case LATE_COMMIT -> throw new IllegalArgumentException("not a one-statement change");
    };
  }

  /** A sign-up whose transaction takes its timestamp, then commits a while later. */
  private boolean lateCommit() throws SQLException, InterruptedException {
    db.setAutoCommit(false);
    try {
      String began = one("SELECT " + NOW).orElseThrow();
      signUp(began);
      Thread.sleep(lateCommitMillis);
      db.commit();
      return true;
    } catch (SQLException | InterruptedException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private boolean signUp(String at) throws SQLException {
    String first = NAMES[random.nextInt(NAMES.length)];
    String last = NAMES[random.nextInt(NAMES.length)] + "son";
    int n = random.nextInt(1_000_000);
    update(
        "INSERT INTO users (login, full_name, updated_at) VALUES (?, ?, "
            + (at == null ? NOW : "?")
            + ")",
        at == null
            ? List.of(first.toLowerCase() + n, first + " " + last)
            : List.of(first.toLowerCase() + n, first + " " + last, at));
    return true;
  }

  private boolean renameUser(String id) {
    return run(
        "UPDATE users SET full_name = full_name || ' Jr', updated_at = " + NOW + " WHERE id = ?",
        id);
  }

  private boolean newGroup() throws SQLException {
    String slug = "team-" + Integer.toString(random.nextInt(46_656), 36);
    return update(
            "INSERT OR IGNORE INTO groups (slug, name, updated_at) VALUES (?, ?, " + NOW + ")",
            List.of(slug, "Team " + slug.substring(5).toUpperCase()))
        > 0;
  }

  private boolean renameGroup(String slug) {
    return run(
        "UPDATE groups SET name = name || '+', updated_at = " + NOW + " WHERE slug = ?", slug);
  }

  private boolean join() throws SQLException {
    Optional<String> user = someUser();
    Optional<String> group = someGroup();
    if (user.isEmpty() || group.isEmpty()) {
      return false;
    }
    return update(
            "INSERT INTO memberships (group_slug, user_id, updated_at) VALUES (?, ?, "
                + NOW
                + ") ON CONFLICT (group_slug, user_id) DO UPDATE SET deleted_at = NULL,"
                + " updated_at = excluded.updated_at WHERE deleted_at IS NOT NULL",
            List.of(group.get(), user.get()))
        > 0;
  }

  private boolean leave() throws SQLException {
    Optional<String> key =
        pick(
            "SELECT group_slug || '|' || user_id FROM memberships WHERE deleted_at IS NULL"
                + " ORDER BY group_slug, user_id");
    if (key.isEmpty()) {
      return false;
    }
    String[] parts = key.get().split("\\|");
    return update(
            "UPDATE memberships SET deleted_at = "
                + NOW
                + ", updated_at = "
                + NOW
                + " WHERE group_slug = ? AND user_id = ?",
            List.of(parts[0], parts[1]))
        > 0;
  }

  private boolean assignRole() throws SQLException {
    Optional<String> user = someUser();
    if (user.isEmpty()) {
      return false;
    }
    String role = String.valueOf(1 + random.nextInt(3));
    if (update(
            "INSERT OR IGNORE INTO role_assignments (role_id, user_id) VALUES (?, ?)",
            List.of(role, user.get()))
        == 0) {
      return false;
    }
    audit("assign", role, user.get());
    return true;
  }

  private boolean unassignRole() throws SQLException {
    Optional<String> key =
        pick("SELECT role_id || '|' || user_id FROM role_assignments ORDER BY role_id, user_id");
    if (key.isEmpty()) {
      return false;
    }
    String[] parts = key.get().split("\\|");
    update(
        "DELETE FROM role_assignments WHERE role_id = ? AND user_id = ?",
        List.of(parts[0], parts[1]));
    audit("revoke", parts[0], parts[1]);
    return true;
  }

  /** The application's own delete: the user and their memberships marked, their roles revoked. */
  private boolean softDelete(String id) {
    try {
      for (String role :
          all("SELECT role_id FROM role_assignments WHERE user_id = ? ORDER BY role_id", id)) {
        update("DELETE FROM role_assignments WHERE role_id = ? AND user_id = ?", List.of(role, id));
        audit("revoke", role, id);
      }
      update(
          "UPDATE memberships SET deleted_at = "
              + NOW
              + ", updated_at = "
              + NOW
              + " WHERE user_id = ? AND deleted_at IS NULL",
          List.of(id));
      return run(
          "UPDATE users SET deleted_at = " + NOW + ", updated_at = " + NOW + " WHERE id = ?", id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A delete behind the application's back: rows gone, nothing logged, no timestamp. */
  private boolean hardDelete(String id) {
    run("DELETE FROM role_assignments WHERE user_id = ?", id);
    run("DELETE FROM memberships WHERE user_id = ?", id);
    return run("DELETE FROM users WHERE id = ?", id);
  }

  private void audit(String action, String role, String user) throws SQLException {
    update(
        "INSERT INTO audit_log (logged_at, action, role_id, user_id) VALUES (" + NOW + ", ?, ?, ?)",
        List.of(action, role, user));
  }

  private Optional<String> someUser() throws SQLException {
    return pick("SELECT id FROM users WHERE deleted_at IS NULL ORDER BY id");
  }

  private Optional<String> someGroup() throws SQLException {
    return pick("SELECT slug FROM groups ORDER BY slug");
  }

  /** One row of the query's, drawn from the seeded random (not SQLite's), so a seed repeats. */
  private Optional<String> pick(String sql) throws SQLException {
    List<String> rows = all(sql);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(random.nextInt(rows.size())));
  }

  private boolean run(String sql, String arg) {
    try {
      return update(sql, List.of(arg)) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int update(String sql, List<String> args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        s.setString(i + 1, args.get(i));
      }
      return s.executeUpdate();
    }
  }

  private Optional<String> one(String sql) throws SQLException {
    List<String> rows = all(sql);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private List<String> all(String sql, String... args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1));
        }
      }
      return rows;
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
