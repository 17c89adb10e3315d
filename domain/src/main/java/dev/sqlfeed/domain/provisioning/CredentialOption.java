package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.provisioning.Credentials;
import dev.sqlfeed.domain.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a new or rotated account gets its password: the options of a {@code credentials} block. As in
 * baton-sql, the caller may pick any option the block offers; without a pick, the one marked {@code
 * preferred}, else the first offered in the order below.
 */
public enum CredentialOption {
  NO_PASSWORD("no_password"),
  RANDOM_PASSWORD("random_password"),
  ENCRYPTED_PASSWORD("encrypted_password");

  private final String yaml;

  CredentialOption(String yaml) {
    this.yaml = yaml;
  }

  /** The option's key in the config, which is also its name on the command line. */
  public String yaml() {
    return yaml;
  }

  /**
   * The option to use.
   *
   * @param credentials the block
   * @param asked the caller's pick, if any
   * @param path the YAML path of the block, for messages
   * @param file the config file as the user named it
   * @throws ConfigException when the pick is not offered, several options are preferred, or the
   *     block offers none
   */
  public static CredentialOption choose(
      Credentials credentials, Optional<CredentialOption> asked, String path, String file) {
    List<CredentialOption> offered = new ArrayList<>();
    List<CredentialOption> preferred = new ArrayList<>();
    credentials.noPassword().ifPresent(o -> add(NO_PASSWORD, o.preferred(), offered, preferred));
    credentials
        .randomPassword()
        .ifPresent(o -> add(RANDOM_PASSWORD, o.preferred(), offered, preferred));
    credentials
        .encryptedPassword()
        .ifPresent(o -> add(ENCRYPTED_PASSWORD, o.preferred(), offered, preferred));
    String names = String.join(", ", offered.stream().map(CredentialOption::yaml).toList());
    if (asked.isPresent()) {
      if (!offered.contains(asked.get())) {
        throw new ConfigException(
            file
                + ": "
                + path
                + ": does not offer "
                + asked.get().yaml()
                + (offered.isEmpty() ? "" : " (it offers " + names + ")"));
      }
      return asked.get();
    }
    if (offered.isEmpty()) {
      throw new ConfigException(file + ": " + path + ": offers no credential option");
    }
    if (preferred.size() > 1) {
      throw new ConfigException(
          file
              + ": "
              + path
              + ": several options are preferred ("
              + String.join(", ", preferred.stream().map(CredentialOption::yaml).toList())
              + "); pick one with --credential");
    }
    return preferred.isEmpty() ? offered.get(0) : preferred.get(0);
  }

  private static void add(
      CredentialOption option,
      boolean isPreferred,
      List<CredentialOption> offered,
      List<CredentialOption> preferred) {
    offered.add(option);
    if (isPreferred) {
      preferred.add(option);
    }
  }
}
