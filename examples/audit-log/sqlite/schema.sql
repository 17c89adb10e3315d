-- Globex's project access on SQLite, with the audit log that feeds sqlfeed.
-- `./sqlfeed init-example examples/audit-log/sqlite` creates examples/audit-log/sqlite/globex.db
-- from this file and ../seed.sql.
-- Alike on purpose to ../postgres/schema.sql: the same Globex tables in SQLite's types.

CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL UNIQUE,
  email       TEXT,
  full_name   TEXT,
  status      TEXT NOT NULL DEFAULT 'active'
);

CREATE TABLE projects (
  slug        TEXT PRIMARY KEY,
  name        TEXT NOT NULL
);

CREATE TABLE project_members (
  project_slug TEXT NOT NULL REFERENCES projects (slug),
  account_id   INTEGER NOT NULL REFERENCES accounts (id),
  role         TEXT NOT NULL,
  PRIMARY KEY (project_slug, account_id, role)
);

-- One row per change, written by the application in the change's transaction. entity is
-- account, project, membership or session; action is create, update, delete or (for sessions)
-- login.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  logged_at    TIMESTAMP NOT NULL,
  entity       TEXT NOT NULL,
  action       TEXT NOT NULL,
  account_id   INTEGER,
  project_slug TEXT,
  role         TEXT
);

CREATE INDEX audit_log_logged_at ON audit_log (logged_at, id);
