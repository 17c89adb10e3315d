package dev.sqlfeed.domain.config.entitlement;

/** An entitlement's {@code purpose}. baton-sql reads any other value as unspecified. */
public enum Purpose {
  ASSIGNMENT("assignment"),
  PERMISSION("permission"),
  UNSPECIFIED("");

  private final String yaml;

  Purpose(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config ({@code ""} for unspecified). */
  public String yaml() {
    return yaml;
  }
}
