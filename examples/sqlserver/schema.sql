-- Acme's access tables on SQL Server (T-SQL), a subset of ../sqlite/schema.sql: users, teams and
-- who is a member of which.
CREATE TABLE users (
  id          BIGINT PRIMARY KEY,
  username    NVARCHAR(100) NOT NULL UNIQUE,
  email       NVARCHAR(200) NULL,
  full_name   NVARCHAR(200) NULL,
  status      NVARCHAR(20) NOT NULL DEFAULT 'active'
);

CREATE TABLE teams (
  slug        NVARCHAR(100) PRIMARY KEY,
  name        NVARCHAR(200) NOT NULL
);

CREATE TABLE team_members (
  team_slug   NVARCHAR(100) NOT NULL REFERENCES teams (slug),
  user_id     BIGINT NOT NULL REFERENCES users (id),
  is_admin    BIT NOT NULL DEFAULT 0,
  PRIMARY KEY (team_slug, user_id)
);
