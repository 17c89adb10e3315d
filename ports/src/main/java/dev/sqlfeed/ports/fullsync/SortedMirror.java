package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import java.util.Iterator;

/**
 * One app's mirror, or one run's staged records, as three streams in {@link KeyOrder}. A store
 * implements it over its tables, reading a bounded number of rows at a time, so that comparing two
 * mirrors of millions of rows needs little memory. Each call starts a new stream; the streams may
 * be read at once, interleaved.
 */
public interface SortedMirror {
  Iterator<Resource> resources();

  Iterator<Entitlement> entitlements();

  Iterator<Grant> grants();
}
