package dev.sqlfeed.domain.config.bind;

/**
 * The kinds of statement in a config, each with the reserved placeholders it may or must use (as
 * baton-sql fills them): {@code ?<Limit>}, {@code ?<Offset>}, {@code ?<Cursor>} for queries that
 * page, {@code ?<since>} for incremental queries, {@code ?<id>} for get queries. Every other
 * placeholder must be a var (or, for actions, an argument).
 */
public enum QueryKind {
  LIST("a list query", true, ""),
  ENTITLEMENTS("an entitlements query", true, ""),
  GRANTS("a grants query", true, ""),
  GET("a get query", false, "id"),
  INCREMENTAL("an incremental query", true, "since"),
  PROVISIONING("a provisioning statement", false, ""),
  ACCOUNT("an account statement", false, ""),
  ACTION("an action query", false, ""),
  DISCOVERY("a database discovery query", false, "");

  private final String noun;
  private final boolean pages;
  private final String requires;

  QueryKind(String noun, boolean pages, String requires) {
    this.noun = noun;
    this.pages = pages;
    this.requires = requires;
  }

  /** How messages name a statement of this kind, for example {@code a list query}. */
  public String noun() {
    return noun;
  }

  /** Whether the statement may page with {@code ?<Limit>}, {@code ?<Offset>}, {@code ?<Cursor>}. */
  public boolean pages() {
    return pages;
  }

  /** The reserved placeholder this kind must use ({@code since}, {@code id}), or empty. */
  public String requires() {
    return requires;
  }

  /** Whether the statement reads (rather than changes) data. */
  public boolean reads() {
    return this != PROVISIONING && this != ACCOUNT && this != ACTION;
  }
}
