-- Acme's sample data, shared by the SQLite, PostgreSQL and MariaDB examples.
INSERT INTO users (id, username, email, full_name, status, department, last_login, updated_at) VALUES
  (1, 'ada', 'ada@acme.example', 'Ada Lovelace', 'active', 'engineering', '2026-11-20 09:15:00', '2026-11-01 10:00:00'),
  (2, 'grace', 'grace@acme.example', 'Grace Hopper', 'active', 'engineering', '2026-11-24 17:02:11', '2026-11-01 10:00:00'),
  (3, 'linus', 'linus@acme.example', 'Linus Pauling', 'suspended', 'research', NULL, '2026-11-02 08:30:00'),
  (4, 'mae', 'mae@acme.example', 'Mae Jemison', 'active', 'operations', '2026-11-23 06:45:00', '2026-11-03 12:00:00'),
  (9007199254740993, 'svc-backup', NULL, 'Backup service', 'active', NULL, NULL, '2026-11-04 00:00:00');

INSERT INTO teams (slug, name, description, updated_at) VALUES
  ('platform', 'Platform', 'Runs the shared infrastructure', '2026-11-01 10:00:00'),
  ('research', 'Research', NULL, '2026-11-01 10:00:00'),
  ('ops', 'Operations', 'Keeps the lights on', '2026-11-02 10:00:00');

INSERT INTO team_members (team_slug, user_id, is_admin, updated_at) VALUES
  ('platform', 1, TRUE, '2026-11-01 10:00:00'),
  ('platform', 2, FALSE, '2026-11-01 10:00:00'),
  ('research', 3, TRUE, '2026-11-02 10:00:00'),
  ('ops', 4, TRUE, '2026-11-03 10:00:00'),
  ('ops', 9007199254740993, FALSE, '2026-11-04 10:00:00');

INSERT INTO roles (id, name, updated_at) VALUES
  (1, 'admin', '2026-11-01 10:00:00'),
  (2, 'auditor', '2026-11-01 10:00:00'),
  (3, 'deployer', '2026-11-01 10:00:00');

INSERT INTO role_assignments (role_id, user_id, updated_at) VALUES
  (1, 1, '2026-11-01 10:00:00'),
  (2, 3, '2026-11-02 10:00:00'),
  (3, 1, '2026-11-01 10:00:00'),
  (3, 2, '2026-11-01 10:00:00'),
  (3, 9007199254740993, '2026-11-04 10:00:00');
