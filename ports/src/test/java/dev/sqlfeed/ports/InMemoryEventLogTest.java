package dev.sqlfeed.ports;

class InMemoryEventLogTest extends EventLogContract {
  @Override
  protected SyncStore openStore() {
    return new InMemorySyncStore();
  }
}
