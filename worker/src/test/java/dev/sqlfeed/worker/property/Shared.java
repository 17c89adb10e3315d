package dev.sqlfeed.worker.property;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncStore;

/**
 * What histories on one dialect share, so that a history costs its writes and cycles rather than
 * set-up: the source database with its tables (emptied per history), a reader of it, an SQLite
 * store in which each history is an app of its own, and an SQLite store for the fresh full syncs
 * (each into an app of its own, so each is a baseline into an empty mirror).
 */
record Shared(
    TestDatabase sourceDb, SourceReader reader, String storeUrl, SyncStore store, SyncStore fresh)
    implements AutoCloseable {
  @Override
  public void close() {
    fresh.close();
    store.close();
    reader.close();
    sourceDb.close();
  }
}
