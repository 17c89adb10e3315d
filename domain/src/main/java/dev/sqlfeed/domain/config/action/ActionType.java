package dev.sqlfeed.domain.config.action;

// Alike on purpose to Change and the Type enums of ActionArgument, AccountField and KeyValue:
// enums cannot share the field that holds each constant's own text.
/** The values of an action's {@code action_type}. */
public enum ActionType {
  UNSPECIFIED("unspecified"),
  DYNAMIC("dynamic"),
  ACCOUNT("account"),
  ACCOUNT_UPDATE_PROFILE("account_update_profile"),
  ACCOUNT_DISABLE("account_disable"),
  ACCOUNT_ENABLE("account_enable");

  private final String yaml;

  ActionType(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config. */
  public String yaml() {
    return yaml;
  }
}
