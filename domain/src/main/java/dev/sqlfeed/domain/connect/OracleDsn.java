package dev.sqlfeed.domain.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code oracle://user:password@host:port/service?params} (go-ora) to Oracle's thin driver: {@code
 * jdbc:oracle:thin:@//host:port/service}, or {@code @tcps://...} with {@code SSL=true}, or the SID
 * form with {@code SID=...}. go-ora's parameter names (upper case, some with spaces) that have a
 * thin-driver counterpart are mapped; client-identification and tracing options are dropped.
 */
final class OracleDsn {
  private static final Set<String> DROPPED =
      Set.of(
          "trace file",
          "language",
          "territory",
          "charset",
          "client charset",
          "lob fetch",
          "auth type",
          "os user",
          "os pass",
          "os password",
          "program",
          "cid",
          "unix socket",
          "server",
          "proxy client name",
          "trace dir");

  private OracleDsn() {}

  static ConnectionSpec toSpec(DsnParts p) {
    String host = p.host.isEmpty() ? "localhost" : p.host;
    String port = p.port.isEmpty() ? "1521" : p.port;
    String sid = null;
    boolean tcps = false;
    Map<String, String> props = new LinkedHashMap<>();
    for (var e : p.params.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT).replace('_', ' ');
      String value = e.getValue();
      switch (k) {
        case "ssl" -> tcps = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("enable");
        case "ssl verify" -> props.put("oracle.net.ssl_server_dn_match", value);
        case "wallet" -> props.put("oracle.net.wallet_location", value);
        case "wallet password" -> props.put("oracle.net.wallet_password", value);
        case "connect timeout", "connection timeout", "timeout" ->
            props.put("oracle.net.CONNECT_TIMEOUT", seconds(value) + "000");
        case "prefetch rows" -> props.put("defaultRowPrefetch", value);
        case "sid" -> sid = value;
        case "dba privilege" -> props.put("internal_logon", value.toLowerCase(Locale.ROOT));
        default -> {
          if (!DROPPED.contains(k)) {
            props.put(e.getKey(), value);
          }
        }
      }
    }
    String url =
        sid != null
            ? "jdbc:oracle:thin:@" + host + ":" + port + ":" + sid
            : "jdbc:oracle:thin:@"
                + (tcps ? "tcps://" : "//")
                + host
                + ":"
                + port
                + "/"
                + p.database();
    return new ConnectionSpec(url, p.user, p.password, props, ConnectionSpec.Product.ORACLE);
  }

  private static String seconds(String value) {
    if (!value.strip().matches("[0-9]+")) {
      throw new IllegalArgumentException(
          "connect.dsn: the connect timeout must be whole seconds, got: " + value);
    }
    return value.strip();
  }
}
