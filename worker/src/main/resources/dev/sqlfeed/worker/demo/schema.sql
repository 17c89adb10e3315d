-- The demo's application (SQLite): users, groups, memberships, roles, and an audit log of role
-- assignments. Soft deletes set deleted_at, hard deletes remove the row.
CREATE TABLE users (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  login       TEXT NOT NULL UNIQUE,
  full_name   TEXT NOT NULL,
  updated_at  TIMESTAMP NOT NULL,
  deleted_at  TIMESTAMP
);
CREATE TABLE groups (
  slug        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  updated_at  TIMESTAMP NOT NULL
);
CREATE TABLE memberships (
  group_slug  TEXT NOT NULL REFERENCES groups (slug),
  user_id     INTEGER NOT NULL,
  updated_at  TIMESTAMP NOT NULL,
  deleted_at  TIMESTAMP,
  PRIMARY KEY (group_slug, user_id)
);
CREATE TABLE roles (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE
);
CREATE TABLE role_assignments (
  role_id     INTEGER NOT NULL REFERENCES roles (id),
  user_id     INTEGER NOT NULL,
  PRIMARY KEY (role_id, user_id)
);
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  logged_at   TIMESTAMP NOT NULL,
  action      TEXT NOT NULL,
  role_id     INTEGER NOT NULL,
  user_id     INTEGER NOT NULL
);
CREATE INDEX users_updated_at ON users (updated_at, id);
CREATE INDEX groups_updated_at ON groups (updated_at, slug);
CREATE INDEX memberships_updated_at ON memberships (updated_at);
CREATE INDEX memberships_deleted_at ON memberships (deleted_at);
CREATE INDEX audit_log_logged_at ON audit_log (logged_at, id);
INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'billing'), (3, 'support');
