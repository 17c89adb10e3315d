package dev.sqlfeed.ports.sink;

class InMemorySinkPositionsTest extends SinkPositionsContract {
  @Override
  protected SinkPositions openPositions() {
    return new InMemorySinkPositions();
  }
}
