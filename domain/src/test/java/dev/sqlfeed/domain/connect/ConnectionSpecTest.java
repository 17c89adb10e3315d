package dev.sqlfeed.domain.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionSpecTest {
  /** Every character that means something in a URL, plus a space and a non-ASCII letter. */
  static final String NASTY_PASSWORD = "p@ss:w/rd#?&=%+;é ~'\"x";

  static String encoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static ConnectionSpec spec(String dsn, String user, String password) {
    return ConnectionSpec.of(ConnectValues.dsn(dsn, user, password));
  }

  static ConnectValues structured(
      String scheme, String host, String port, String database, Map<String, String> params) {
    return new ConnectValues(null, scheme, host, port, database, "app", "secret-1", params);
  }

  @Nested
  class Postgres {
    @Test
    void credentialsAndSslmodeFromTheUrl() {
      ConnectionSpec s =
          spec("postgres://baton:password@localhost:5432/batondb?sslmode=disable", "", "");

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/batondb");
      assertThat(s.user()).isEqualTo("baton");
      assertThat(s.password()).isEqualTo("password");
      assertThat(s.properties()).containsExactly(entry("sslmode", "disable"));
      assertThat(s.product()).isEqualTo(Product.POSTGRES);
    }

    @Test
    void postgresqlSchemeAndDefaultHost() {
      ConnectionSpec s = spec("postgresql:///app", null, null);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
      assertThat(s.user()).isNull();
      assertThat(s.password()).isNull();
    }

    @Test
    void libpqKeywordsBecomePgjdbcProperties() {
      ConnectionSpec s =
          spec(
              "postgres://h/db?connect_timeout=7&application_name=feed&search_path=app"
                  + "&target_session_attrs=read-write&sslrootcert=/ca.pem&keepalives=1",
              "u",
              "p");

      assertThat(s.properties())
          .containsExactly(
              entry("connectTimeout", "7"),
              entry("ApplicationName", "feed"),
              entry("currentSchema", "app"),
              entry("targetServerType", "primary"),
              entry("sslrootcert", "/ca.pem"),
              entry("tcpKeepAlive", "true"));
    }

    @Test
    void runTimeParametersGoIntoOptionsAndPgxPoolSettingsAreDropped() {
      ConnectionSpec s =
          spec(
              "postgres://h/db?timezone=UTC&statement_timeout=5s&pool_max_conns=10"
                  + "&default_query_exec_mode=simple_protocol&tcpKeepAlive=true",
              null,
              null);

      assertThat(s.properties())
          .containsExactly(
              entry("tcpKeepAlive", "true"),
              entry("options", "-c timezone=UTC -c statement_timeout=5s"));
    }

    @Test
    void hostListAndIpv6StayWhole() {
      assertThat(spec("postgres://a:5432,b:5433/db", null, null).jdbcUrl())
          .isEqualTo("jdbc:postgresql://a:5432,b:5433/db");
      assertThat(spec("postgres://[::1]:5433/db", null, null).jdbcUrl())
          .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @Test
    void queryParametersForCredentialsAreTakenOutOfTheProperties() {
      ConnectionSpec s = spec("postgres://h/db?user=app&password=s3cret-pw", null, null);

      assertThat(s.user()).isEqualTo("app");
      assertThat(s.password()).isEqualTo("s3cret-pw");
      assertThat(s.properties()).isEmpty();
    }

    @Test
    void aUnixSocketHostIsRefused() {
      assertThatThrownBy(() -> spec("postgres:///db?host=/var/run/postgresql", null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unix socket");
    }
  }

  @Nested
  class Mysql {
    @Test
    void defaultPortAndTheGoDriverOptions() {
      ConnectionSpec s =
          spec(
              "mysql://root:pw@db.example/app?parseTime=true&loc=Local&tls=skip-verify"
                  + "&timeout=5s&readTimeout=1m&charset=utf8mb4&interpolateParams=true",
              null,
              null);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example:3306/app");
      assertThat(s.product()).isEqualTo(Product.MYSQL);
      assertThat(s.user()).isEqualTo("root");
      assertThat(s.password()).isEqualTo("pw");
      assertThat(s.properties())
          .containsExactly(
              entry("sslMode", "trust"),
              entry("connectTimeout", "5000"),
              entry("socketTimeout", "60000"));
    }

    @ParameterizedTest
    @CsvSource({"true,verify-full", "false,disable", "preferred,trust", "custom,verify-full"})
    void tlsValues(String tls, String sslMode) {
      assertThat(spec("mysql://h/db?tls=" + tls, null, null).properties())
          .containsEntry("sslMode", sslMode);
    }

    @Test
    void systemVariablesBecomeSessionVariablesAndDriverOptionsPassThrough() {
      ConnectionSpec s =
          spec(
              "mariadb://h:3307/db?sql_mode=%27ANSI%27&time_zone=%27%2B00:00%27&useCompression=true",
              null, null);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:mariadb://h:3307/db");
      assertThat(s.properties())
          .containsExactly(
              entry("useCompression", "true"),
              entry("sessionVariables", "sql_mode='ANSI',time_zone='+00:00'"));
    }

    @Test
    void aBadTimeoutNamesTheParameter() {
      assertThatThrownBy(() -> spec("mysql://h/db?timeout=5", null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("connect.dsn: parameter timeout:");
    }
  }

  @Nested
  class SqlServer {
    @Test
    void batonSqlExampleWithVariablesAndCredentialsApart() {
      Map<String, String> env =
          Map.of(
              "DB_HOST", "mssql.example",
              "DB_PORT", "1433",
              "DB_DATABASE", "hr",
              "DB_USER", "sa",
              "DB_PASSWORD", NASTY_PASSWORD);
      ConnectionSpec s =
          ConnectionSpec.of(
              ConnectValues.dsn(
                  "sqlserver://${DB_HOST}:${DB_PORT}?database=${DB_DATABASE}",
                  "${DB_USER}",
                  "${DB_PASSWORD}"),
              env::get);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlserver://mssql.example:1433");
      assertThat(s.product()).isEqualTo(Product.SQLSERVER);
      assertThat(s.user()).isEqualTo("sa");
      assertThat(s.password()).isEqualTo(NASTY_PASSWORD);
      assertThat(s.properties())
          .containsExactly(entry("encrypt", "false"), entry("databaseName", "hr"));
    }

    @Test
    void instanceAndGoMssqldbParameters() {
      ConnectionSpec s =
          spec(
              "sqlserver://u:p@h/SQLEXPRESS?database=app&encrypt=true&TrustServerCertificate=true"
                  + "&app+name=feed&dial+timeout=9&log=63",
              null,
              null);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlserver://h");
      assertThat(s.properties())
          .containsExactly(
              entry("instanceName", "SQLEXPRESS"),
              entry("encrypt", "true"),
              entry("databaseName", "app"),
              entry("trustServerCertificate", "true"),
              entry("applicationName", "feed"),
              entry("loginTimeout", "9"));
    }

    @ParameterizedTest
    @CsvSource({
      "disable,false",
      "false,false",
      "optional,false",
      "mandatory,true",
      "strict,strict"
    })
    void encryptValues(String given, String jdbc) {
      assertThat(spec("sqlserver://h?encrypt=" + given, null, null).properties())
          .containsEntry("encrypt", jdbc);
    }

    @Test
    void theDatabaseFieldIsTheDatabaseNotTheInstance() {
      ConnectionSpec s =
          ConnectionSpec.of(structured("sqlserver", "h", "1433", "payroll", Map.of()));

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlserver://h:1433");
      assertThat(s.properties())
          .containsEntry("databaseName", "payroll")
          .doesNotContainKey("instanceName");
    }
  }

  @Nested
  class Oracle {
    @Test
    void serviceNameWithCredentialsApart() {
      ConnectionSpec s = spec("oracle://ora.example:1522/ORCLPDB1", "scott", NASTY_PASSWORD);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//ora.example:1522/ORCLPDB1");
      assertThat(s.product()).isEqualTo(Product.ORACLE);
      assertThat(s.password()).isEqualTo(NASTY_PASSWORD);
    }

    @Test
    void sslSidAndTimeout() {
      assertThat(spec("oracle://h/SVC?SSL=true", null, null).jdbcUrl())
          .isEqualTo("jdbc:oracle:thin:@tcps://h:1521/SVC");
      ConnectionSpec sid =
          spec("oracle://h:1521?SID=XE&CONNECT+TIMEOUT=3&TRACE+FILE=t.log", null, null);
      assertThat(sid.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@h:1521:XE");
      assertThat(sid.properties()).containsExactly(entry("oracle.net.CONNECT_TIMEOUT", "3000"));
    }
  }

  // The tables of forms below are alike in shape only, on purpose, to each other and to
  // FirstCursorValues' LOWEST: pairs of values, each table its own.
  @Nested
  class Sqlite {
    static Stream<Arguments> forms() {
      return Stream.of(
          Arguments.of("./app.db", "jdbc:sqlite:./app.db"),
          Arguments.of("/var/lib/app/app.db", "jdbc:sqlite:/var/lib/app/app.db"),
          Arguments.of("app.sqlite", "jdbc:sqlite:app.sqlite"),
          Arguments.of("C:\\data\\app.db", "jdbc:sqlite:C:\\data\\app.db"),
          Arguments.of("sqlite:app.db", "jdbc:sqlite:app.db"),
          Arguments.of("sqlite3:app.db", "jdbc:sqlite:app.db"),
          Arguments.of("sqlite:///srv/app.db", "jdbc:sqlite:/srv/app.db"),
          Arguments.of("sqlite://data/app.db", "jdbc:sqlite:data/app.db"),
          Arguments.of("sqlite://./app.db", "jdbc:sqlite:./app.db"),
          Arguments.of("file:app.db", "jdbc:sqlite:app.db"),
          Arguments.of("file:my%20app.db", "jdbc:sqlite:my app.db"),
          Arguments.of("file:///srv/app.db", "jdbc:sqlite:/srv/app.db"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void pathForms(String dsn, String jdbcUrl) {
      ConnectionSpec s = spec(dsn, null, null);

      assertThat(s.jdbcUrl()).isEqualTo(jdbcUrl);
      assertThat(s.product()).isEqualTo(Product.SQLITE);
    }

    @Test
    void goDriverOptionsBecomePragmas() {
      ConnectionSpec s =
          spec(
              "file:app.db?mode=ro&cache=shared&_busy_timeout=5000&_pragma=foreign_keys(1)&_loc=auto",
              null,
              null);

      assertThat(s.properties())
          .containsExactly(
              entry("open_mode", "1"),
              entry("shared_cache", "true"),
              entry("busy_timeout", "5000"),
              entry("foreign_keys", "1"));
    }

    @Test
    void anEmptyPathIsRefused() {
      assertThatThrownBy(() -> spec("sqlite://", null, null))
          .hasMessage("connect.dsn: an SQLite DSN needs a file path");
    }
  }

  @Nested
  class JdbcUrls {
    @ParameterizedTest
    @CsvSource({
      "jdbc:postgresql://h:5432/db?sslmode=require, POSTGRES",
      "jdbc:mariadb://h:3306/db, MYSQL",
      "jdbc:sqlite:/tmp/app.db, SQLITE",
      "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1, H2",
      "jdbc:sqlserver://h:1433;databaseName=db;encrypt=false, SQLSERVER",
      "jdbc:oracle:thin:@//h:1521/svc, ORACLE",
      "jdbc:db2://h:50000/db, OTHER"
    })
    void keptAsTheyAre(String url, Product product) {
      ConnectionSpec s = spec(url, "app", "pw-123");

      assertThat(s.jdbcUrl()).isEqualTo(url);
      assertThat(s.product()).isEqualTo(product);
      assertThat(s.user()).isEqualTo("app");
      assertThat(s.password()).isEqualTo("pw-123");
    }

    @Test
    void mysqlUrlsUseTheMariadbDriver() {
      assertThat(spec("jdbc:mysql://h:3306/db", null, null).jdbcUrl())
          .isEqualTo("jdbc:mariadb://h:3306/db");
    }

    @Test
    void paramsBecomePropertiesButHostCannotBeCombined() {
      ConnectionSpec s =
          ConnectionSpec.of(
              new ConnectValues(
                  "jdbc:postgresql://h/db",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  Map.of("ssl", "true")));
      assertThat(s.properties()).containsExactly(entry("ssl", "true"));

      assertThatThrownBy(
              () ->
                  ConnectionSpec.of(
                      new ConnectValues(
                          "jdbc:postgresql://h/db", null, "other", null, null, null, null, null)))
          .hasMessage("connect.host: cannot be combined with a jdbc: URL; put it in the URL");
    }
  }

  @Nested
  class StructuredFields {
    @Test
    void withoutADsn() {
      ConnectionSpec s =
          ConnectionSpec.of(
              structured("postgres", "db.example", "6432", "app", Map.of("sslmode", "require")));

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/app");
      assertThat(s.user()).isEqualTo("app");
      assertThat(s.password()).isEqualTo("secret-1");
      assertThat(s.properties()).containsExactly(entry("sslmode", "require"));
    }

    @Test
    void overrideTheDsnsParts() {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("sslmode", "verify-full");
      ConnectionSpec s =
          ConnectionSpec.of(
              new ConnectValues(
                  "postgres://old:oldpw@old-host:5432/old_db?sslmode=disable&application_name=x",
                  null,
                  "new-host",
                  "5433",
                  "new_db",
                  "new",
                  NASTY_PASSWORD,
                  params));

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://new-host:5433/new_db");
      assertThat(s.user()).isEqualTo("new");
      assertThat(s.password()).isEqualTo(NASTY_PASSWORD);
      assertThat(s.properties())
          .containsExactly(entry("sslmode", "verify-full"), entry("ApplicationName", "x"));
    }

    @Test
    void aUserGivenApartDropsTheDsnsPasswordAsInBatonSql() {
      ConnectionSpec s = spec("postgres://old:oldpw@h/db", "new", "");

      assertThat(s.user()).isEqualTo("new");
      assertThat(s.password()).isNull();
    }

    @Test
    void aHostWithAPortAndAPortWithoutAHost() {
      assertThat(ConnectionSpec.of(structured("mysql", "h:3307", null, "db", Map.of())).jdbcUrl())
          .isEqualTo("jdbc:mariadb://h:3307/db");
      assertThatThrownBy(() -> ConnectionSpec.of(structured("mysql", null, "3307", "db", Map.of())))
          .hasMessage("connect.port: given without a host");
    }

    @Test
    void aSchemeIsRequired() {
      assertThatThrownBy(() -> ConnectionSpec.of(structured(null, "h", null, "db", Map.of())))
          .hasMessage("connect.scheme: required when connect.dsn is not given");
    }
  }

  @Nested
  class Variables {
    @Test
    void aPasswordFullOfUrlCharactersCannotBreakTheDsn() {
      Function<String, String> env = Map.of("PW", NASTY_PASSWORD, "HOST", "h")::get;
      ConnectionSpec s =
          ConnectionSpec.of(
              ConnectValues.dsn("postgres://app:${PW}@${HOST}:5432/db", null, null), env);

      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
      assertThat(s.user()).isEqualTo("app");
      assertThat(s.password()).isEqualTo(NASTY_PASSWORD);
    }

    @Test
    void wholeDsnSchemeHostWithDatabaseAndCredentialsInOneVariable() {
      Map<String, String> env =
          Map.of(
              "DSN", "mysql://u:p@h/db",
              "SCHEME", "postgres",
              "HOSTDB", "pg.example:5433/sales",
              "CREDS", "admin:" + NASTY_PASSWORD);

      assertThat(ConnectionSpec.of(ConnectValues.dsn("${DSN}", null, null), env::get).jdbcUrl())
          .isEqualTo("jdbc:mariadb://h:3306/db");
      ConnectionSpec s =
          ConnectionSpec.of(
              ConnectValues.dsn("${SCHEME}://${CREDS}@${HOSTDB}", null, null), env::get);
      assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://pg.example:5433/sales");
      assertThat(s.user()).isEqualTo("admin");
      assertThat(s.password()).isEqualTo(NASTY_PASSWORD);
    }

    @Test
    void everyMissingVariableIsNamed() {
      assertThatThrownBy(
              () ->
                  ConnectionSpec.of(
                      ConnectValues.dsn("postgres://${H}/db", "u", "${DB_PASSWORD}"), name -> null))
          .hasMessageContaining("connect.dsn: environment variable H is not set")
          .hasMessageContaining("connect.password: environment variable DB_PASSWORD is not set");
    }

    @Test
    void withoutALookupVariablesAreLiteral() {
      assertThat(spec("postgres://h/db", "u", "${NOT_A_VAR}").password()).isEqualTo("${NOT_A_VAR}");
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "hdb://u:S3cretPw@h/db | connect.dsn: the scheme \"hdb\" is not supported",
          "postgres://u:S3cretPw@h:port/db | connect.port: not a port number",
          "postgres://u:S3cr%zzetPw@h/db | malformed %-escape in the DSN's password",
          "mysql://u:S3cretPw@h/db?tls=true&timeout=forever | connect.dsn: parameter timeout"
        })
    void messagesNameTheProblemButNeverThePassword(String dsn, String message) {
      assertThatThrownBy(() -> spec(dsn, null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message)
          .message()
          .doesNotContain("S3cretPw")
          .doesNotContain("S3cr%zzetPw");
    }

    @Test
    void noScheme() {
      assertThatThrownBy(() -> spec("", null, null))
          .hasMessage("connect.scheme: required when connect.dsn is not given");
    }
  }

  @Nested
  class NothingShowsThePassword {
    static Stream<Arguments> specs() {
      String p = NASTY_PASSWORD;
      String e = encoded(p);
      return Stream.of(
          Arguments.of(spec("postgres://u:" + e + "@h/db?sslmode=require", null, null)),
          Arguments.of(spec("postgres://h/db?password=" + e, null, null)),
          Arguments.of(spec("mysql://h/db", "u", p)),
          Arguments.of(spec("sqlserver://u:" + e + "@h?database=x", null, null)),
          Arguments.of(spec("oracle://h/svc", "u", p)),
          Arguments.of(spec("jdbc:postgresql://h/db?user=u&password=" + e, null, p)),
          Arguments.of(spec("jdbc:mariadb://u:" + e + "@h/db", null, p)),
          Arguments.of(
              ConnectionSpec.of(
                  new ConnectValues(
                      "postgres://h/db",
                      null,
                      null,
                      null,
                      null,
                      "u",
                      p,
                      Map.of("sslpassword", p)))));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void inToStringRedactedUrlOrRedactedMessages(ConnectionSpec s) {
      assertThat(s.password()).isNotNull();
      String secret = s.password();
      String message =
          "FATAL: login failed for "
              + s.jdbcUrl()
              + " with "
              + secret
              + " ("
              + encoded(secret)
              + ")";
      for (String shown : new String[] {s.toString(), s.redactedUrl(), s.redact(message)}) {
        assertThat(shown)
            .doesNotContain(secret)
            .doesNotContain(encoded(secret))
            .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
            .doesNotContain("rd#?&");
      }
      assertThat(s.toString()).contains("password=***");
    }

    @ParameterizedTest
    @CsvSource({
      "jdbc:postgresql://h/db?user=u&password=Hunter2pw&ssl=true",
      "jdbc:mariadb://u:Hunter2pw@h/db",
      "jdbc:sqlserver://h;user=u;password=Hunter2pw;encrypt=false",
      "jdbc:oracle:thin:u/Hunter2pw@//h:1521/svc",
      "jdbc:db2://h:50000/db:user=u;password=Hunter2pw;"
    })
    void insideAJdbcUrlWithoutAPasswordGivenApart(String url) {
      ConnectionSpec s = spec(url, null, null);

      assertThat(s.toString()).doesNotContain("Hunter2pw").contains("***");
      assertThat(s.redactedUrl()).doesNotContain("Hunter2pw");
      assertThat(s.redact("failed: " + url)).doesNotContain("Hunter2pw");
    }

    @Test
    void connectValuesToString() {
      ConnectValues v =
          new ConnectValues(
              "postgres://u:S3cretPw@h/db",
              null,
              null,
              null,
              null,
              "u",
              "An0therPw",
              Map.of("sslpassword", "Th1rdPw"));

      assertThat(v.toString())
          .doesNotContain("S3cretPw")
          .doesNotContain("An0therPw")
          .doesNotContain("Th1rdPw")
          .contains("postgres://u:***@h/db");
    }
  }
}
