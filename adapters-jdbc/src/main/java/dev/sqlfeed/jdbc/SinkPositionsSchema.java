package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.APP;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Schema version 8: {@code sink_positions}, one row per app and event sink (such as {@code
 * nats:SQLFEED_HR}) with the seq of the last event of the app that the sink acknowledged, so that a
 * restarted publisher resumes after it. A position only moves forward.
 */
final class SinkPositionsSchema {
  static final Table<Record> SINK_POSITIONS = table(name("sink_positions"));
  static final Field<String> SINK = field(name("sink"), SQLDataType.VARCHAR(255).nullable(false));
  static final Field<Long> SEQ = field(name("seq"), SQLDataType.BIGINT.nullable(false));
  static final Field<String> UPDATED_AT =
      field(name("updated_at"), SQLDataType.VARCHAR(32).nullable(false));

  private SinkPositionsSchema() {}

  /** Step 8 of {@link StoreSchema#migrate}. */
  static void version8(DSLContext db, StoreDialect dialect) {
    StoreSchema.create(
        db, dialect, SINK_POSITIONS, List.of(APP, SINK, SEQ, UPDATED_AT), List.of(APP, SINK));
  }

  /** The stored position; 0 if there is none. */
  static long position(DSLContext db, String app, String sink) {
    Long seq =
        db.select(SEQ)
            .from(SINK_POSITIONS)
            .where(APP.eq(app).and(SINK.eq(sink)))
            .fetchOne(0, Long.class);
    return seq == null ? 0 : seq;
  }

  /**
   * The rows of {@code table} (which has {@code app} and {@code seq}) that no sink of their app
   * still has to publish: no position of the app lies below the row's seq. What pruning may remove.
   */
  static Condition publishedByEverySink(Table<?> table) {
    Field<String> rowApp =
        field(table.getQualifiedName().append(APP.getUnqualifiedName()), String.class);
    Field<Long> rowSeq =
        field(table.getQualifiedName().append(SEQ.getUnqualifiedName()), Long.class);
    Field<String> sinkApp = field(name("sp", APP.getName()), String.class);
    Field<Long> sinkSeq = field(name("sp", SEQ.getName()), Long.class);
    return notExists(
        selectOne()
            .from(SINK_POSITIONS.as(name("sp")))
            .where(sinkApp.eq(rowApp))
            .and(sinkSeq.lt(rowSeq)));
  }

  /** Stores {@code seq} unless the stored position is higher, in one statement. */
  static void save(DSLContext db, String app, String sink, long seq, Instant now) {
    Field<Long> stored = StoreSchema.qualified(SINK_POSITIONS, List.of(SEQ)).get(0).coerce(SEQ);
    db.insertInto(SINK_POSITIONS, APP, SINK, SEQ, UPDATED_AT)
        .values(app, sink, seq, StoreSchema.text(now))
        .onConflict(StoreSchema.qualified(SINK_POSITIONS, List.of(APP, SINK)))
        .doUpdate()
        .set(SEQ, greatest(stored, excluded(SEQ)))
        .set(UPDATED_AT, excluded(UPDATED_AT))
        .execute();
  }
}
