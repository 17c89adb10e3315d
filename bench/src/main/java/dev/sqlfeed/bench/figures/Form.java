package dev.sqlfeed.bench.figures;

/** How a generated config reads the changed users. */
enum Form {
  /** The keyset incremental query returns ids; each changed user is re-read with {@code get}. */
  GET("get"),
  /**
   * The incremental query returns the whole row, mapped with {@code list.map} ({@code deleted_if}).
   */
  DELETED_IF("deleted_if"),
  /** baton-sql's own shape: the query pages itself with {@code ?<Limit>}/{@code ?<Offset>}. */
  COMPAT_OFFSET("compat (offset)");

  private final String label;

  Form(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
