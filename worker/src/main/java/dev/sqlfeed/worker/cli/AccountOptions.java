package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.CredentialOption;
import dev.sqlfeed.domain.provisioning.PasswordGenerator;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options {@code account create} and {@code account rotate} share. */
final class AccountOptions {
  @Mixin ConfigOption config;

  @Option(
      names = "--credential",
      paramLabel = "OPTION",
      converter = CredentialConverter.class,
      description = {
        "no_password or random_password: one the block's",
        "credentials offer. Default: the one marked",
        "preferred, else the first offered."
      })
  CredentialOption credential;

  @Option(
      names = "--password-length",
      paramLabel = "N",
      defaultValue = "" + PasswordGenerator.DEFAULT_LENGTH,
      description = {"The length of a random password (at least 8).", "Default: ${DEFAULT-VALUE}."})
  int passwordLength;

  @Option(
      names = "--dry-run",
      description = {
        "Print each statement with its parameters (a",
        "generated password masked) and run nothing: no",
        "connection to the database is opened."
      })
  boolean dryRun;

  Optional<CredentialOption> credential() {
    return Optional.ofNullable(credential);
  }

  static final class CredentialConverter implements ITypeConverter<CredentialOption> {
    @Override
    public CredentialOption convert(String value) {
      return Arrays.stream(CredentialOption.values())
          .filter(o -> o.yaml().equals(value))
          .findFirst()
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + value
                          + "' is not one of no_password, random_password, encrypted_password"));
    }
  }
}
