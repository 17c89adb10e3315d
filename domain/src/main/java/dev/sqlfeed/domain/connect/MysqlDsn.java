package dev.sqlfeed.domain.connect;

import dev.sqlfeed.domain.config.GoDuration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code mysql://user:password@host:port/database?params} (baton-sql turns it into a
 * go-sql-driver/mysql DSN, port 3306 by default) to the MariaDB driver, which serves MySQL too.
 * {@code tls} becomes {@code sslMode}, {@code timeout} and {@code readTimeout} become {@code
 * connectTimeout} and {@code socketTimeout}; options that only steer the Go driver ({@code
 * parseTime}, {@code loc}, {@code interpolateParams}, {@code multiStatements} ...) are dropped;
 * {@code snake_case} names, which the Go driver sends as system variables, go into {@code
 * sessionVariables}; anything else is passed on as a driver option of that name.
 */
final class MysqlDsn {
  // Alike on purpose to SqlServerDsn.DROPPED: each lists what only its own Go driver reads.
  private static final Set<String> GO_ONLY =
      Set.of(
          "parsetime",
          "loc",
          "interpolateparams",
          "columnswithalias",
          "clientfoundrows",
          "multistatements",
          "allownativepasswords",
          "allowcleartextpasswords",
          "allowoldpasswords",
          "allowallfiles",
          "allowfallbacktoplaintext",
          "checkconnliveness",
          "maxallowedpacket",
          "rejectreadonly",
          "strict",
          "serverpubkey",
          "connectionattributes",
          "timetruncate",
          "writetimeout",
          "charset",
          "collation");

  private MysqlDsn() {}

  static ConnectionSpec toSpec(DsnParts p) {
    String user = PostgresDsn.firstNonBlank(p.take("user"), p.user);
    String password = PostgresDsn.firstNonBlank(p.take("password"), p.password);
    String host = p.host.isEmpty() ? "localhost" : p.host;
    String port = p.port.isEmpty() ? "3306" : p.port;
    String url = "jdbc:mariadb://" + host + ":" + port + "/" + p.database();

    Map<String, String> props = new LinkedHashMap<>();
    StringBuilder sessionVariables = new StringBuilder();
    p.params.forEach(
        (key, value) -> {
          String k = key.toLowerCase(Locale.ROOT);
          switch (k) {
            case "tls" -> props.put("sslMode", sslMode(value));
            case "timeout" -> props.put("connectTimeout", millis(key, value));
            case "readtimeout" -> props.put("socketTimeout", millis(key, value));
            case "compress" -> props.put("useCompression", value);
            default -> {
              if (GO_ONLY.contains(k)) {
                return;
              }
              if (key.matches("[a-z0-9]+_[a-z0-9_]+")) {
                if (!sessionVariables.isEmpty()) {
                  sessionVariables.append(',');
                }
                sessionVariables.append(key).append('=').append(value);
              } else {
                props.put(key, value);
              }
            }
          }
        });
    if (!sessionVariables.isEmpty()) {
      props.put("sessionVariables", sessionVariables.toString());
    }
    return new ConnectionSpec(url, user, password, props, ConnectionSpec.Product.MYSQL);
  }

  /**
   * The Go driver's {@code tls} values. {@code preferred} (TLS when the server offers it) has no
   * counterpart in the MariaDB driver; it becomes {@code trust}, which requires TLS without
   * checking the certificate: encryption is not silently dropped. A custom TLS config name
   * registered in Go code becomes full verification.
   */
  private static String sslMode(String tls) {
    return switch (tls.toLowerCase(Locale.ROOT)) {
      case "false", "0", "disable", "disabled" -> "disable";
      case "skip-verify", "preferred" -> "trust";
      default -> "verify-full";
    };
  }

  private static String millis(String key, String value) {
    try {
      return String.valueOf(GoDuration.parse(value).toMillis());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("connect.dsn: parameter " + key + ": " + e.getMessage());
    }
  }
}
