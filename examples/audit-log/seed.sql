-- Globex's sample data and the audit history that led to it, shared by the SQLite, PostgreSQL and
-- MariaDB examples. The history also holds an account (mae, id 4) that was created, given a role
-- and removed again, and sign-ins that the feed skips.
INSERT INTO accounts (id, login, email, full_name, status) VALUES
  (1, 'ada', 'ada@globex.example', 'Ada Lovelace', 'active'),
  (2, 'grace', 'grace@globex.example', 'Grace Hopper', 'active'),
  (3, 'linus', 'linus@globex.example', 'Linus Pauling', 'suspended'),
  (9007199254740993, 'svc-ci', NULL, 'CI service', 'active');

INSERT INTO projects (slug, name) VALUES
  ('apollo', 'Apollo'),
  ('gemini', 'Gemini');

INSERT INTO project_members (project_slug, account_id, role) VALUES
  ('apollo', 1, 'maintainer'),
  ('apollo', 2, 'viewer'),
  ('gemini', 2, 'maintainer'),
  ('gemini', 9007199254740993, 'viewer');

INSERT INTO audit_log (id, logged_at, entity, action, account_id, project_slug, role) VALUES
  (1, '2026-11-01 09:00:00', 'account', 'create', 1, NULL, NULL),
  (2, '2026-11-01 09:00:00', 'account', 'create', 2, NULL, NULL),
  (3, '2026-11-01 09:05:00', 'account', 'create', 3, NULL, NULL),
  (4, '2026-11-01 09:10:00', 'project', 'create', NULL, 'apollo', NULL),
  (5, '2026-11-01 09:10:00', 'project', 'create', NULL, 'gemini', NULL),
  (6, '2026-11-01 09:15:00', 'membership', 'create', 1, 'apollo', 'maintainer'),
  (7, '2026-11-01 09:15:00', 'membership', 'create', 2, 'apollo', 'viewer'),
  (8, '2026-11-01 09:20:00', 'membership', 'create', 2, 'gemini', 'maintainer'),
  (9, '2026-11-02 08:00:00', 'session', 'login', 1, NULL, NULL),
  (10, '2026-11-02 10:30:00', 'account', 'update', 3, NULL, NULL),
  (11, '2026-11-03 12:00:00', 'account', 'create', 4, NULL, NULL),
  (12, '2026-11-03 12:01:00', 'membership', 'create', 4, 'apollo', 'viewer'),
  (13, '2026-11-04 00:00:00', 'account', 'create', 9007199254740993, NULL, NULL),
  (14, '2026-11-04 00:00:00', 'membership', 'create', 9007199254740993, 'gemini', 'viewer'),
  (15, '2026-11-05 17:30:00', 'membership', 'delete', 4, 'apollo', 'viewer'),
  (16, '2026-11-05 17:30:00', 'account', 'delete', 4, NULL, NULL),
  (17, '2026-11-06 08:00:00', 'session', 'login', 2, NULL, NULL);
