package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.provisioning.EntitlementTarget;
import dev.sqlfeed.domain.provisioning.Principal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options {@code grant} and {@code revoke} share. */
final class ProvisionOptions {
  @Mixin ConfigOption config;

  @Option(
      names = {"-e", "--entitlement"},
      required = true,
      paramLabel = "TYPE:ID:ENT",
      converter = EntitlementConverter.class,
      description = {
        "The entitlement, as baton-sql names it: resource type, resource id and the",
        "entitlement's id (a static entitlement's id), for example team:ops:member."
      })
  EntitlementTarget entitlement;

  @Option(
      names = {"-p", "--principal"},
      required = true,
      paramLabel = "TYPE:ID",
      converter = PrincipalConverter.class,
      description = "The principal, for example user:42.")
  Principal principal;

  @Option(
      names = "--dry-run",
      description = {
        "Print each statement with its parameters and run nothing: no connection to the",
        "database is opened."
      })
  boolean dryRun;

  static final class EntitlementConverter implements ITypeConverter<EntitlementTarget> {
    @Override
    public EntitlementTarget convert(String value) {
      try {
        return EntitlementTarget.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class PrincipalConverter implements ITypeConverter<Principal> {
    @Override
    public Principal convert(String value) {
      try {
        return Principal.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
