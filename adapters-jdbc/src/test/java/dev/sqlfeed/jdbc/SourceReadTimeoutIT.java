package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.SourceReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A source read that blocks longer than the driver's read timeout ends as the source being
 * unavailable, instead of holding its thread: the default is {@link JdbcSources#READ_TIMEOUT}, and
 * a DSN parameter sets another (here 1 s, against a statement that sleeps 5 s).
 */
class SourceReadTimeoutIT {
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void aReadTimeout_isSetByDefault_andADsnParameterWins(Kind kind) {
    try (TestDatabase db = TestDatabases.create(kind)) {
      ConnectionSpec plain = JooqSourceReaderIT.spec(db);
      String expected =
          kind == Kind.POSTGRES
              ? String.valueOf(JdbcSources.READ_TIMEOUT.toSeconds())
              : String.valueOf(JdbcSources.READ_TIMEOUT.toMillis());
      assertThat(
              JdbcSources.poolConfig(plain, SourceOptions.named("t"))
                  .getDataSourceProperties()
                  .getProperty("socketTimeout"))
          .isEqualTo(expected);

      String oneSecond = kind == Kind.POSTGRES ? "1" : "1000";
      ConnectionSpec shortTimeout =
          new ConnectionSpec(
              plain.jdbcUrl(),
              plain.user(),
              plain.password(),
              Map.of("socketTimeout", oneSecond),
              plain.product());
      String sleep = kind == Kind.POSTGRES ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)";
      try (SourceReader reader = JdbcSources.open(shortTimeout, SourceOptions.named("t"))) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> reader.read(JooqSourceReaderIT.query(sleep), Map.of(), row -> {}))
            .isInstanceOfSatisfying(
                SourceException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
                  assertThat(e.transientFailure()).isTrue();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofMillis(4500));
      }
    }
  }
}
