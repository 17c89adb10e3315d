package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SourceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Compares a full sync's staged records with the app's mirror and writes every difference as an
 * event, in pages, through the store's page writes. Both sides are walked once, together, in key
 * order, one resource at a time (its row, its entitlements, the grants on it), so memory holds one
 * resource's entitlements and one page of events however large the mirror is.
 *
 * <p>Per resource: in the mirror but not staged, {@code resource_deleted} (the grants on it go with
 * it: no {@code grant_revoked} for them); staged, and not in the mirror or in it with another
 * canonical form (display name, description, parent, traits) or another set of entitlements, {@code
 * resource_changed} with the staged resource and entitlements. Per grant: in the mirror only,
 * {@code grant_revoked}; staged only, {@code grant_created}. Records compare by their canonical
 * JSON ({@link MirrorRecord#toJsonLine()}), the form the store keeps. Entitlements are compared as
 * part of their resource only: staged entitlements of a resource that was not staged are not
 * written.
 *
 * <p>Not thread-safe; one run at a time.
 */
public final class Reconciliation {
  /** Events per page write. */
  public static final int PAGE_SIZE = 1_000;

  /**
   * Writes one page of differences the way {@link dev.sqlfeed.ports.EventLog#writePage} writes a
   * page, in one transaction, leaving out those that the run's {@link ReconcileGuard} suppresses.
   */
  @FunctionalInterface
  public interface PageWriter {
    /**
     * @return the events that were appended (their changes applied), in page order
     */
    List<SourceEvent> write(List<SourceEvent> page);
  }

  private final ReconcileEvents events;
  private final KeyOrder order;
  private final PageWriter writer;
  private final int pageSize;
  private final List<SourceEvent> page = new ArrayList<>();
  private ReconcileCounts applied = ReconcileCounts.NONE;
  private long stagedResources;
  private long stagedEntitlements;
  private long stagedGrants;

  public Reconciliation(ReconcileEvents events, KeyOrder order, PageWriter writer) {
    this(events, order, writer, PAGE_SIZE);
  }

  /** With another page size, for tests. */
  public Reconciliation(ReconcileEvents events, KeyOrder order, PageWriter writer, int pageSize) {
    this.events = Objects.requireNonNull(events, "events");
    this.order = Objects.requireNonNull(order, "order");
    this.writer = Objects.requireNonNull(writer, "writer");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /**
   * Walks both sides and writes every difference.
   *
   * @throws IllegalStateException if a side is not in key order (a store's mistake)
   */
  public void run(SortedMirror mirror, SortedMirror staged) {
    Comparator<Resource> refs = (a, b) -> order.compare(a.resource(), b.resource());
    Stream<Resource> mr = new Stream<>(mirror.resources(), Resource::resource, refs, "mirror");
    Stream<Resource> sr = new Stream<>(staged.resources(), Resource::resource, refs, "staged");
    Comparator<Entitlement> ents = order::compare;
    Stream<Entitlement> me =
        new Stream<>(mirror.entitlements(), Entitlement::resource, ents, "mirror");
    Stream<Entitlement> se =
        new Stream<>(staged.entitlements(), Entitlement::resource, ents, "staged");
    Comparator<Grant> grants = order::compare;
    Stream<Grant> mg = new Stream<>(mirror.grants(), Grant::resource, grants, "mirror");
    Stream<Grant> sg = new Stream<>(staged.grants(), Grant::resource, grants, "staged");
    for (ResourceRef ref = first(mr, sr, me, se, mg, sg);
        ref != null;
        ref = first(mr, sr, me, se, mg, sg)) {
      boolean deleted = resource(ref, mr.takeIf(ref), sr.takeIf(ref), me.takeAll(ref), se);
      grants(ref, deleted, mg, sg);
    }
    flush();
  }

  /** The differences applied so far (all of them once {@link #run} returned). */
  public ReconcileCounts applied() {
    return applied;
  }

  /** The staged records walked so far, by kind. */
  public MirrorCounts staged() {
    return new MirrorCounts(stagedResources, stagedEntitlements, stagedGrants);
  }

  /** Compares one resource and its entitlements; true when it was deleted. */
  private boolean resource(
      ResourceRef ref,
      Resource inMirror,
      Resource isStaged,
      List<Entitlement> mirrorEntitlements,
      Stream<Entitlement> se) {
    List<Entitlement> stagedEntitlementsOf = se.takeAll(ref);
    stagedEntitlements += stagedEntitlementsOf.size();
    if (isStaged == null) {
      if (inMirror != null) {
        emit(events.resourceDeleted(ref));
        return true;
      }
      return false;
    }
    stagedResources++;
    if (inMirror == null
        || !inMirror.toJsonLine().equals(isStaged.toJsonLine())
        || !sameLines(mirrorEntitlements, stagedEntitlementsOf)) {
      emit(events.resourceChanged(isStaged, stagedEntitlementsOf));
    }
    return false;
  }

  private void grants(ResourceRef ref, boolean deleted, Stream<Grant> mg, Stream<Grant> sg) {
    while (mg.headIs(ref) || sg.headIs(ref)) {
      Grant inMirror = mg.headIs(ref) ? mg.head() : null;
      Grant isStaged = sg.headIs(ref) ? sg.head() : null;
      int c = inMirror == null ? 1 : isStaged == null ? -1 : order.compare(inMirror, isStaged);
      if (c <= 0) {
        mg.next();
      }
      if (c >= 0) {
        sg.next();
        stagedGrants++;
      }
      if (c < 0 && !deleted) {
        emit(events.grantRevoked(inMirror));
      } else if (c > 0) {
        emit(events.grantCreated(isStaged));
      }
    }
  }

  private static boolean sameLines(List<? extends MirrorRecord> a, List<? extends MirrorRecord> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).toJsonLine().equals(b.get(i).toJsonLine())) {
        return false;
      }
    }
    return true;
  }

  private void emit(SourceEvent event) {
    page.add(event);
    if (page.size() >= pageSize) {
      flush();
    }
  }

  private void flush() {
    if (page.isEmpty()) {
      return;
    }
    List<SourceEvent> written = writer.write(List.copyOf(page));
    page.clear();
    for (SourceEvent event : written) {
      applied = applied.plus(event.event().kind());
    }
  }

  /** The smallest resource among the streams' heads, or null when all are done. */
  @SafeVarargs
  private ResourceRef first(Stream<? extends MirrorRecord>... streams) {
    ResourceRef first = null;
    for (Stream<? extends MirrorRecord> stream : streams) {
      ResourceRef ref = stream.headRef();
      if (ref != null && (first == null || order.compare(ref, first) < 0)) {
        first = ref;
      }
    }
    return first;
  }

  /** A stream with a look at its next record, checked to come in key order. */
  private final class Stream<T extends MirrorRecord> {
    private final Iterator<T> records;
    private final java.util.function.Function<T, ResourceRef> refOf;
    private final Comparator<T> keys;
    private final String side;
    private T head;
    private T last;

    Stream(
        Iterator<T> records,
        java.util.function.Function<T, ResourceRef> refOf,
        Comparator<T> keys,
        String side) {
      this.records = records;
      this.refOf = refOf;
      this.keys = keys;
      this.side = side;
      advance();
    }

    T head() {
      return head;
    }

    ResourceRef headRef() {
      return head == null ? null : refOf.apply(head);
    }

    boolean headIs(ResourceRef ref) {
      return head != null && refOf.apply(head).equals(ref);
    }

    T next() {
      T taken = head;
      advance();
      return taken;
    }

    T takeIf(ResourceRef ref) {
      return headIs(ref) ? next() : null;
    }

    List<T> takeAll(ResourceRef ref) {
      List<T> taken = new ArrayList<>();
      while (headIs(ref)) {
        taken.add(next());
      }
      return taken;
    }

    private void advance() {
      if (head != null) {
        last = head;
      }
      head = records.hasNext() ? records.next() : null;
      if (head != null && last != null && keys.compare(last, head) >= 0) {
        throw new IllegalStateException(
            "the "
                + side
                + " records are not in key order: "
                + head.toJsonLine()
                + " after "
                + last.toJsonLine());
      }
    }
  }
}
