package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;
import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.sqlfeed.ports.MirrorKeyLimits;
import dev.sqlfeed.ports.PageChecks;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;

/**
 * Schema version 2: the event log, the sources' checkpoints, and the two rows that page writes
 * lock.
 *
 * <ul>
 *   <li>{@code events}: one row per appended event, keyed by {@code seq}. Unique by {@code
 *       event_key}, 64 characters derived from the app and the event id, in time order since schema
 *       version 9 ({@link EventRows#key}, {@link EventKeySchema}): ids run to hundreds of
 *       characters, InnoDB indexes at most 3,072 bytes, and a unique index on one column tells
 *       every planner that a key matches at most one row, so looking up a page's keys reads that
 *       index even before the table's first ANALYZE (on (app, key), PostgreSQL chose to scan all
 *       the app's rows instead, comparing each with all 500 keys). The id itself is kept whole
 *       beside it. Unique by (app, seq) too, the index that {@code events(app, ...)} reads.
 *   <li>{@code checkpoints}: one row per (app, source).
 *   <li>{@code event_seq}: one row holding the last seq handed out. A page write locks it, so page
 *       writes append one after another and seqs have no holes.
 *   <li>{@code app_locks}: one row per app that ever wrote a page or committed a full sync. Both
 *       lock it first, so that a full sync's swap and the app's page writes take turns.
 * </ul>
 *
 * <p>Cursors are text with nine fraction digits, so that a cursor read from a source comes back to
 * the nanosecond; {@code observed_at} and {@code committed_at} have six, like every other time in
 * the store.
 */
final class EventLogSchema {
  /** The longest source key the store keeps, in UTF-16 code units. */
  static final int SOURCE_LENGTH = PageChecks.SOURCE_LENGTH;

  static final Field<Long> SEQ = field(name("seq"), SQLDataType.BIGINT.nullable(false));
  static final Field<String> EVENT_KEY =
      field(name("event_key"), SQLDataType.VARCHAR(64).nullable(false));
  static final Field<String> EVENT_ID = field(name("event_id"), SQLDataType.CLOB.nullable(false));
  static final Field<String> KIND = field(name("kind"), SQLDataType.VARCHAR(32).nullable(false));
  static final Field<String> SOURCE =
      field(name("source"), SQLDataType.VARCHAR(SOURCE_LENGTH).nullable(false));
  static final Field<String> ENTITLEMENT =
      field(name("entitlement"), SQLDataType.VARCHAR(MirrorKeyLimits.NAME).nullable(true));
  static final Field<String> PRINCIPAL_TYPE =
      field(name("principal_type"), SQLDataType.VARCHAR(MirrorKeyLimits.NAME).nullable(true));
  static final Field<String> PRINCIPAL_ID =
      field(name("principal_id"), SQLDataType.VARCHAR(MirrorKeyLimits.ID).nullable(true));
  static final Field<String> CURSOR =
      field(name("cursor_at"), SQLDataType.VARCHAR(40).nullable(false));
  static final Field<String> OBSERVED_AT =
      field(name("observed_at"), SQLDataType.VARCHAR(32).nullable(false));
  static final Field<String> COMMITTED_AT =
      field(name("committed_at"), SQLDataType.VARCHAR(32).nullable(false));
  static final Field<Integer> COUNTER = field(name("counter"), SQLDataType.INTEGER.nullable(false));
  static final Field<Long> LAST_SEQ = field(name("last_seq"), SQLDataType.BIGINT.nullable(false));

  static final Table<Record> EVENTS = table(name("events"));
  static final Table<Record> CHECKPOINTS = table(name("checkpoints"));
  static final Table<Record> EVENT_SEQ = table(name("event_seq"));
  static final Table<Record> APP_LOCKS = table(name("app_locks"));

  /** The columns of {@code events}, in the order that rows are written and read. */
  static final List<Field<?>> EVENT_COLUMNS =
      List.of(
          SEQ,
          APP,
          EVENT_KEY,
          EVENT_ID,
          KIND,
          SOURCE,
          RESOURCE_TYPE,
          RESOURCE_ID,
          ENTITLEMENT,
          PRINCIPAL_TYPE,
          PRINCIPAL_ID,
          CURSOR,
          OBSERVED_AT);

  /** The value of {@link #COUNTER} in the one row of {@code event_seq}. */
  static final int THE_COUNTER = 1;

  private static final DateTimeFormatter CURSOR_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private EventLogSchema() {}

  /** Step 2 of {@link StoreSchema#migrate}: creates what is missing, so it may run again. */
  static void version2(DSLContext db, StoreDialect dialect) {
    StoreSchema.create(
        db,
        dialect,
        EVENTS,
        EVENT_COLUMNS,
        List.of(SEQ),
        constraint(name("events_event_key")).unique(EVENT_KEY),
        constraint(name("events_app_seq")).unique(APP, SEQ));
    StoreSchema.create(
        db, dialect, CHECKPOINTS, List.of(APP, SOURCE, CURSOR, COMMITTED_AT), List.of(APP, SOURCE));
    StoreSchema.create(db, dialect, EVENT_SEQ, List.of(COUNTER, LAST_SEQ), List.of(COUNTER));
    StoreSchema.create(db, dialect, APP_LOCKS, List.of(APP), List.of(APP));
    if (db.fetchCount(EVENT_SEQ) == 0) {
      try {
        db.insertInto(EVENT_SEQ, COUNTER, LAST_SEQ).values(THE_COUNTER, 0L).execute();
      } catch (DataAccessException e) {
        if (db.fetchCount(EVENT_SEQ) == 0) {
          throw e;
        }
        // Another process inserted it first.
      }
    }
  }

  /**
   * A cursor as the store writes it, to the nanosecond. Years 1 to 9999 are written by hand, with
   * the same text as {@link #CURSOR_TEXT}: the formatter profiled as a twentieth of a page write.
   */
  static String cursorText(Instant cursor) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(cursor.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return CURSOR_TEXT.format(cursor);
    }
    char[] text = new char[30];
    digits(text, 0, t.getYear(), 4);
    text[4] = '-';
    digits(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, t.getHour(), 2);
    text[13] = ':';
    digits(text, 14, t.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, t.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, cursor.getNano(), 9);
    text[29] = 'Z';
    return new String(text);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code from}. */
  private static void digits(char[] text, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
