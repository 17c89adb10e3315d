-- The source of GoldenHistoryRecordingIT: rows are inserted by each scenario, stamped relative to
-- SQLite's own clock in its datetime() form.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_updated_at ON users (updated_at, id);

CREATE TABLE teams (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

-- A membership is created at created_at and revoked by setting deleted_at (a soft delete).
CREATE TABLE team_members (
  team_slug TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  PRIMARY KEY (team_slug, user_id)
);

-- The application's audit log: one row per change of a team, in the change's transaction.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  logged_at TEXT NOT NULL,
  team_slug TEXT NOT NULL
);
