package dev.sqlfeed.domain.config;

/** How an incremental source is paged ({@code incremental_sync.mode}). */
public enum SyncMode {
  /**
   * sqlfeed pages by (cursor column, primary key) itself, between a pinned lower and upper bound:
   * rows updated while a scan runs are never skipped. The query must not page itself.
   */
  KEYSET("keyset"),
  /**
   * The query pages itself with {@code ?<Limit>}/{@code ?<Offset>} or {@code ?<Cursor>}, with
   * baton-sql's semantics (and what they can miss).
   */
  COMPAT("compat");

  private final String yaml;

  SyncMode(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config. */
  public String yaml() {
    return yaml;
  }
}
