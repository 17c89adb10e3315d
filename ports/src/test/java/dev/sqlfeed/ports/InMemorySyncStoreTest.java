package dev.sqlfeed.ports;

class InMemorySyncStoreTest extends SyncStoreContract {
  @Override
  protected SyncStore openStore() {
    return new InMemorySyncStore();
  }
}
