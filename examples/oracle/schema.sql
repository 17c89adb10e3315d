-- Acme's access tables on Oracle (12c or later), a subset of ../sqlite/schema.sql: users, teams and
-- who is a member of which.
CREATE TABLE users (
  id          NUMBER(19) PRIMARY KEY,
  username    VARCHAR2(100) NOT NULL UNIQUE,
  email       VARCHAR2(200),
  full_name   VARCHAR2(200),
  status      VARCHAR2(20) DEFAULT 'active' NOT NULL
);

CREATE TABLE teams (
  slug        VARCHAR2(100) PRIMARY KEY,
  name        VARCHAR2(200) NOT NULL
);

CREATE TABLE team_members (
  team_slug   VARCHAR2(100) NOT NULL REFERENCES teams (slug),
  user_id     NUMBER(19) NOT NULL REFERENCES users (id),
  is_admin    NUMBER(1) DEFAULT 0 NOT NULL,
  PRIMARY KEY (team_slug, user_id)
);
