package dev.sqlfeed.domain.provisioning;

/** Which half of a {@code provisioning} block runs. */
public enum ProvisioningAction {
  GRANT("grant"),
  REVOKE("revoke");

  private final String yaml;

  ProvisioningAction(String yaml) {
    this.yaml = yaml;
  }

  /** The block's key in the config, which is also the command's name. */
  public String yaml() {
    return yaml;
  }
}
