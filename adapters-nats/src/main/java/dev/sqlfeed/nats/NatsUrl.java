package dev.sqlfeed.nats;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A NATS server address as given to {@code --publish}, such as {@code nats://127.0.0.1:4222} or
 * {@code nats://user:secret@host:4222}. Only {@link #connect()} carries the credentials; {@link
 * #toString()} and {@link #redact} never do.
 *
 * @param connect the URL the client connects with, credentials included
 * @param display the same URL without credentials, for logs and errors
 * @param userInfo the credentials part ({@code user:secret}), or null
 */
record NatsUrl(String connect, String display, String userInfo) {
  private static final Pattern ANY_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  /**
   * Parses a {@code nats://} or {@code tls://} URL; the port defaults to 4222.
   *
   * @throws IllegalArgumentException naming the URL without its credentials
   */
  static NatsUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + redactAny(text));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("nats") && !scheme.equals("tls")) {
      throw new IllegalArgumentException(
          "not a nats:// (or tls://) URL: " + redactAny(text) + " (such as nats://127.0.0.1:4222)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in " + redactAny(text));
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "a NATS URL is scheme://[user:password@]host[:port], nothing after: " + redactAny(text));
    }
    int port = uri.getPort() < 0 ? 4222 : uri.getPort();
    String hostPort = uri.getHost() + ":" + port;
    String userInfo = uri.getRawUserInfo();
    String prefix = userInfo == null ? "" : userInfo + "@";
    return new NatsUrl(scheme + "://" + prefix + hostPort, scheme + "://" + hostPort, userInfo);
  }

  /** {@code text} with these credentials, and any {@code scheme://user:secret@} form, removed. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    if (userInfo != null) {
      result = result.replace(userInfo, "***");
      int colon = userInfo.indexOf(':');
      if (colon >= 0 && colon < userInfo.length() - 1) {
        result = result.replace(userInfo.substring(colon + 1), "***");
      }
    }
    return redactAny(result);
  }

  /** Replaces the user info of any URL in {@code text}. */
  static String redactAny(String text) {
    return text == null ? null : ANY_USER_INFO.matcher(text).replaceAll("***@");
  }

  @Override
  public String toString() {
    return display;
  }
}
