package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import java.util.Objects;
import java.util.Optional;

/**
 * A list query's {@code map}: CEL expressions over the row's columns.
 *
 * @param id {@code id}
 * @param displayName {@code display_name}
 * @param description {@code description}
 * @param traits {@code traits}
 * @param nonHumanIdentity {@code non_human_identity}: marks the resource as a non-human identity,
 *     beside whatever trait it has
 * @param annotations {@code annotations}
 * @param path the YAML path of the block
 */
public record ResourceMapping(
    Cel id,
    Cel displayName,
    Optional<Cel> description,
    Traits traits,
    Optional<NonHumanIdentity> nonHumanIdentity,
    Annotations annotations,
    String path) {
  // Alike on purpose to ports' KeysetPage: an unrelated value, checked the same way.
  public ResourceMapping {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(traits, "traits");
    Objects.requireNonNull(nonHumanIdentity, "nonHumanIdentity");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(path, "path");
  }
}
