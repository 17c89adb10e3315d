package dev.sqlfeed.domain.config;

/** baton-sql's two pagination strategies, as written in {@code pagination.strategy}. */
public enum PaginationStrategy {
  /** {@code ?<Limit>} and {@code ?<Offset>}; the next offset is the previous plus the page size. */
  OFFSET("offset"),
  /** {@code ?<Limit>} and {@code ?<Cursor>}; the cursor is the last row's primary key. */
  CURSOR("cursor");

  private final String yaml;

  PaginationStrategy(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config. */
  public String yaml() {
    return yaml;
  }
}
