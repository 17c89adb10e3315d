package dev.sqlfeed.ports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract of the sync store shares: a new, empty store for each test, closed and thrown
 * away after it. Subclasses say how to open one.
 */
public abstract class StoreContract {
  /** The store of the running test. */
  protected SyncStore store;

  /** A new, empty store. */
  protected abstract SyncStore openStore();

  /** Throws away what {@link #openStore} made; called after the store is closed. */
  protected void discardStore() {}

  @BeforeEach
  void openTheStore() {
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    try {
      store.close();
    } finally {
      discardStore();
    }
  }

  protected SyncStore store() {
    return store;
  }
}
