package dev.sqlfeed.jdbc;

import static dev.sqlfeed.ports.SampleMirror.resource;

import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.SyncStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A process that starts a full sync of app {@code hr} in a store, stages two records, prints {@code
 * run <id>} and then waits to be killed: what a {@code sqlfeed sync} is in the middle of a run.
 * Arguments: the store's JDBC URL, user and password ({@code -} for none).
 */
public final class HoldsARun {
  private HoldsARun() {}

  public static void main(String[] args) throws InterruptedException {
    String user = "-".equals(args[1]) ? null : args[1];
    String password = "-".equals(args[2]) ? null : args[2];
    SyncStore store = JdbcStores.open(args[0], user, password, Clock.systemUTC());
    FullSyncWrite write = store.beginFullSync("hr", Instant.now());
    write.put(List.of(resource("user", "1"), resource("user", "2")));
    System.out.println("run " + store.syncRuns("hr").get(0).id());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
