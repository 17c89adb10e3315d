package dev.sqlfeed.worker.cli;

/**
 * The one-type app that many end-to-end tests run: a {@code users(id, login, updated_at)} table
 * read by a list query, a {@code get}, and an incremental source paged by {@code id}.
 */
public final class UsersApp {
  /** The {@code user} resource type, as an entry under {@code resource_types} (not indented). */
  public static final String USER_TYPE =
      """
      user:
        name: User
        list:
          query: SELECT id, login FROM users
          map: {id: ".id", display_name: ".login"}
        get:
          query: SELECT id, login FROM users WHERE id = ?<id>
        incremental_sync:
          query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
          cursor_column: updated_at
          pagination: {primary_key: id}
      """;

  private UsersApp() {}

  /**
   * The whole config.
   *
   * @param settings the top-level {@code incremental_sync} block's lines, not indented, e.g. {@code
   *     "page_size: 50\npoll_interval: 1s"}
   */
  public static String config(String appName, String dsn, String settings) {
    return "app_name: "
        + appName
        + "\nconnect:\n  dsn: \""
        + dsn
        + "\"\nincremental_sync:\n"
        + settings.indent(2)
        + "resource_types:\n"
        + USER_TYPE.indent(2);
  }

  /** {@link #USER_TYPE} without its {@code pagination}: a source read without a key. */
  public static String userTypeWithoutKey() {
    return USER_TYPE.replace("    pagination: {primary_key: id}\n", "");
  }
}
