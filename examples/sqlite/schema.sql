-- Acme's access tables, the application database that the examples read (SQLite).
-- `./sqlfeed init-example examples/sqlite` creates examples/sqlite/acme.db from this file and ../seed.sql.
-- Alike on purpose to ../postgres/schema.sql: the same Acme tables in SQLite's types.

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  username    TEXT NOT NULL UNIQUE,
  email       TEXT,
  full_name   TEXT,
  status      TEXT NOT NULL DEFAULT 'active',
  department  TEXT,
  last_login  TIMESTAMP,
  updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE teams (
  slug        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT,
  updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE team_members (
  team_slug   TEXT NOT NULL REFERENCES teams (slug),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  is_admin    INTEGER NOT NULL DEFAULT 0,
  updated_at  TIMESTAMP NOT NULL,
  PRIMARY KEY (team_slug, user_id)
);

CREATE TABLE roles (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE role_assignments (
  role_id     INTEGER NOT NULL REFERENCES roles (id),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  updated_at  TIMESTAMP NOT NULL,
  PRIMARY KEY (role_id, user_id)
);

CREATE INDEX users_updated_at ON users (updated_at, id);
CREATE INDEX teams_updated_at ON teams (updated_at, slug);
CREATE INDEX roles_updated_at ON roles (updated_at, id);
CREATE INDEX team_members_updated_at ON team_members (updated_at);
CREATE INDEX role_assignments_updated_at ON role_assignments (updated_at);
