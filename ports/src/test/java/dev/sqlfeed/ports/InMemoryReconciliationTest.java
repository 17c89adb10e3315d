package dev.sqlfeed.ports;

class InMemoryReconciliationTest extends ReconciliationContract {
  @Override
  protected SyncStore openStore() {
    return new InMemorySyncStore();
  }
}
