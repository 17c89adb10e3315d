package dev.sqlfeed.domain.connect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JDBC adapter needs to open a database: a JDBC URL, the credentials apart from it, driver
 * properties, and which product it is. Built from the {@code connect} section by {@link #of}, which
 * accepts baton-sql's DSN forms and plain {@code jdbc:} URLs. How each form and its parameters
 * translate is documented, parameter by parameter, on this package's translators: {@code
 * PostgresDsn}, {@code MysqlDsn}, {@code SqlServerDsn}, {@code OracleDsn} and {@code SqliteDsn}.
 *
 * <p>{@link #toString()}, {@link #redactedUrl()} and {@link #redact(String)} never show the
 * password: not the field, not one inside the URL, not a secret-looking property.
 *
 * @param jdbcUrl a {@code jdbc:} URL, without the credentials when they were given apart
 * @param user the user name, or {@code null} when the URL or the driver decides
 * @param password the password, or {@code null}
 * @param properties driver properties, in order
 * @param product the database product, which decides the adapter's dialect and defaults
 */
public record ConnectionSpec(
    String jdbcUrl, String user, String password, Map<String, String> properties, Product product) {

  /** The database products sqlfeed knows. */
  public enum Product {
    POSTGRES,
    /** MySQL or MariaDB, through the MariaDB driver. */
    MYSQL,
    SQLITE,
    H2,
    SQLSERVER,
    ORACLE,
    OTHER;

    /** The product a JDBC URL names. */
    public static Product ofJdbcUrl(String jdbcUrl) {
      String url = jdbcUrl.toLowerCase(Locale.ROOT);
      if (url.startsWith("jdbc:postgresql:")) {
        return POSTGRES;
      } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
        return MYSQL;
      } else if (url.startsWith("jdbc:sqlite:")) {
        return SQLITE;
      } else if (url.startsWith("jdbc:h2:")) {
        return H2;
      } else if (url.startsWith("jdbc:sqlserver:")) {
        return SQLSERVER;
      } else if (url.startsWith("jdbc:oracle:")) {
        return ORACLE;
      }
      return OTHER;
    }
  }

  private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$\\{[A-Za-z0-9_]+}");
  private static final Pattern SCHEME_VARIABLE = Pattern.compile("(\\$\\{[A-Za-z0-9_]+})://");

  public ConnectionSpec {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
      throw new IllegalArgumentException("not a jdbc: URL: " + Secrets.maskUrlSecrets(jdbcUrl));
    }
    user = blankToNull(user);
    password = password == null || password.isEmpty() ? null : password;
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    Objects.requireNonNull(product, "product");
  }

  /** Parses a DSN or JDBC URL on its own, without credentials given apart. */
  public static ConnectionSpec parse(String dsn) {
    return of(ConnectValues.dsn(dsn, null, null));
  }

  /** Builds the spec from values whose {@code ${VAR}} references were already expanded. */
  public static ConnectionSpec of(ConnectValues values) {
    return of(values, null);
  }

  /**
   * Builds the spec, expanding {@code ${VAR}} references through {@code env} (for example {@code
   * System::getenv}; {@code null} for none) part by part after the DSN's structure was parsed, as
   * baton-sql does, so that a password full of {@code @:/#} in a variable cannot break it.
   *
   * @throws IllegalArgumentException naming the {@code connect.*} field at fault, one problem per
   *     line; the message never shows a password
   */
  public static ConnectionSpec of(ConnectValues values, Function<String, String> env) {
    List<String> problems = new ArrayList<>();
    String dsn = blankToNull(values.dsn());
    if (dsn != null) {
      dsn = expandLeading(dsn.strip(), env, problems);
    }
    String user = DsnParts.expand(blankToNull(values.user()), env, "connect.user", problems);
    String password = DsnParts.expand(values.password(), env, "connect.password", problems);
    Map<String, String> params = new LinkedHashMap<>();
    values
        .params()
        .forEach(
            (k, v) ->
                params.put(
                    DsnParts.expand(k, env, "connect.params", problems),
                    DsnParts.expand(v, env, "connect.params", problems)));
    if (dsn != null && dsn.regionMatches(true, 0, "jdbc:", 0, 5)) {
      String url = DsnParts.expand(dsn, env, "connect.dsn", problems);
      for (String field : List.of("scheme", "host", "port", "database")) {
        if (blankToNull(structured(values, field)) != null) {
          problems.add(
              "connect." + field + ": cannot be combined with a jdbc: URL; put it in the URL");
        }
      }
      failIf(problems);
      return jdbc(url, user, password, params);
    }
    DsnParts p = dsn == null ? DsnParts.empty() : DsnParts.parse(dsn);
    p.expand(env, "connect.dsn", problems);
    override(p, values, env, problems);
    if (user != null || (password != null && !password.isEmpty())) {
      p.user = user;
      p.password = password;
    }
    p.params.putAll(params);
    failIf(problems);
    return translate(p, dsn != null);
  }

  /** The JDBC URL with any password in it masked. */
  public String redactedUrl() {
    return Secrets.scrub(jdbcUrl, password);
  }

  /**
   * Masks this spec's password, and any password in URL or {@code key=value} form, in a text such
   * as a driver's error message.
   */
  public String redact(String text) {
    return Secrets.scrub(text, password);
  }

  @Override
  public String toString() {
    return "ConnectionSpec[product="
        + product
        + ", jdbcUrl="
        + redactedUrl()
        + ", user="
        + user
        + ", password="
        + Secrets.describePassword(password)
        + ", properties="
        + Secrets.maskProperties(properties)
        + "]";
  }

  private static ConnectionSpec jdbc(
      String url, String user, String password, Map<String, String> params) {
    String jdbcUrl = url;
    if (url.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
      // MySQL's own driver is GPL and not shipped; the MariaDB driver speaks to MySQL too.
      jdbcUrl = "jdbc:mariadb:" + url.substring(11);
    }
    return new ConnectionSpec(jdbcUrl, user, password, params, Product.ofJdbcUrl(jdbcUrl));
  }

  private static ConnectionSpec translate(DsnParts p, boolean fromDsn) {
    if (!p.port.isEmpty() && !p.port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("connect.port: not a port number: " + p.port);
    }
    if (p.scheme == null) {
      if (p.opaque != null && !p.opaque.isBlank()) {
        return SqliteDsn.toSpec(p);
      }
      throw new IllegalArgumentException(
          fromDsn
              ? "connect.dsn: no scheme; expected postgres://, mysql://, sqlserver://, oracle://,"
                  + " a SQLite file path or a jdbc: URL"
              : "connect.scheme: required when connect.dsn is not given");
    }
    return switch (p.scheme) {
      case "postgres", "postgresql" -> PostgresDsn.toSpec(p);
      case "mysql", "mariadb" -> MysqlDsn.toSpec(p);
      case "sqlserver", "mssql" -> SqlServerDsn.toSpec(p);
      case "oracle" -> OracleDsn.toSpec(p);
      case "sqlite", "sqlite3", "file" -> SqliteDsn.toSpec(p);
      default ->
          throw new IllegalArgumentException(
              "connect.dsn: the scheme \""
                  + p.scheme
                  + "\" is not supported; use postgres, mysql, sqlserver, oracle, sqlite or a"
                  + " jdbc: URL");
    };
  }

  /** The structured fields replace the DSN's parts, as in baton-sql's buildConnectionURL. */
  private static void override(
      DsnParts p, ConnectValues v, Function<String, String> env, List<String> problems) {
    String scheme = DsnParts.expand(blankToNull(v.scheme()), env, "connect.scheme", problems);
    if (scheme != null) {
      p.scheme = scheme.strip().toLowerCase(Locale.ROOT);
    }
    String host = DsnParts.expand(blankToNull(v.host()), env, "connect.host", problems);
    String port = DsnParts.expand(blankToNull(v.port()), env, "connect.port", problems);
    if (host != null) {
      if (port == null && !host.startsWith("[") && host.indexOf(':') == host.lastIndexOf(':')) {
        p.setHostPort(host.strip());
      } else {
        p.host = host.strip();
      }
    }
    if (port != null) {
      if (p.host.isEmpty()) {
        problems.add("connect.port: given without a host");
      }
      p.port = port.strip();
    }
    String database = DsnParts.expand(blankToNull(v.database()), env, "connect.database", problems);
    if (database != null) {
      if ("sqlserver".equals(p.scheme) || "mssql".equals(p.scheme)) {
        // go-mssqldb reads the URL path as the instance name; the database is a parameter.
        p.params.put("database", database);
      } else {
        p.path = database.startsWith("/") ? database : "/" + database;
      }
    }
  }

  private static String structured(ConnectValues v, String field) {
    return switch (field) {
      case "scheme" -> v.scheme();
      case "host" -> v.host();
      case "port" -> v.port();
      default -> v.database();
    };
  }

  /** A DSN that is one variable, or whose scheme is one, is expanded before it is parsed. */
  private static String expandLeading(
      String dsn, Function<String, String> env, List<String> problems) {
    if (WHOLE_VARIABLE.matcher(dsn).matches()) {
      return DsnParts.expand(dsn, env, "connect.dsn", problems).strip();
    }
    Matcher m = SCHEME_VARIABLE.matcher(dsn);
    if (m.lookingAt()) {
      return DsnParts.expand(m.group(1), env, "connect.dsn", problems) + dsn.substring(m.end(1));
    }
    return dsn;
  }

  private static void failIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
