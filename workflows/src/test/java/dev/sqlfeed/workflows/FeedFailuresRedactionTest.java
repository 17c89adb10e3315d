package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.error.StoreException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an activity's failure carries into workflow history: the adapter's message, without file
 * paths, URL query strings, user info or passwords. The messages are shaped as the JDBC adapter
 * writes them ({@code StoreErrors}, {@code SourceErrors}).
 */
class FeedFailuresRedactionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "writing a page of acme (store jdbc:sqlite:/home/ada/secret/store.db): [SQLITE_BUSY] The"
            + " database file is locked"
            + "|writing a page of acme (store jdbc:sqlite:<file>): [SQLITE_BUSY] The database file"
            + " is locked",
        "cannot open the sync store (store jdbc:h2:/srv/data/sqlfeed;MODE=x): Database not found"
            + "|cannot open the sync store (store jdbc:h2:<file>): Database not found",
        "writing a page of acme (store jdbc:postgresql://db.internal:5432/sqlfeed?password=s3cret"
            + "&sslkey=/etc/keys/k.pem): FATAL: terminating connection"
            + "|writing a page of acme (store jdbc:postgresql://db.internal:5432/sqlfeed): FATAL:"
            + " terminating connection",
        "connect: source postgres://ada:s3cret@db.internal/app is unreachable"
            + "|connect: source postgres://***@db.internal/app is unreachable",
        "the database said: could not open file \"/var/lib/postgresql/15/main/base/1/2\": No such"
            + " file|the database said: could not open file \"<path>\": No such file",
        "resource_types.user.list.query: ERROR: column \"nmae\" does not exist (password=hunter2)"
            + "|resource_types.user.list.query: ERROR: column \"nmae\" does not exist"
            + " (password=***)",
        "resource type user, row id=7: the resource id is empty (a NULL column?)"
            + "|resource type user, row id=7: the resource id is empty (a NULL column?)",
        "12,000 rows/s over 3/4 of the window|12,000 rows/s over 3/4 of the window"
      })
  void aFailureMessage_keepsItsMeaning_withoutPathsOrSecrets(String adapter, String history) {
    ApplicationFailure store =
        FeedFailures.of(new StoreException(StoreException.Kind.QUERY_FAILED, true, adapter, null));
    ApplicationFailure source =
        FeedFailures.of(
            new SourceException(SourceException.Kind.UNAVAILABLE, false, adapter, null));

    assertThat(store.getOriginalMessage()).isEqualTo(history);
    assertThat(source.getOriginalMessage()).isEqualTo(history);
    assertThat(history).doesNotContain("s3cret", "hunter2", "/home/ada", "/etc/keys", "/srv/data");
  }
}
