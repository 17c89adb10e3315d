package dev.sqlfeed.domain.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sqlserver://user:password@host:port/instance?database=db&params} (go-mssqldb) to the
 * Microsoft JDBC driver. go-mssqldb's parameter names (case-insensitive, some with spaces) become
 * the driver's properties. Without {@code encrypt}, go-mssqldb encrypts only the login while the
 * JDBC driver defaults to full encryption with certificate checks; {@code encrypt=false} is set so
 * that a config behaves as it did under baton-sql.
 */
final class SqlServerDsn {
  // Alike on purpose to MysqlDsn.GO_ONLY: each lists what only its own Go driver reads.
  private static final Set<String> DROPPED =
      Set.of(
          "connection timeout",
          "keepalive",
          "log",
          "protocol",
          "failoverport",
          "certificate",
          "tlsmin",
          "disableretry");

  private SqlServerDsn() {}

  static ConnectionSpec toSpec(DsnParts p) {
    String user = PostgresDsn.firstNonBlank(p.take("user id"), p.user);
    String password = PostgresDsn.firstNonBlank(p.take("password"), p.password);
    String host = PostgresDsn.firstNonBlank(p.take("server"), p.host);
    String port = PostgresDsn.firstNonBlank(p.take("port"), p.port);
    String url =
        "jdbc:sqlserver://"
            + (host == null ? "localhost" : host)
            + (port == null ? "" : ":" + port);

    Map<String, String> props = new LinkedHashMap<>();
    if (!p.database().isEmpty()) {
      props.put("instanceName", p.database());
    }
    props.put("encrypt", "false");
    p.params.forEach(
        (key, value) -> {
          String k = key.toLowerCase(Locale.ROOT);
          switch (k) {
            case "database" -> props.put("databaseName", value);
            case "encrypt" -> props.put("encrypt", encrypt(value));
            case "trustservercertificate" -> props.put("trustServerCertificate", value);
            case "hostnameincertificate" -> props.put("hostNameInCertificate", value);
            case "app name" -> props.put("applicationName", value);
            case "workstation id" -> props.put("workstationID", value);
            case "dial timeout" -> props.put("loginTimeout", value);
            case "packet size" -> props.put("packetSize", value);
            case "applicationintent" -> props.put("applicationIntent", value);
            case "failoverpartner" -> props.put("failoverPartner", value);
            case "multisubnetfailover" -> props.put("multiSubnetFailover", value);
            case "serverspn", "server spn" -> props.put("serverSpn", value);
            case "fedauth" -> props.put("authentication", value);
            default -> {
              if (!DROPPED.contains(k)) {
                props.put(key, value);
              }
            }
          }
        });
    return new ConnectionSpec(url, user, password, props, ConnectionSpec.Product.SQLSERVER);
  }

  private static String encrypt(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "strict" -> "strict";
      case "true", "mandatory", "yes", "1", "t" -> "true";
      default -> "false";
    };
  }
}
