package dev.sqlfeed.domain.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code postgres://user:password@host:port/database?params} (pgx and libpq) to pgjdbc. libpq
 * keywords become their pgjdbc names; session settings ({@code timezone}, {@code statement_timeout}
 * and any other {@code snake_case} name pgx would send as a run-time parameter) go into pgjdbc's
 * {@code options} as {@code -c name=value}; names that only mean something to pgx's pool or to
 * libpq's files are dropped; anything else is passed to pgjdbc as a property of that name.
 */
final class PostgresDsn {
  /** Meaningful to pgx's pool or statement cache, or to libpq's local files: nothing to map. */
  private static final Set<String> DROPPED =
      Set.of(
          "pool_max_conns",
          "pool_min_conns",
          "pool_min_idle_conns",
          "pool_max_conn_lifetime",
          "pool_max_conn_lifetime_jitter",
          "pool_max_conn_idle_time",
          "pool_health_check_period",
          "statement_cache_capacity",
          "description_cache_capacity",
          "default_query_exec_mode",
          "prefer_simple_protocol",
          "min_read_buffer_size",
          "passfile",
          "service",
          "servicefile",
          "sslcompression",
          "sslsni",
          "requirepeer",
          "keepalives_idle",
          "keepalives_interval",
          "keepalives_count",
          "client_encoding");

  private PostgresDsn() {}

  static ConnectionSpec toSpec(DsnParts p) {
    String user = firstNonBlank(p.take("user"), p.user);
    String password = firstNonBlank(p.take("password"), p.password);
    String host = firstNonBlank(p.take("host"), p.host);
    String port = firstNonBlank(p.take("port"), p.port);
    String database = firstNonBlank(p.take("dbname"), p.database());
    if (host == null) {
      host = "localhost";
    }
    if (host.startsWith("/")) {
      throw new IllegalArgumentException(
          "connect.dsn: a Unix socket directory as host is not supported over JDBC; use a TCP"
              + " host");
    }
    String authority = port == null ? host : host + ":" + port;
    String url =
        "jdbc:postgresql://"
            + authority
            + "/"
            + URLEncoder.encode(database == null ? "" : database, StandardCharsets.UTF_8)
                .replace("+", "%20");

    Map<String, String> props = new LinkedHashMap<>();
    StringBuilder options = new StringBuilder();
    p.params.forEach(
        (key, value) -> {
          String k = key.toLowerCase(Locale.ROOT);
          switch (k) {
            case "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword" ->
                props.put(k, value);
            case "connect_timeout" -> props.put("connectTimeout", value);
            case "application_name" -> props.put("ApplicationName", value);
            case "fallback_application_name" -> props.putIfAbsent("ApplicationName", value);
            case "search_path" -> props.put("currentSchema", value);
            case "target_session_attrs" -> props.put("targetServerType", serverType(value));
            case "load_balance_hosts" ->
                props.put("loadBalanceHosts", String.valueOf(!"disable".equalsIgnoreCase(value)));
            case "keepalives" -> props.put("tcpKeepAlive", String.valueOf(!"0".equals(value)));
            case "gssencmode" -> props.put("gssEncMode", value);
            case "krbsrvname" -> props.put("kerberosServerName", value);
            case "options" -> append(options, value);
            default -> {
              if (DROPPED.contains(k)) {
                return;
              }
              if (k.equals("timezone")
                  || k.equals("datestyle")
                  || k.matches("[a-z0-9]+_[a-z0-9_]+")) {
                append(options, "-c " + k + "=" + value.replace("\\", "\\\\").replace(" ", "\\ "));
              } else {
                props.put(key, value);
              }
            }
          }
        });
    if (!options.isEmpty()) {
      props.put("options", options.toString());
    }
    return new ConnectionSpec(url, user, password, props, ConnectionSpec.Product.POSTGRES);
  }

  /** libpq's {@code target_session_attrs} values in pgjdbc's {@code targetServerType} terms. */
  private static String serverType(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "read-write", "primary" -> "primary";
      case "read-only", "standby" -> "secondary";
      case "prefer-standby" -> "preferSecondary";
      default -> "any";
    };
  }

  private static void append(StringBuilder options, String option) {
    if (!options.isEmpty()) {
      options.append(' ');
    }
    options.append(option);
  }

  static String firstNonBlank(String a, String b) {
    String x = ConnectionSpec.blankToNull(a);
    return x != null ? x : ConnectionSpec.blankToNull(b);
  }
}
