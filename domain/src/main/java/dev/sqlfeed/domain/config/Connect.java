package dev.sqlfeed.domain.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code connect} section, every field after {@code ${VAR}} expansion except {@code dsn}, whose
 * references are expanded part by part when connecting (every one of them is known to be set).
 * Either {@code dsn} or the structured fields are given (or both: then the structured fields
 * override the DSN's parts, as in baton-sql). Absent fields are empty strings.
 *
 * <p>{@link #toString()} never shows the password, neither the field nor one inside the DSN.
 *
 * @param dsn a baton-sql DSN ({@code postgres://...}, {@code mysql://...}, a SQLite path ...) or a
 *     {@code jdbc:} URL
 * @param scheme the database kind when the structured fields are used
 * @param host host name (may carry a port for some databases)
 * @param port port, as text
 * @param database database name
 * @param user user name, to be URL-encoded into the DSN
 * @param password password, to be URL-encoded into the DSN; never logged
 * @param params extra connection parameters, in file order
 * @param databases per-database iteration, if configured
 * @param path the YAML path ({@code connect})
 */
public record Connect(
    String dsn,
    String scheme,
    String host,
    String port,
    String database,
    String user,
    String password,
    Map<String, String> params,
    Optional<Databases> databases,
    String path) {

  public Connect {
    Objects.requireNonNull(dsn, "dsn");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    params = Ordered.copy(params);
    Objects.requireNonNull(databases, "databases");
    Objects.requireNonNull(path, "path");
  }

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile("(?i).*(pass|pwd|secret|token).*");

  /**
   * The DSN with secrets replaced by {@code ***}: the password of {@code user:password@} and the
   * value of any parameter whose name says it is one ({@code password=}, {@code pwd=}, {@code
   * token=} ...).
   */
  public String redactedDsn() {
    return dsn.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@")
        .replaceAll(
            "(?i)((?:^|[?&;\\s])[a-z_]*(?:pass|pwd|secret|token)[a-z_]*=)[^&;\\s]*", "$1***");
  }

  /** {@link #params()} with the values of secret-looking names replaced by {@code ***}. */
  private Map<String, String> redactedParams() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, SECRET_NAME.matcher(k).matches() ? "***" : v));
    return out;
  }

  @Override
  public String toString() {
    return "Connect[dsn="
        + redactedDsn()
        + ", scheme="
        + scheme
        + ", host="
        + host
        + ", port="
        + port
        + ", database="
        + database
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", params="
        + redactedParams()
        + ", databases="
        + databases
        + "]";
  }
}
