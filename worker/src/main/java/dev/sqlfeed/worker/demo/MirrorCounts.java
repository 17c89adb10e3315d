package dev.sqlfeed.worker.demo;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.ports.SyncStore;
import java.util.Optional;

/** How many resources, entitlements and grants an app's mirror holds. */
public record MirrorCounts(long resources, long entitlements, long grants) {
  /** Counts the app's mirror in the store. */
  public static MirrorCounts of(SyncStore store, String app) {
    long[] n = new long[3];
    store.exportMirror(
        Optional.of(app),
        r -> {
          if (r instanceof Resource) {
            n[0]++;
          } else if (r instanceof Entitlement) {
            n[1]++;
          } else if (r instanceof Grant) {
            n[2]++;
          }
        });
    return new MirrorCounts(n[0], n[1], n[2]);
  }

  @Override
  public String toString() {
    return resources + " resources, " + entitlements + " entitlements, " + grants + " grants";
  }
}
