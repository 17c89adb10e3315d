package dev.sqlfeed.domain.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DSN taken apart the way Go's {@code net/url} does it (which is what baton-sql relies on): the
 * fragment is cut at the first {@code #}, the query at the first {@code ?}, the authority ends at
 * the first {@code /}, and the user info ends at the authority's last {@code @}. User, password and
 * path are percent-decoded; query parameters are form-decoded. Mutable while {@link ConnectionSpec}
 * merges the structured fields into it; never leaves this package.
 */
final class DsnParts {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  String scheme;

  /** The text after {@code scheme:} when it is not {@code //...}, or the whole of a bare path. */
  String opaque;

  String user;
  String password;
  String host = "";
  String port = "";
  String path = "";
  final Map<String, String> params = new LinkedHashMap<>();

  static DsnParts empty() {
    return new DsnParts();
  }

  static DsnParts parse(String dsn) {
    DsnParts p = new DsnParts();
    String rest = dsn.strip();
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    Matcher m = SCHEME.matcher(rest);
    // One letter before the colon is a Windows drive (C:\data\app.db), not a scheme.
    if (m.lookingAt() && m.end() > 2) {
      p.scheme = m.group(1).toLowerCase(Locale.ROOT);
      rest = rest.substring(m.end());
    }
    int question = rest.indexOf('?');
    if (question >= 0) {
      parseQuery(rest.substring(question + 1), p.params);
      rest = rest.substring(0, question);
    }
    if (p.scheme != null && rest.startsWith("//")) {
      rest = rest.substring(2);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      p.path = slash < 0 ? "" : decode(rest.substring(slash), false, "path");
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        authority = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        p.user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), false, "user");
        p.password = colon < 0 ? null : decode(userInfo.substring(colon + 1), false, "password");
      }
      p.setHostPort(authority);
    } else {
      p.opaque = rest;
    }
    return p;
  }

  /** Splits {@code host:port}; a bracketed IPv6 address and a host list stay whole. */
  void setHostPort(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? authority : authority.substring(0, close + 1);
      String after = close < 0 ? "" : authority.substring(close + 1);
      port = after.startsWith(":") ? after.substring(1) : "";
    } else if (authority.contains(",")) {
      host = authority;
      port = "";
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
    }
  }

  /** The database name: the path without its leading slash. */
  String database() {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** Removes a parameter, matching its name case-insensitively; returns its value or null. */
  String take(String name) {
    String found = null;
    for (var it = params.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        found = e.getValue();
        it.remove();
      }
    }
    return found;
  }

  /**
   * Replaces {@code ${VAR}} in every part, after the structure was parsed, so that a value full of
   * {@code @}, {@code :} or {@code #} cannot change it (baton-sql does the same with sentinels).
   */
  void expand(Function<String, String> env, String field, List<String> missing) {
    scheme = scheme == null ? null : expand(scheme, env, field, missing).toLowerCase(Locale.ROOT);
    opaque = expand(opaque, env, field, missing);
    user = expand(user, env, field, missing);
    password = expand(password, env, field, missing);
    if (user != null && password == null && user.contains(":")) {
      // One variable may hold the whole "user:password", as baton-sql allows.
      password = user.substring(user.indexOf(':') + 1);
      user = user.substring(0, user.indexOf(':'));
    }
    String expandedHost = expand(host, env, field, missing);
    int slash = expandedHost.indexOf('/');
    if (slash >= 0 && !expandedHost.equals(host)) {
      // A host variable such as "db.example:3306/app" carries the database too.
      path = "/" + expandedHost.substring(slash + 1) + path;
      expandedHost = expandedHost.substring(0, slash);
    }
    if (!expandedHost.equals(host) && port.isEmpty() && !expandedHost.startsWith("[")) {
      setHostPort(expandedHost);
    } else {
      host = expandedHost;
    }
    port = expand(port, env, field, missing);
    path = expand(path, env, field, missing);
    Map<String, String> expanded = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> expanded.put(expand(k, env, field, missing), expand(v, env, field, missing)));
    params.clear();
    params.putAll(expanded);
  }

  static String expand(
      String text, Function<String, String> env, String field, List<String> missing) {
    if (text == null || env == null || !text.contains("${")) {
      return text;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        missing.add(field + ": environment variable " + m.group(1) + " is not set");
        value = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void parseQuery(String query, Map<String, String> into) {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), true, "query parameter");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true, "query parameter");
      into.put(key, value);
    }
  }

  /**
   * Percent-decodes as Go does: a malformed escape is an error, and its message never shows the
   * text (it may be a password).
   */
  static String decode(String s, boolean plusIsSpace, String what) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("malformed %-escape in the DSN's " + what);
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed %-escape in the DSN's " + what);
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
