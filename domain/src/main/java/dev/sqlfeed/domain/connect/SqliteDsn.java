package dev.sqlfeed.domain.connect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite files: a bare path ({@code ./app.db}, {@code /var/lib/app.db}), {@code sqlite:app.db},
 * {@code sqlite:///abs/app.db}, {@code sqlite://rel/app.db}, or an SQLite URI {@code
 * file:app.db?mode=ro}. The Go drivers' connection options become sqlite-jdbc properties: {@code
 * mode} becomes {@code open_mode} flags, {@code cache=shared} {@code shared_cache}, and the {@code
 * _busy_timeout}/{@code _foreign_keys}/{@code _journal_mode}/{@code _synchronous} options (mattn)
 * and {@code _pragma=name(value)} (modernc) the pragmas of those names.
 */
final class SqliteDsn {
  private static final Pattern PRAGMA = Pattern.compile("([A-Za-z_]+)\\((.*)\\)");
  private static final Set<String> DROPPED =
      Set.of("_loc", "_txlock", "_mutex", "_cache_size", "_query_only", "vfs", "nolock", "psow");

  /** sqlite-jdbc's open flags: SQLITE_OPEN_READONLY, _READWRITE, _CREATE. */
  private static final int READONLY = 1;

  private static final int READWRITE = 2;
  private static final int CREATE = 4;

  private SqliteDsn() {}

  static ConnectionSpec toSpec(DsnParts p) {
    String path;
    if (p.opaque != null) {
      path = "file".equals(p.scheme) ? DsnParts.decode(p.opaque, false, "path") : p.opaque;
    } else {
      String host = p.host.equalsIgnoreCase("localhost") && "file".equals(p.scheme) ? "" : p.host;
      path = host + p.path;
    }
    if (path.isBlank()) {
      throw new IllegalArgumentException("connect.dsn: an SQLite DSN needs a file path");
    }
    Map<String, String> props = new LinkedHashMap<>();
    p.params.forEach(
        (key, value) -> {
          String k = key.toLowerCase(Locale.ROOT);
          switch (k) {
            case "mode" -> props.put("open_mode", String.valueOf(openMode(value)));
            case "cache" -> {
              if (value.equalsIgnoreCase("shared")) {
                props.put("shared_cache", "true");
              }
            }
            case "immutable" -> {
              if (!value.equals("0")) {
                props.put("open_mode", String.valueOf(READONLY));
              }
            }
            case "_busy_timeout", "_timeout" -> props.put("busy_timeout", value);
            case "_foreign_keys", "_fk" -> props.put("foreign_keys", bool(value));
            case "_journal_mode", "_journal" -> props.put("journal_mode", value);
            case "_synchronous", "_sync" -> props.put("synchronous", value);
            case "_pragma" -> {
              Matcher m = PRAGMA.matcher(value.strip());
              if (m.matches()) {
                props.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
              }
            }
            default -> {
              if (!DROPPED.contains(k)) {
                props.put(key, value);
              }
            }
          }
        });
    return new ConnectionSpec(
        "jdbc:sqlite:" + path, null, null, props, ConnectionSpec.Product.SQLITE);
  }

  private static int openMode(String mode) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "ro" -> READONLY;
      case "rw" -> READWRITE;
      case "rwc" -> READWRITE | CREATE;
      default ->
          throw new IllegalArgumentException(
              "connect.dsn: SQLite mode=" + mode + " is not supported (ro, rw or rwc)");
    };
  }

  private static String bool(String value) {
    return String.valueOf(
        value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
  }
}
