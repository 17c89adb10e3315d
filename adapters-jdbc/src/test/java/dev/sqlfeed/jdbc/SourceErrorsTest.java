package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.SourceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceErrorsTest {
  static final String PASSWORD = "S3cret:p@ss/wd";
  static final String ORIGIN = "resource_types.user.list.query";

  final SourceErrors errors =
      new SourceErrors(
          ConnectionSpec.of(ConnectValues.dsn("postgres://db.example:5432/app", "app", PASSWORD)));

  @ParameterizedTest(name = "{0} {1} -> {2} transient={3}")
  @CsvSource({
    "08006, 0, UNAVAILABLE, true",
    "08001, 0, UNAVAILABLE, true",
    "57P01, 0, UNAVAILABLE, true",
    "53300, 0, UNAVAILABLE, true",
    "28P01, 0, UNAVAILABLE, false",
    "28000, 1045, UNAVAILABLE, false",
    "3D000, 0, UNAVAILABLE, false",
    "40001, 0, QUERY_FAILED, true",
    "40P01, 0, QUERY_FAILED, true",
    "40001, 1213, QUERY_FAILED, true",
    "HY000, 1205, QUERY_FAILED, true",
    "57014, 0, QUERY_FAILED, true",
    "42703, 0, QUERY_FAILED, false",
    "42601, 0, QUERY_FAILED, false",
    "42501, 0, QUERY_FAILED, false",
    "25006, 1792, QUERY_FAILED, false",
    "22P02, 0, QUERY_FAILED, false",
    "HY000, 1105, QUERY_FAILED, false"
  })
  void queryFailuresAreClassifiedBySqlState(
      String state, int code, Kind kind, boolean transientFailure) {
    SourceException e = errors.querying(ORIGIN, new SQLException("boom", state, code));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.transientFailure()).isEqualTo(transientFailure);
    assertThat(e.getMessage()).isEqualTo(ORIGIN + ": boom");
  }

  @Test
  void thePostgresMessageStaysOnOneLineWithItsHint() {
    SQLException pg =
        new SQLException(
            "ERROR: column \"nmae\" does not exist\n  Hint: Perhaps you meant \"name\".\n"
                + "  Position: 8",
            "42703");

    assertThat(errors.querying(ORIGIN, new DataAccessException("SQL [select nmae]", pg)))
        .hasMessage(
            ORIGIN
                + ": ERROR: column \"nmae\" does not exist; Hint: Perhaps you meant \"name\".;"
                + " Position: 8");
  }

  @Test
  void mariadbsSessionPrefixIsDropped() {
    assertThat(
            errors.querying(
                ORIGIN,
                new SQLException("(conn=12) Unknown column 'nmae' in 'field list'", "42S22", 1054)))
        .hasMessage(ORIGIN + ": Unknown column 'nmae' in 'field list'");
  }

  @ParameterizedTest
  @CsvSource({"5, true", "6, true", "1, false", "8, false"})
  void sqliteResultCodes(int code, boolean transientFailure) {
    SourceException e =
        errors.querying(ORIGIN, new SQLException("[SQLITE_X] something (detail)", null, code));

    assertThat(e.kind()).isEqualTo(Kind.QUERY_FAILED);
    assertThat(e.transientFailure()).isEqualTo(transientFailure);
  }

  @Test
  void aBrokenSocketWithoutSqlStateIsUnavailable() {
    SQLException lost = new SQLException("I/O error", null, 0, new java.io.EOFException());

    SourceException e = errors.querying(ORIGIN, lost);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isTrue();
  }

  @Test
  void aLostConnection_isOneLineThatKeepsTheSocketsReason() {
    SQLException lost =
        new SQLException(
            "An I/O error occurred while sending to the backend.",
            "08006",
            new java.net.SocketException("Connection reset"));

    SourceException e = errors.querying(ORIGIN, lost);

    assertThat(e.getMessage())
        .endsWith(
            ": An I/O error occurred while sending to the backend. (SocketException: Connection"
                + " reset)")
        .doesNotContain("\n");
  }

  @Test
  void hikarisTimeoutIsUnwrappedToTheDriversReason() {
    SQLException driver =
        new SQLException("Connection to db.example:5432 refused.", "08001", new ConnectException());
    SQLTransientConnectionException hikari =
        new SQLTransientConnectionException(
            "sqlfeed-source-hr - Connection is not available, request timed out after 10000ms.",
            "08001",
            driver);

    SourceException e = errors.connecting(ORIGIN, hikari);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isTrue();
    assertThat(e)
        .hasMessage(
            ORIGIN
                + ": cannot connect to jdbc:postgresql://db.example:5432/app:"
                + " Connection to db.example:5432 refused.");
  }

  @ParameterizedTest
  @CsvSource({"42000, false", "28000, false", "3D000, false", "08004, true", "HY000, true"})
  void anyFailureToConnectIsUnavailable(String state, boolean transientFailure) {
    SourceException e =
        errors.connecting("connect", new RuntimeException(new SQLException("no", state)));

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.transientFailure()).isEqualTo(transientFailure);
  }

  @Test
  void anUnknownHostIsTransientAMissingDriverIsNot() {
    assertThat(
            errors
                .connecting("connect", new RuntimeException("x", new UnknownHostException("db")))
                .transientFailure())
        .isTrue();
    assertThat(
            errors
                .connecting(
                    "connect", new RuntimeException("Failed to get driver instance for jdbcUrl=x"))
                .transientFailure())
        .isFalse();
  }

  @Test
  void noMessageCauseOrStackTraceShowsThePassword() {
    SQLException driver =
        new SQLException(
            "FATAL: bad login app/" + PASSWORD + " for jdbc:postgresql://h/app?password=Other-pw1",
            "28P01");

    SourceException e =
        errors.connecting("connect", new RuntimeException("wrapped " + PASSWORD, driver));
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));

    assertThat(trace.toString())
        .contains("FATAL: bad login")
        .contains("28P01")
        .doesNotContain(PASSWORD)
        .doesNotContain("Other-pw1");
    assertThat(e.getCause()).isInstanceOf(Exception.class);
  }
}
