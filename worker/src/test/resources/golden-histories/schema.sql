-- The source of GoldenHistoryRecordingIT: rows are inserted by each scenario, stamped relative to
-- SQLite's own clock in its datetime() form.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_updated_at ON users (updated_at, id);
