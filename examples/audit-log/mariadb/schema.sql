-- Globex's project access on MariaDB/MySQL, with the audit log that feeds sqlfeed.
-- Load with: mariadb globex < schema.sql; mariadb globex < ../seed.sql
CREATE TABLE accounts (
  id          BIGINT PRIMARY KEY,
  login       VARCHAR(100) NOT NULL UNIQUE,
  email       VARCHAR(255),
  full_name   VARCHAR(255),
  status      VARCHAR(20) NOT NULL DEFAULT 'active'
);

CREATE TABLE projects (
  slug        VARCHAR(100) PRIMARY KEY,
  name        VARCHAR(255) NOT NULL
);

CREATE TABLE project_members (
  project_slug VARCHAR(100) NOT NULL REFERENCES projects (slug),
  account_id   BIGINT NOT NULL REFERENCES accounts (id),
  role         VARCHAR(20) NOT NULL,
  PRIMARY KEY (project_slug, account_id, role)
);

-- One row per change, written by the application in the change's transaction. entity is
-- account, project, membership or session; action is create, update, delete or (for sessions)
-- login.
CREATE TABLE audit_log (
  id           BIGINT PRIMARY KEY,
  logged_at    DATETIME(6) NOT NULL,
  entity       VARCHAR(20) NOT NULL,
  action       VARCHAR(20) NOT NULL,
  account_id   BIGINT,
  project_slug VARCHAR(100),
  role         VARCHAR(20)
);

CREATE INDEX audit_log_logged_at ON audit_log (logged_at, id);
