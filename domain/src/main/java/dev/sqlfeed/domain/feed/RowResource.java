package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.sync.MappedResource;
import java.util.Objects;
import java.util.Optional;

/**
 * What a row of a row-complete source ({@code incremental_sync.deleted_if}) says about its
 * resource: the resource mapped from the row itself with the list's {@code map}, or, when {@code
 * deleted_if} is true, that it is gone. This takes the place of the {@code get} that other sources
 * run.
 *
 * @param ref the resource the row's event names
 * @param mapped the resource as the row maps it; empty when the row is a deletion
 */
public record RowResource(ResourceRef ref, Optional<MappedResource> mapped) {
  public RowResource {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(mapped, "mapped");
  }

  /** Whether {@code deleted_if} was true for the row. */
  public boolean deleted() {
    return mapped.isEmpty();
  }
}
