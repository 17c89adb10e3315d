-- Acme's access tables on MariaDB/MySQL. Load with: mariadb acme < schema.sql; mariadb acme < ../seed.sql
CREATE TABLE users (
  id          BIGINT PRIMARY KEY,
  username    VARCHAR(100) NOT NULL UNIQUE,
  email       VARCHAR(255),
  full_name   VARCHAR(255),
  status      VARCHAR(20) NOT NULL DEFAULT 'active',
  department  VARCHAR(100),
  last_login  DATETIME(6),
  updated_at  DATETIME(6) NOT NULL
);

CREATE TABLE teams (
  slug        VARCHAR(100) PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  description TEXT,
  updated_at  DATETIME(6) NOT NULL
);

CREATE TABLE team_members (
  team_slug   VARCHAR(100) NOT NULL REFERENCES teams (slug),
  user_id     BIGINT NOT NULL REFERENCES users (id),
  is_admin    BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (team_slug, user_id)
);

CREATE TABLE roles (
  id          BIGINT PRIMARY KEY,
  name        VARCHAR(100) NOT NULL UNIQUE,
  updated_at  DATETIME(6) NOT NULL
);

CREATE TABLE role_assignments (
  role_id     BIGINT NOT NULL REFERENCES roles (id),
  user_id     BIGINT NOT NULL REFERENCES users (id),
  updated_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (role_id, user_id)
);

CREATE INDEX users_updated_at ON users (updated_at, id);
CREATE INDEX teams_updated_at ON teams (updated_at, slug);
CREATE INDEX roles_updated_at ON roles (updated_at, id);
CREATE INDEX team_members_updated_at ON team_members (updated_at);
CREATE INDEX role_assignments_updated_at ON role_assignments (updated_at);
