package dev.sqlfeed.domain.config.resource;

/**
 * When a resource type's incremental source re-reads the grants of a resource it reads ({@code
 * incremental_sync.restore_grants}, a sqlfeed extension ignored by baton-sql).
 *
 * <p>A grants source's {@code changes_query} often reads only the memberships of live resources (it
 * joins the group's {@code deleted_at}). A membership added while its group was soft-deleted is
 * then read past, and when the group comes back nothing reads it again. When the resource source
 * saw the deletion, the put-back is recognised and the grants restored either way; when the group
 * came back before its source read it deleted, its change looks like any other, and only re-reading
 * the grants of every changed resource finds the membership.
 */
public enum GrantRestore {
  /**
   * Every resource changed by an event new to the log has its grants re-read (the type's grants
   * queries, batched per page), and those the mirror lacks are created. The default: nothing is
   * lost, at the cost of the grants queries of each changed resource.
   */
  ON_CHANGE("on_change"),
  /**
   * Only a resource the mirror deleted and a page puts back has its grants re-read. For types whose
   * grants queries never hide rows by the resource's own state, or whose resources are large and
   * change often: a membership added while its resource was deleted is then restored only when the
   * source saw the deletion, else at the next full sync.
   */
  ON_PUT_BACK("on_put_back");

  private final String yaml;

  GrantRestore(String yaml) {
    this.yaml = yaml;
  }

  /** The value as written in the config. */
  public String yaml() {
    return yaml;
  }
}
