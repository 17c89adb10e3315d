package dev.sqlfeed.domain.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps passwords out of everything that is rendered: URLs, property maps, messages. */
final class Secrets {
  static final String MASK = "***";

  /** Property or parameter names whose values are secrets. */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential).*");

  /** {@code scheme://user:password@host}: the password in a URL's user info. */
  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@\\s:]*:)[^@\\s]*@");

  /** {@code jdbc:oracle:thin:user/password@host}: Oracle's own form. */
  private static final Pattern ORACLE_PASSWORD =
      Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@\\s:]*/)[^@\\s]*@");

  /** {@code password=...} in a query string, a SQL Server property list or free text. */
  private static final Pattern KEY_VALUE_PASSWORD =
      Pattern.compile(
          "(?i)((?:^|[?&;\\s,(])[\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*\\s*=\\s*)"
              + "([^&;\\s,)]*)");

  private Secrets() {}

  static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  static String describePassword(String password) {
    return password == null || password.isEmpty() ? "(none)" : MASK;
  }

  /** The map rendered with every secret-looking value masked. */
  static String maskProperties(Map<String, String> properties) {
    Map<String, String> shown = new LinkedHashMap<>();
    properties.forEach((k, v) -> shown.put(k, isSecretKey(k) ? MASK : v));
    return shown.toString();
  }

  /** Masks the passwords that a URL or a message can carry in the usual places. */
  static String maskUrlSecrets(String text) {
    String s = USERINFO_PASSWORD.matcher(text).replaceAll(m -> quote(m.group(1) + MASK + "@"));
    s = ORACLE_PASSWORD.matcher(s).replaceAll(m -> quote(m.group(1) + MASK + "@"));
    return KEY_VALUE_PASSWORD.matcher(s).replaceAll(m -> quote(m.group(1) + MASK));
  }

  /**
   * Masks {@code secret} wherever it occurs in {@code text}: as written, and in the two encodings a
   * URL gives it. Secrets shorter than three characters are not searched for (masking every "a" in
   * a message would destroy it); the structural masking of {@link #maskUrlSecrets} still applies.
   */
  static String scrub(String text, String secret) {
    if (text == null) {
      return null;
    }
    String s = text;
    if (secret != null && secret.length() >= 3) {
      s = s.replace(secret, MASK);
      String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      s = s.replace(formEncoded, MASK);
      s = s.replace(formEncoded.replace("+", "%20"), MASK);
    }
    return maskUrlSecrets(s);
  }

  private static String quote(String replacement) {
    return Matcher.quoteReplacement(replacement);
  }
}
