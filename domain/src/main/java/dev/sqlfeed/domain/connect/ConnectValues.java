package dev.sqlfeed.domain.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code connect} section's values as written, the input to {@link ConnectionSpec#of}. Absent
 * fields are {@code null} or empty. The structured fields override the DSN's parts, as in
 * baton-sql: {@code scheme}, {@code host}, {@code port} and {@code database} replace theirs; a
 * {@code user} or {@code password} replaces the DSN's user info; {@code params} are merged over the
 * DSN's query parameters.
 *
 * <p>{@link #toString()} never shows the password, neither the field nor one inside the DSN.
 */
public record ConnectValues(
    String dsn,
    String scheme,
    String host,
    String port,
    String database,
    String user,
    String password,
    Map<String, String> params) {

  public ConnectValues {
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A DSN (or JDBC URL) with an optional user and password given apart. */
  public static ConnectValues dsn(String dsn, String user, String password) {
    return new ConnectValues(dsn, null, null, null, null, user, password, Map.of());
  }

  @Override
  public String toString() {
    return "ConnectValues[dsn="
        + (dsn == null ? null : Secrets.maskUrlSecrets(dsn))
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
        + Secrets.describePassword(password)
        + ", params="
        + Secrets.maskProperties(params)
        + "]";
  }
}
