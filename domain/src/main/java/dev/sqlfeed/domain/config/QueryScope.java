package dev.sqlfeed.domain.config;

/**
 * Where a query runs when {@code connect.databases} names several databases ({@code scope} on list,
 * entitlements and grants queries).
 */
public enum QueryScope {
  /** Once per database (baton-sql's default). */
  DATABASE("database"),
  /** Once, against the primary database ({@code scope: cluster}). */
  CLUSTER("cluster");

  private final String yaml;

  QueryScope(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config. */
  public String yaml() {
    return yaml;
  }
}
