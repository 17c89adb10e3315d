package dev.sqlfeed.ports.sink;

class InMemorySinkPositionsTest extends SinkPositionsContract {
  @Override
  protected SinkPositions positions() {
    return new InMemorySinkPositions();
  }
}
