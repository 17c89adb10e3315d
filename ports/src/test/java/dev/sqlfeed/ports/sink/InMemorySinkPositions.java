package dev.sqlfeed.ports.sink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The reference semantics of {@link SinkPositions}, in memory. */
public final class InMemorySinkPositions implements SinkPositions {
  private final Map<List<String>, Long> positions = new ConcurrentHashMap<>();

  @Override
  public long sinkPosition(String app, String sink) {
    return positions.getOrDefault(List.of(app, sink), 0L);
  }

  @Override
  public void saveSinkPosition(String app, String sink, long seq) {
    positions.merge(List.of(app, sink), seq, Math::max);
  }
}
