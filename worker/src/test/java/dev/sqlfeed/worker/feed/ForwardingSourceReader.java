package dev.sqlfeed.worker.feed;

import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A reader that hands the port's abstract methods to {@link #inner()} and leaves every default
 * method ({@code readEach}, {@code cursorKeepsMicroseconds}, ...) as the port defines it: the base
 * of the tests' readers that take one of the real reader's abilities away or change one answer, so
 * that each says only what it changes.
 */
interface ForwardingSourceReader extends SourceReader {
  /** The reader every abstract method is handed to. */
  SourceReader inner();

  @Override
  default long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink) {
    return inner().read(query, bindings, sink);
  }

  @Override
  default long readPage(
      SourceQuery query, Map<String, Object> bindings, KeysetPage page, Consumer<SourceRow> sink) {
    return inner().readPage(query, bindings, page, sink);
  }

  @Override
  default Instant databaseNow() {
    return inner().databaseNow();
  }

  @Override
  default void ping() {
    inner().ping();
  }

  @Override
  default void close() {
    inner().close();
  }
}
