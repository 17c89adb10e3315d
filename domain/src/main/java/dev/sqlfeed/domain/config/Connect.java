package dev.sqlfeed.domain.config;

import dev.sqlfeed.domain.connect.ConnectValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code connect} section, every field after {@code ${VAR}} expansion except {@code dsn}, whose
 * references are expanded part by part when connecting (every one of them is known to be set).
 * Either {@code dsn} or the structured fields are given (or both: then the structured fields
 * override the DSN's parts, as in baton-sql). Absent fields are empty strings.
 *
 * <p>{@link #toString()} never shows the password, neither the field nor one inside the DSN: it is
 * {@link ConnectValues}' own.
 *
 * @param values the fields as {@link dev.sqlfeed.domain.connect.ConnectionSpec#of} takes them
 * @param databases per-database iteration, if configured
 * @param path the YAML path ({@code connect})
 */
public record Connect(ConnectValues values, Optional<Databases> databases, String path) {

  public Connect {
    Objects.requireNonNull(values, "values");
    for (String field :
        new String[] {
          values.dsn(),
          values.scheme(),
          values.host(),
          values.port(),
          values.database(),
          values.user(),
          values.password()
        }) {
      Objects.requireNonNull(field, "connect fields are empty strings when absent, not null");
    }
    Objects.requireNonNull(databases, "databases");
    Objects.requireNonNull(path, "path");
  }

  /**
   * @param dsn a baton-sql DSN ({@code postgres://...}, {@code mysql://...}, a SQLite path ...) or
   *     a {@code jdbc:} URL
   * @param scheme the database kind when the structured fields are used
   * @param host host name (may carry a port for some databases)
   * @param port port, as text
   * @param database database name
   * @param user user name, to be URL-encoded into the DSN
   * @param password password, to be URL-encoded into the DSN; never logged
   * @param params extra connection parameters, in file order
   */
  public Connect(
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
    this(
        new ConnectValues(dsn, scheme, host, port, database, user, password, params),
        databases,
        path);
  }

  public String dsn() {
    return values.dsn();
  }

  public String scheme() {
    return values.scheme();
  }

  public String host() {
    return values.host();
  }

  public String port() {
    return values.port();
  }

  public String database() {
    return values.database();
  }

  public String user() {
    return values.user();
  }

  public String password() {
    return values.password();
  }

  /** Extra connection parameters, in file order. */
  public Map<String, String> params() {
    return values.params();
  }

  @Override
  public String toString() {
    return "Connect[" + values + ", databases=" + databases + "]";
  }
}
