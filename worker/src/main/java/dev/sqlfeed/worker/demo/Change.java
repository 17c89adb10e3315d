package dev.sqlfeed.worker.demo;

// Alike on purpose to ActionType and the Type enums of ActionArgument, AccountField and KeyValue:
// enums cannot share a text field, and these labels are the demo summary's own.
/** The kinds of change the simulator makes to the demo application. */
public enum Change {
  SIGN_UP("sign-up"),
  RENAME_USER("rename of a user"),
  NEW_GROUP("new group"),
  RENAME_GROUP("rename of a group"),
  JOIN("join"),
  LEAVE("leave (soft delete)"),
  ASSIGN_ROLE("role assigned (audit log)"),
  UNASSIGN_ROLE("role unassigned (audit log)"),
  SOFT_DELETE_USER("user soft-deleted"),
  HARD_DELETE_USER("user hard-deleted"),
  LATE_COMMIT("late-committing sign-up");

  private final String label;

  Change(String label) {
    this.label = label;
  }

  /** How the summary names the change. */
  public String label() {
    return label;
  }
}
