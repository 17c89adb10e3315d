package dev.sqlfeed.ports.provisioning;

import dev.sqlfeed.domain.provisioning.PolicyRows;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a grant or revoke did. */
public sealed interface ProvisioningOutcome {
  /**
   * The statements ran and were committed (or, without a transaction, applied one by one).
   *
   * @param changed the rows each statement changed, in order
   * @param replaced the grant {@code grant_replace} revoked first, if any
   * @param principal what the revoke's principal check found
   */
  record Done(List<Long> changed, Optional<PolicyRows.Found> replaced, PrincipalCheck principal)
      implements ProvisioningOutcome {
    public Done {
      changed = List.copyOf(changed);
      Objects.requireNonNull(replaced, "replaced");
      Objects.requireNonNull(principal, "principal");
    }
  }

  /**
   * Nothing needed doing: a validation query returned no row, which the block's {@code
   * validation_queries_signal_idempotency} makes mean "already done" (on Oracle).
   *
   * @param check the YAML path of that query
   * @param replaced without a transaction, the grant {@code grant_replace} had already revoked
   */
  record AlreadyDone(String check, Optional<PolicyRows.Found> replaced)
      implements ProvisioningOutcome {
    public AlreadyDone {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(replaced, "replaced");
    }
  }

  /**
   * The grant's statements changed no row, so the grant was already held, and the revoke of the
   * grant {@code grant_replace} found was rolled back with them (baton-sql's rule, in a
   * transaction).
   */
  record Unchanged(PolicyRows.Found replaced) implements ProvisioningOutcome {
    public Unchanged {
      Objects.requireNonNull(replaced, "replaced");
    }
  }

  /** The grant's {@code reject_if} query returned a row: nothing ran, nothing changed. */
  record Cancelled(String reason) implements ProvisioningOutcome {
    public Cancelled {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** What a revoke's principal check found, after the revoke committed. */
  sealed interface PrincipalCheck {
    /** No check configured, or not a revoke. */
    record NotRun() implements PrincipalCheck {}

    /** The check returned a row: the principal still exists. */
    record Exists() implements PrincipalCheck {}

    /** The check returned no row: the revoke deleted the principal. */
    record Gone() implements PrincipalCheck {}

    /**
     * The check failed; the revoke stands (baton-sql's rule), and whether the principal still
     * exists is not known.
     */
    record Failed(String message) implements PrincipalCheck {
      public Failed {
        Objects.requireNonNull(message, "message");
      }
    }
  }
}
