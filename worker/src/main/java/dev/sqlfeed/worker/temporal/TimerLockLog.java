package dev.sqlfeed.worker.temporal;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;

/**
 * Keeps the embedded server's timer from slowing down as it runs. Temporal's test server (checked
 * on 1.38.0) notes every time-skipping lock and unlock in a {@code LinkedList} that its own source
 * calls "for debugging purposes only" ({@code SelfAdvancingTimerImpl.lockEvents}): the entries of
 * workflow and activity tasks are never taken out, and every other unlock searches the list from
 * its head for its own entry, which is at the tail. So the list grows by a few entries per task and
 * every task costs more than the one before: an idle worker with 200 sources spent 18 % of its CPU
 * samples in {@code LinkedList.remove} after seven minutes (BENCHMARKS.md, P6).
 *
 * <p>This list takes that one's place: it keeps only the newest {@link #KEPT} entries, and looks
 * for an entry from the tail. The timer keeps its lock count in a field of its own, so what is
 * dropped is only history for its diagnostics; an unlock whose entry was dropped for its age is not
 * an error here (the original would throw "Unbalanced lock and unlock calls").
 */
final class TimerLockLog extends LinkedList<Object> {
  /** Entries kept: the newest, for the server's diagnostics. */
  static final int KEPT = 1_000;

  private static final long serialVersionUID = 1L;

  @Override
  public boolean add(Object entry) {
    addLast(entry);
    if (size() > KEPT) {
      removeFirst();
    }
    return true;
  }

  /** Takes the entry out, looking from the newest; true also when it was dropped for its age. */
  @Override
  public boolean remove(Object entry) {
    Iterator<Object> newestFirst = descendingIterator();
    while (newestFirst.hasNext()) {
      if (newestFirst.next() == entry) {
        newestFirst.remove();
        return true;
      }
    }
    return true;
  }

  /**
   * Puts a bounded log in place of the server's timer's own, under the timer's lock.
   *
   * @return true when it is in place; false when this Temporal version's timer is not shaped as
   *     expected (the server then works as it comes, only slower the longer it runs)
   */
  static boolean install(TestServicesStarter services) {
    try {
      TimerFields timer = TimerFields.of(services);
      timer.lock().lock();
      try {
        Object current = timer.events().get(timer.timer());
        if (!(current instanceof LinkedList<?> entries)) {
          return false;
        }
        TimerLockLog bounded = new TimerLockLog();
        entries.forEach(bounded::add);
        timer.events().set(timer.timer(), bounded);
        return true;
      } finally {
        timer.lock().unlock();
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The entries the server's timer holds now; -1 when they cannot be read. */
  static int entries(TestServicesStarter services) {
    try {
      TimerFields timer = TimerFields.of(services);
      timer.lock().lock();
      try {
        return ((LinkedList<?>) timer.events().get(timer.timer())).size();
      } finally {
        timer.lock().unlock();
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The server's timer, reached through reflection: the timer itself, its field that holds the log
   * of lock events, and the lock that guards that log.
   */
  private record TimerFields(Object timer, Field events, Lock lock) {
    static TimerFields of(TestServicesStarter services) throws ReflectiveOperationException {
      Object timer = field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
      return new TimerFields(
          timer,
          field(timer.getClass(), "lockEvents"),
          (Lock) field(timer.getClass(), "lock").get(timer));
    }
  }

  private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
