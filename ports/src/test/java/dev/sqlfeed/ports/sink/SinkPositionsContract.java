package dev.sqlfeed.ports.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SinkPositions} does; run against the fake and every real store. */
public abstract class SinkPositionsContract {
  private SinkPositions positions;

  /** A new, empty store's sink positions. */
  protected abstract SinkPositions openPositions();

  /** Closes and throws away what {@link #openPositions} made. */
  protected void discardPositions() {}

  @BeforeEach
  void open() {
    positions = openPositions();
  }

  @AfterEach
  void discard() {
    discardPositions();
  }

  private SinkPositions positions() {
    return positions;
  }

  @Test
  void aSinkThatNeverPublished_isAtZero() {
    assertThat(positions().sinkPosition("hr", "nats:SQLFEED_HR")).isZero();
  }

  @Test
  void aSavedPosition_isReadBack_andMovesOnlyForward() {
    SinkPositions positions = positions();
    positions.saveSinkPosition("hr", "nats:SQLFEED_HR", 7);
    assertThat(positions.sinkPosition("hr", "nats:SQLFEED_HR")).isEqualTo(7);
    positions.saveSinkPosition("hr", "nats:SQLFEED_HR", 12);
    assertThat(positions.sinkPosition("hr", "nats:SQLFEED_HR")).isEqualTo(12);
    positions.saveSinkPosition("hr", "nats:SQLFEED_HR", 9);
    assertThat(positions.sinkPosition("hr", "nats:SQLFEED_HR")).isEqualTo(12);
  }

  @Test
  void positions_areKeptPerAppAndSink() {
    SinkPositions positions = positions();
    positions.saveSinkPosition("hr", "nats:SQLFEED_HR", 5);
    positions.saveSinkPosition("payroll", "nats:SQLFEED_HR", 8);
    positions.saveSinkPosition("hr", "nats:OTHER", 3);
    assertThat(positions.sinkPosition("hr", "nats:SQLFEED_HR")).isEqualTo(5);
    assertThat(positions.sinkPosition("payroll", "nats:SQLFEED_HR")).isEqualTo(8);
    assertThat(positions.sinkPosition("hr", "nats:OTHER")).isEqualTo(3);
    assertThat(positions.sinkPosition("payroll", "nats:OTHER")).isZero();
  }
}
