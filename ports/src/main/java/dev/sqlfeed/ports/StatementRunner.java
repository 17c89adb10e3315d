package dev.sqlfeed.ports;

import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.value.SourceRow;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements that change an application's database: an entitlement's grant or revoke
 * statements, an account's creation or credential rotation. Its connections are writable and its
 * own, apart from the read-only ones of {@link SourceReader}.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.SourceException}, classified as
 * {@link SourceReader}'s are ({@code UNAVAILABLE} when the database cannot be reached, {@code
 * QUERY_FAILED} when a statement fails). The message names the failing statement's YAML path and
 * what became of the statements before it, carries the database's own message, and never a
 * password. Parameter values are not in it.
 */
public interface StatementRunner extends AutoCloseable {
  /**
   * Runs {@code checks} and then {@code statements} in order, each with its parameters bound (never
   * pasted into the text). A check is a query that must return at least one row (baton-sql's {@code
   * validation_queries}); when one returns none, no statement runs and the call fails naming the
   * check.
   *
   * <p>With {@code transactional}, all of them run in one transaction, committed after the last:
   * when one fails, the transaction is rolled back and none of them has changed anything. Without,
   * each commits on its own (for statements such as {@code GRANT} that some databases cannot run
   * inside a transaction, or that commit it themselves): when one fails, those before it stay
   * applied and the message lists them. Checks run on the same connection, in the same transaction,
   * as the statements.
   *
   * @param maxRowsPerStatement a statement that changes more rows than this fails, as if the
   *     database had refused it (baton-sql's rule is 1: one grant changes one row); statements that
   *     report no count (DDL) pass
   * @return the number of rows each statement changed, in order
   * @throws dev.sqlfeed.domain.error.SourceException as described above
   */
  List<Long> run(
      List<PlannedStatement> checks,
      List<PlannedStatement> statements,
      boolean transactional,
      long maxRowsPerStatement);

  /**
   * Runs {@code work} on a connection of its own, for a grant whose policies decide, from what
   * their queries return, what runs next. With {@code transactional}, everything {@code work} runs
   * is one transaction: committed when it ends with {@link Ending#commit()}, rolled back otherwise.
   * Without, each statement commits on its own.
   *
   * <p>When {@code work} fails with a {@link dev.sqlfeed.domain.error.SourceException} (a query or
   * statement of the session failed, or {@code work} refused a result), the transaction is rolled
   * back and the failure's message ends with what became of the statements before it, worded as
   * {@link #run}'s. Any other exception is rethrown as it is, after the rollback.
   *
   * @return what {@code work} ended with
   */
  <T> T session(boolean transactional, SessionWork<T> work);

  /** The queries and statements of one {@link #session}. */
  interface Session {
    /**
     * At most {@code limit} rows of {@code query}, values normalised as {@link SourceReader}'s are.
     *
     * @throws dev.sqlfeed.domain.error.SourceException naming the query's YAML path when it fails
     */
    List<SourceRow> query(PlannedStatement query, int limit);

    /**
     * Runs {@code statement}.
     *
     * @return the number of rows it changed (0 for a statement that reports no count)
     * @throws dev.sqlfeed.domain.error.SourceException naming the statement's YAML path when it
     *     fails or changes more than {@code maxRows} rows
     */
    long execute(PlannedStatement statement, long maxRows);
  }

  /** What a {@link #session} runs. */
  @FunctionalInterface
  interface SessionWork<T> {
    Ending<T> run(Session session);
  }

  /**
   * How a {@link #session}'s work ended.
   *
   * @param value what {@link #session} returns
   * @param commit whether its transaction commits (ignored without a transaction)
   */
  record Ending<T>(T value, boolean commit) {}

  /**
   * Runs one query on its own (autocommit) and returns its first row, values normalised as {@link
   * SourceReader}'s are: an account's {@code validate} query, before and after the account is
   * created; a revoke's principal check, after its commit.
   *
   * @throws dev.sqlfeed.domain.error.SourceException naming the query's YAML path when it fails
   */
  Optional<SourceRow> first(PlannedStatement query);

  /** Closes the connections. */
  @Override
  void close();
}
