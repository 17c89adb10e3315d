package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of config problem, with the exact message and position it is reported at. */
class ConfigProblemsTest {
  private static List<String> problems(String yaml) {
    return problems(Map.of(), yaml);
  }

  /** The warnings of a config that loads. */
  private static List<String> warnings(String yaml) {
    return TestConfigs.loader().load("c.yml", yaml).warnings();
  }

  private static List<String> problems(Map<String, String> env, String yaml) {
    ConfigCheckingLoader loader = new ConfigCheckingLoader(TestConfigs.loader(env));
    return loader.errors(yaml);
  }

  /** Loads text and returns its errors, failing the test if it loads. */
  private record ConfigCheckingLoader(ConfigLoader loader) {
    List<String> errors(String yaml) {
      try {
        loader.load("c.yml", yaml);
      } catch (ConfigException e) {
        return e.problems();
      }
      throw new AssertionError("expected the config to be rejected");
    }
  }

  @Test
  void anUnknownKeyGetsADidYouMeanHint() {
    String yaml = TestConfigs.MINIMAL.replace("      query:", "      querry:");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:7:5: resource_types.user.list: missing required key 'query'",
            "c.yml:8:7: resource_types.user.list.querry: unknown key 'querry' (did you mean"
                + " 'query'?)");
  }

  @Test
  void anUnknownKeyFarFromAnyListsTheAllowedOnes() {
    String yaml = TestConfigs.MINIMAL + "    colour: blue\n";

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:12:5: resource_types.user.colour: unknown key 'colour' (allowed here: 'name',"
                + " 'description', 'list', 'entitlements', 'static_entitlements', 'grants',"
                + " 'skip_entitlements_and_grants', 'account_provisioning', 'credential_rotation',"
                + " 'get', 'incremental_sync')");
  }

  @Test
  void aMisspeltTopLevelKeyIsCaughtToo() {
    String yaml = TestConfigs.MINIMAL.replace("app_name:", "appname:");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:1:1: appname: unknown key 'appname' (did you mean 'app_name'?)",
            "c.yml:1:1: missing required key 'app_name'");
  }

  @Test
  void aListWhereAMappingBelongsIsAWrongType() {
    String yaml =
        """
        app_name: Demo
        connect:
          dsn: "sqlite:demo.db"
        resource_types:
          user:
            name: User
            list:
              - query: SELECT 1
        """;

    assertThat(problems(yaml))
        .containsExactly("c.yml:8:7: resource_types.user.list: expected a mapping, found a list");
  }

  @Test
  void yesForANumberIsAWrongType() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                  pagination:
                    strategy: offset
                    primary_key: id
                    page_size: yes
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:15:20: resource_types.user.list.pagination.page_size: expected an integer,"
                + " found 'yes'");
  }

  @Test
  void aWordForABooleanIsAWrongType() {
    String yaml = TestConfigs.MINIMAL + "    skip_entitlements_and_grants: sometimes\n";

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:12:35: resource_types.user.skip_entitlements_and_grants: expected true or"
                + " false, found 'sometimes'");
  }

  @Test
  void aMissingRequiredKeyIsReportedAtItsMapping() {
    String yaml = TestConfigs.MINIMAL.replace("        display_name: \".login\"\n", "");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:9:7: resource_types.user.list.map: missing required key 'display_name'");
  }

  @Test
  void anEmptyConnectNeedsADsnOrScheme() {
    String yaml = TestConfigs.MINIMAL.replace("connect:\n  dsn: \"sqlite:demo.db\"", "connect: {}");

    assertThat(problems(yaml))
        .containsExactly("c.yml:2:1: connect: needs 'dsn' or 'scheme' (with 'host')");
  }

  @Test
  void anEmptyResourceTypesMappingIsRejected() {
    String yaml = "app_name: Demo\nconnect:\n  dsn: x.db\nresource_types: {}\n";

    assertThat(problems(yaml))
        .containsExactly("c.yml:4:17: resource_types: needs at least one resource type");
  }

  @Test
  void anEmptyGrantMappingIsRejected() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                grants:
                  - query: SELECT login FROM members
                    map: []
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:14:14: resource_types.user.grants[0].map: needs at least one grant mapping");
  }

  @Test
  void anUnsetVariableIsNamedAndNoValueIsPrinted() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "dsn: \"sqlite:demo.db\"",
            "dsn: \"postgres://${DB_HOST}/app\"\n  user: ${DB_USER}\n  password: \"${DB_PASSWORD}\"");
    Map<String, String> env = Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "pa55word-xyz");

    List<String> problems = problems(env, yaml);

    assertThat(problems)
        .containsExactly("c.yml:4:9: connect.user: environment variable DB_USER is not set");
    assertThat(String.join("\n", problems))
        .doesNotContain("pa55word-xyz")
        .doesNotContain("db.internal");
  }

  @Test
  void aListQueryMayNotUseSince() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "query: SELECT id, login FROM users",
            "query: SELECT id, login FROM users WHERE t > ?<since>");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:8:52: resource_types.user.list.query: uses ?<since>, which a list query may not"
                + " use");
  }

  @Test
  void aPlaceholderThatIsNoVarIsRejected() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "query: SELECT id, login FROM users",
            "query: SELECT id, login FROM users WHERE org = ?<org>");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:8:54: resource_types.user.list.query: uses ?<org>, which is not defined in vars");
  }

  @Test
  void cursorPaginationNeedsTheCursorPlaceholder() {
    String yaml =
        TestConfigs.MINIMAL.replace(
                "query: SELECT id, login FROM users",
                "query: SELECT id, login FROM users ORDER BY id LIMIT ?<Limit>")
            + """
                  pagination:
                    strategy: cursor
                    primary_key: id
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:8:14: resource_types.user.list.query: cursor pagination needs both ?<Limit> and"
                + " ?<Cursor>; ?<Cursor> is missing");
  }

  @Test
  void offsetPaginationMayNotUseTheCursorPlaceholder() {
    String yaml =
        TestConfigs.MINIMAL.replace(
                "query: SELECT id, login FROM users",
                "query: SELECT id FROM users WHERE id > ?<Cursor> LIMIT ?<Limit> OFFSET ?<Offset>")
            + """
                  pagination:
                    strategy: offset
                    primary_key: id
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:8:46: resource_types.user.list.query: uses ?<Cursor>, which offset pagination"
                + " never sets");
  }

  @Test
  void pagingPlaceholdersNeedAPaginationBlock() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "query: SELECT id, login FROM users",
            "query: SELECT id FROM users LIMIT ?<Limit> OFFSET ?<Offset>");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:8:41: resource_types.user.list.query: uses ?<Limit> but the query has no"
                + " pagination block",
            "c.yml:8:57: resource_types.user.list.query: uses ?<Offset> but the query has no"
                + " pagination block");
  }

  @Test
  void anIncrementalResourceNeedsSinceAndAGetQuery() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                incremental_sync:
                  query: SELECT id, login, changed FROM users
                  cursor_column: changed
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:12:5: resource_types.user.incremental_sync: needs a 'get' query on the resource"
                + " type, to re-read each changed resource",
            "c.yml:13:14: resource_types.user.incremental_sync.query: missing ?<since>");
  }

  @Test
  void aGetQueryNeedsId() {
    String yaml =
        TestConfigs.MINIMAL
            + "    get:\n      query: SELECT id FROM users WHERE login = ?<login>\n";

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:13:14: resource_types.user.get.query: missing ?<id>",
            "c.yml:13:49: resource_types.user.get.query: uses ?<login>, which is not defined in"
                + " vars");
  }

  @Test
  void keysetModeRejectsAQueryThatPagesItself() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                get:
                  query: SELECT id, login FROM users WHERE id = ?<id>
                incremental_sync:
                  query: SELECT id, changed FROM users WHERE changed > ?<since> LIMIT ?<Limit> OFFSET ?<Offset>
                  cursor_column: changed
                  pagination:
                    strategy: offset
                    primary_key: id
                  mode: keyset
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:15:75: resource_types.user.incremental_sync.query: pages itself with"
                + " ?<Limit>, but mode is keyset: sqlfeed adds the paging; remove it or set mode:"
                + " compat",
            "c.yml:15:91: resource_types.user.incremental_sync.query: pages itself with"
                + " ?<Offset>, but mode is keyset: sqlfeed adds the paging; remove it or set mode:"
                + " compat");
  }

  @Test
  void anUnknownPaginationStrategyListsTheAllowedOnes() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                  pagination:
                    strategy: keyset
                    primary_key: id
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:13:19: resource_types.user.list.pagination.strategy: 'keyset' is not one of"
                + " 'offset', 'cursor'");
  }

  @Test
  void anUnknownModeGetsAHint() {
    String yaml = TestConfigs.MINIMAL + "incremental_sync:\n  mode: compt\n";

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:13:9: incremental_sync.mode: 'compt' is not one of 'keyset', 'compat'; did you"
                + " mean 'compat'?");
  }

  @Test
  void anUnknownAccountFieldTypeListsTheAllowedOnes() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                account_provisioning:
                  schema:
                    - name: login
                      type: text
                  credentials:
                    no_password: {preferred: true}
                  create:
                    queries: ["INSERT INTO users (login) VALUES (?<login>)"]
                    vars: {login: input.login}
                  validate:
                    query: SELECT 1
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:15:17: resource_types.user.account_provisioning.schema[0].type: 'text' is not"
                + " one of 'string', 'string_list', 'boolean', 'int', 'map'");
  }

  @Test
  void badDurationsSayWhatIsWrong() {
    String yaml =
        TestConfigs.MINIMAL
            + "incremental_sync:\n  default_lookback: 3x\n  poll_interval: 30\n  overlap: -5m\n";

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:13:21: incremental_sync.default_lookback: invalid duration '3x': unknown unit"
                + " 'x' (use Go's form, such as 3h, 90s, 500ms or 1h30m)",
            "c.yml:14:18: incremental_sync.poll_interval: invalid duration '30': '30' has no unit"
                + " (use Go's form, such as 3h, 90s, 500ms or 1h30m)",
            "c.yml:15:12: incremental_sync.overlap: must not be negative: '-5m'");
  }

  @Test
  void anActionMayNotHaveBothQueryAndQueries() {
    String yaml =
        TestConfigs.MINIMAL
            + """
            actions:
              lock:
                name: Lock
                action_type: [account_lock]
                arguments:
                  who: {name: Who, type: string, required: true, default: nobody}
                query: UPDATE users SET locked = true WHERE login = ?<who>
                queries: ["SELECT 1"]
            """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:13:3: actions.lock: set only one of 'query' and 'queries'",
            "c.yml:15:19: actions.lock.action_type[0]: 'account_lock' is not one of 'unspecified',"
                + " 'dynamic', 'account', 'account_update_profile', 'account_disable',"
                + " 'account_enable'",
            "c.yml:17:63: actions.lock.arguments.who.default: a required argument may not have a"
                + " default");
  }

  @Test
  void severalProblemsInOneFileAreAllReportedInFileOrder() {
    String yaml =
        """
        app_name: Demo
        connect:
          dsn: ${NOPE}
        resource_types:
          user:
            nme: User
            list:
              query: SELECT id FROM users WHERE x = ?<since>
              map:
                id: ".id"
          group:
            name: Group
            list:
              query: SELECT id FROM groups
              map:
                id: ".id"
                display_name: ".name"
            grants:
              - query: SELECT member FROM memberships
                map:
                  - principal_id: ".member"
                    entitlement_id: "'member'"
        incremental_sync:
          poll_interval: soon
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:3:8: connect.dsn: environment variable NOPE is not set",
            "c.yml:5:3: resource_types.user: missing required key 'name'",
            "c.yml:6:5: resource_types.user.nme: unknown key 'nme' (did you mean 'name'?)",
            "c.yml:8:45: resource_types.user.list.query: uses ?<since>, which a list query may"
                + " not use",
            "c.yml:9:7: resource_types.user.list.map: missing required key 'display_name'",
            "c.yml:21:13: resource_types.group.grants[0].map[0]: missing required key"
                + " 'principal_type'",
            "c.yml:24:18: incremental_sync.poll_interval: invalid duration 'soon': expected a"
                + " number at 'soon' (use Go's form, such as 3h, 90s, 500ms or 1h30m)");
  }

  @Test
  void warningsDoNotStopAConfigFromLoading() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                grants:
                  - query: SELECT login FROM admins
                    map:
                      - principal_id: ".login"
                        principal_type: usr
                        entitlement_id: "'admin'"
            """;

    assertThat(warnings(yaml))
        .containsExactly(
            "c.yml:16:29: resource_types.user.grants[0].map[0].principal_type: 'usr' is not a"
                + " resource type of this config (did you mean 'user'?)");
  }

  @Test
  void aKeyBatonSqlIgnoresInItsOwnExamplesIsAWarning() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                    traits:
                      user:
                        employee_id: [".badge"]
            """;

    assertThat(warnings(yaml))
        .containsExactly(
            "c.yml:14:13: resource_types.user.list.map.traits.user.employee_id: baton-sql ignores"
                + " 'employee_id', so sqlfeed does too (did you mean 'employee_ids'?)");
  }

  @Test
  void databasesTakesStaticNamesOrADiscoveryQueryNotBoth() {
    String yaml =
        TestConfigs.MINIMAL.replace(
            "  dsn: \"sqlite:demo.db\"\n",
            "  dsn: \"sqlite:demo.db\"\n  databases:\n    static: [a, b]\n    discovery_query: SELECT 1\n");

    assertThat(problems(yaml))
        .containsExactly(
            "c.yml:4:3: connect.databases: set only one of 'static' and 'discovery_query'");
  }

  @Test
  void aPastedPlaceholderInAReadQueryIsAWarning() {
    String yaml =
        TestConfigs.MINIMAL.replace(
                "query: SELECT id, login FROM users",
                "query: SELECT id, login FROM ?<tbl|identifier>")
            + "      vars:\n        tbl: \"'users'\"\n";

    assertThat(warnings(yaml))
        .containsExactly(
            "c.yml:8:36: resource_types.user.list.query: ?<tbl|identifier> pastes its value into"
                + " the SQL text instead of binding it");
  }

  @Test
  void anEntitlementsQueryBesideStaticEntitlementsIsAWarning() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                static_entitlements:
                  - id: member
                    display_name: "'Member'"
                entitlements:
                  query: SELECT name FROM perms
                  map:
                    - id: ".name"
                      display_name: ".name"
            """;

    assertThat(warnings(yaml))
        .containsExactly(
            "c.yml:15:5: resource_types.user.entitlements: baton-sql reads only static_entitlements"
                + " when both are set; this query is not run");
  }

  @Test
  void aProblemIsNeverThrownForAValidMinimalConfig() {
    assertThatThrownBy(() -> problems(TestConfigs.MINIMAL)).isInstanceOf(AssertionError.class);
  }
}
