package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.BadInputCatalogueIT.CONFIG;

import dev.sqlfeed.worker.cli.BadInputCatalogueIT.Case;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The catalogue's bad config files and CEL expressions: each exits 2 with {@code FILE:LINE:COL:
 * yaml.path: message}, before any database is opened. {@code validate} and {@code sync} load a
 * config alike, so most rows run {@code sync}: it must reject the file before it touches the store.
 */
// Alike on purpose to BadRows, and its cases to each other: a table of cases, one per bad input.
final class BadConfigs {
  private BadConfigs() {}

  static List<Case> cases() {
    return List.of(
        new Case(
            "config: malformed YAML",
            2,
            "FILE:6:1: malformed YAML",
            f -> {
              f.config(CONFIG.substring(0, CONFIG.indexOf("  user:")) + "  user: [unclosed\n");
              return f.sync();
            }),
        new Case(
            "config: an unknown key, with a did-you-mean hint",
            2,
            "FILE:11:9: resource_types.user.list.map.dispaly_name: unknown key 'dispaly_name'"
                + " (did you mean 'display_name'?)",
            f -> {
              f.configWith("        display_name: \".name\"", "        dispaly_name: \".name\"");
              return f.sync();
            }),
        new Case(
            "config: a boolean that is not one",
            2,
            "FILE:7:35: resource_types.user.skip_entitlements_and_grants: expected true or false",
            f -> {
              f.configWith(
                  "    name: User\n", "    name: User\n    skip_entitlements_and_grants: maybe\n");
              return f.sync();
            }),
        new Case(
            "config: a duplicate key",
            2,
            "FILE:9:7: resource_types.user.list: duplicate key 'query' (first defined at line 8)",
            f -> {
              f.configWith(
                  "      query: SELECT id, name FROM users ORDER BY id\n",
                  "      query: SELECT id, name FROM users ORDER BY id\n"
                      + "      query: SELECT id FROM users\n");
              return f.sync();
            }),
        new Case(
            "config: no app_name",
            2,
            "FILE:1:1: missing required key 'app_name'",
            f -> {
              f.configWith("app_name: acme\n", "");
              return f.sync();
            }),
        new Case(
            "config: page_size that is not a number is one error, not three",
            2,
            "FILE:30:22: resource_types.team.grants[0].pagination.page_size: expected an"
                + " integer, found 'lots'\nFILE: 1 error.",
            f -> {
              f.configWith(
                  "          primary_key: id\n",
                  "          primary_key: id\n" + "          page_size: lots\n");
              return f.validate();
            }),
        new Case(
            "config: bytes that are not UTF-8, at their line and column",
            2,
            "FILE:1:13: the config is not UTF-8 text (byte 0xFF)",
            f -> {
              byte[] text = CONFIG.replace("SOURCE", f.source.toString()).getBytes();
              text[12] = (byte) 0xff;
              Files.write(f.config, text);
              return f.sync();
            }),
        new Case(
            "config: larger than 3 MB",
            2,
            "FILE: the config is 3146",
            f -> {
              f.config(CONFIG + "# " + "x".repeat(3 * 1024 * 1024) + "\n");
              return f.sync();
            }),
        new Case(
            "config: no such file", 2, "FILE: cannot read the config: no such file", f -> f.sync()),
        new Case(
            "config: a directory",
            2,
            "FILE: cannot read the config",
            f -> {
              Files.createDirectory(f.config);
              return f.sync();
            }),
        new Case(
            "config: unreadable",
            2,
            "FILE: cannot read the config: permission denied",
            f -> {
              BadInputCatalogueIT.assumeNotRoot();
              f.config(CONFIG);
              Files.setPosixFilePermissions(f.config, PosixFilePermissions.fromString("-w-------"));
              return f.sync();
            }),
        new Case(
            "config: an unset environment variable",
            2,
            "FILE:3:16: connect.dsn: environment variable SQLFEED_NO_SUCH_VAR is not set",
            f -> {
              f.configWith("\"sqlite:SOURCE\"", "\"sqlite:${SQLFEED_NO_SUCH_VAR}\"");
              return f.sync();
            }),
        new Case(
            "config: a DSN scheme without a driver, rejected by plain validate",
            2,
            "FILE:3:8: connect.dsn: the scheme \"mongodb\" is not supported",
            f -> {
              f.configWith("\"sqlite:SOURCE\"", "\"mongodb://db.example.com/acme\"");
              return f.validate();
            }),
        new Case(
            "config: Go's DSN form, rejected by plain validate",
            2,
            "FILE:3:8: connect.dsn: ",
            f -> {
              f.configWith("\"sqlite:SOURCE\"", "\"user:pw@tcp(localhost:3306)/acme\"");
              return f.validate();
            }),
        new Case(
            "config: a DSN scheme without a driver, rejected by sync before the store",
            2,
            "FILE:3:8: connect.dsn: the scheme \"mongodb\" is not supported",
            f -> {
              f.configWith("\"sqlite:SOURCE\"", "\"mongodb://db.example.com/acme\"");
              return f.sync();
            }),
        new Case(
            "config: ?<Limit> without a pagination block",
            2,
            "resource_types.user.list.query: uses ?<Limit> but the query has no pagination block",
            f -> {
              f.configWith("FROM users ORDER BY id", "FROM users ORDER BY id LIMIT ?<Limit>");
              return f.sync();
            }),
        new Case(
            "config: a grants query without the var it uses",
            2,
            "resource_types.team.grants[0].query: ",
            f -> {
              f.configWith("team = ?<team>", "team = ?<squad>");
              return f.sync();
            }),
        new Case(
            "config: an incremental query without ?<since>",
            2,
            "resource_types.user.incremental_sync.query: missing ?<since>",
            f -> {
              f.configWith(
                  "      map:\n        id: \".id\"\n        display_name: \".name\"\n",
                  "      map:\n        id: \".id\"\n        display_name: \".name\"\n"
                      + "    incremental_sync:\n"
                      + "      query: SELECT id, updated_at FROM users\n"
                      + "      cursor_column: updated_at\n");
              return f.sync();
            }),
        new Case(
            "CEL: a syntax error, at its line and column",
            2,
            "FILE:10:19: resource_types.user.list.map.id: invalid CEL expression",
            f -> {
              f.configWith("        id: \".id\"", "        id: \".id +\"");
              return f.sync();
            }),
        new Case(
            "CEL: an unknown function",
            2,
            "resource_types.user.list.map.display_name: ",
            f -> {
              f.configWith(
                  "        display_name: \".name\"", "        display_name: \"shout(.name)\"");
              return f.sync();
            }),
        new Case(
            "CEL: an expression that is the same for every row makes every row a duplicate",
            1,
            "resource_types.team.list.query: rows 1 (#1) and 2 (#2) have the same resource id"
                + " 'true' but differ",
            f -> {
              f.configWith("        id: \".slug\"", "        id: \"1 == 1\"");
              return f.sync();
            }));
  }
}
