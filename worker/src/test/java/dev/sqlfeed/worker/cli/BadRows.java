package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.cli.BadInputCatalogueIT.Case;
import java.util.List;

/**
 * The catalogue's bad SQL, values and keys, found while a full sync reads: each exits 1 naming the
 * query (its YAML path) and the row, and the failed sync changes nothing: no difference with the
 * mirror is applied, so nothing is revoked or deleted because of a row that could not be read.
 */
// Alike on purpose to BadConfigs, and its cases to each other: a table of cases, one per bad row.
final class BadRows {
  private BadRows() {}

  static List<Case> cases() {
    return List.of(
        new Case(
            "SQL: a syntax error",
            1,
            "resource_types.user.list.query",
            f -> {
              f.configWith("SELECT id, name FROM users", "SELEKT id, name FROM users");
              return f.sync();
            }),
        new Case(
            "SQL: a table that is not there",
            1,
            "resource_types.role.list.query",
            f -> {
              f.source("DROP TABLE roles");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "SQL: a column a mapping needs is not in the result",
            1,
            "resource_types.user.list.map.display_name",
            f -> {
              f.configWith("SELECT id, name FROM users", "SELECT id FROM users");
              return f.sync();
            }),
        new Case(
            "SQL: a column that is not there",
            1,
            "sqlfeed: resource_types.team.grants[0].query (for team dev): ",
            f -> {
              f.configWith("SELECT id, user_id FROM members", "SELECT id, usr_id FROM members");
              return f.sync();
            }),
        new Case(
            "values: a CEL error on one row names the row",
            1,
            "resource type user, row #2: resource_types.user.list.map.display_name",
            f -> {
              f.configWith(
                  "        display_name: \".name\"",
                  "        display_name: \"string(10 / (.id - 2))\"");
              return f.sync();
            }),
        new Case(
            "keys: a NULL resource id",
            1,
            "resource type user, row #1: resource_types.user.list.map.id (.id): the resource id is"
                + " empty",
            f -> {
              f.source(
                  "CREATE TABLE u2 AS SELECT * FROM users",
                  "DROP TABLE users",
                  "CREATE TABLE users (id INTEGER, name TEXT)",
                  "INSERT INTO users SELECT * FROM u2",
                  "UPDATE users SET id = NULL WHERE id = 2");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "keys: an empty resource id",
            1,
            "resource type team, row #1: resource_types.team.list.map.id (.slug): the resource id"
                + " is empty",
            f -> {
              f.source("UPDATE teams SET slug = '' WHERE slug = 'dev'");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "keys: a NULL principal id in a grants row revokes nothing",
            1,
            "resource type team grants of dev, row id=2: resource_types.team.grants[0].map[0]"
                + ".principal_id (.user_id): the principal id is empty",
            f -> {
              f.source("UPDATE members SET user_id = NULL WHERE id = 2");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "keys: an empty principal id in a grants row revokes nothing",
            1,
            "row id=3: resource_types.team.grants[0].map[0].principal_id (.user_id): the principal"
                + " id is empty",
            f -> {
              f.source("UPDATE members SET user_id = '' WHERE id = 3");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "keys: a NULL entitlement id in an entitlements row",
            1,
            "resource type role entitlements of admin, row #1: resource_types.role.entitlements"
                + ".map[0].id (.perm): the entitlement id is empty",
            f -> {
              f.source("UPDATE role_perms SET perm = NULL WHERE perm = 'read'");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }),
        new Case(
            "keys: two rows with one resource id that differ, both named",
            1,
            "resource_types.user.list.query: rows 2 (#2) and 4 (#4) have the same resource id '2'"
                + " but differ",
            f -> {
              f.source(
                  "CREATE TABLE u2 AS SELECT * FROM users",
                  "DROP TABLE users",
                  "CREATE TABLE users (id INTEGER, name TEXT)",
                  "INSERT INTO users SELECT * FROM u2",
                  "INSERT INTO users VALUES (2, 'Bobby')");
              f.configWith("FROM users ORDER BY id", "FROM users ORDER BY rowid");
              return f.sync();
            }),
        new Case(
            "keys: two entitlement rows with one id that differ, both named",
            1,
            "have the same entitlement id 'read' but differ",
            f -> {
              f.source("INSERT INTO role_perms VALUES ('admin', 'read', 'Read all')");
              f.config(BadInputCatalogueIT.CONFIG);
              return f.sync();
            }));
  }
}
