package dev.sqlfeed.jdbc;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.primaryKey;
import static org.jooq.impl.DSL.table;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.ports.MirrorKeyLimits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jooq.Constraint;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;

/**
 * The store's tables, created by the adapter at open through jOOQ's DDL API, and their versions.
 *
 * <p>Version 1: {@code resources}, {@code entitlements}, {@code grants} (the mirror, keyed by app
 * and the record's key fields, so that later incremental changes upsert and delete by key); {@code
 * stage_resources}, {@code stage_entitlements}, {@code stage_grants} (a running full sync's
 * records, keyed by run id and the key fields); {@code mirrors} (one row per app whose full sync
 * committed: the run that replaced it, and the row that a commit locks first so that two commits of
 * one app take turns); {@code sync_runs}; {@code schema_version} (one row per applied version).
 * Later versions append a step to {@link #STEPS}: the event log and checkpoints ({@link
 * EventLogSchema}, version 2), reconciliation counts and heartbeats in {@code sync_runs} ({@link
 * SyncRunsSchema}, version 3), the event log's index by resource ({@link EventIndexSchema}, version
 * 4), the run liveness lock's name ({@link RunLocksSchema}, version 5), the keys of events dropped
 * as delivered by another ({@link DeliveredSchema}, version 6), the grant checks grants sources owe
 * ({@link GrantChecksSchema}, version 7), event sinks' positions ({@link SinkPositionsSchema},
 * version 8), the event keys in time order ({@link EventKeySchema}, version 9).
 *
 * <p>Times are text, ISO-8601 UTC with six fraction digits ({@code 2026-03-01T10:00:00.123456Z}):
 * the same on every database, sortable as text, and free of MariaDB's TIMESTAMP time-zone and 2038
 * rules. String columns compare by code point (see {@link StoreDialect}).
 */
final class StoreSchema {
  static final Field<Integer> VERSION = field(name("version"), SQLDataType.INTEGER.nullable(false));
  static final Field<String> APPLIED_AT = field(name("applied_at"), time(false));

  static final Field<String> APP = field(name("app"), key(MirrorKeyLimits.NAME));
  static final Field<Long> RUN_ID = field(name("run_id"), SQLDataType.BIGINT.nullable(false));
  static final Field<String> REPLACED_AT = field(name("replaced_at"), time(false));

  static final Field<String> RESOURCE_TYPE =
      field(name("resource_type"), key(MirrorKeyLimits.NAME));
  static final Field<String> RESOURCE_ID = field(name("resource_id"), key(MirrorKeyLimits.ID));
  static final Field<String> ENTITLEMENT = field(name("entitlement"), key(MirrorKeyLimits.NAME));
  static final Field<String> PRINCIPAL_TYPE =
      field(name("principal_type"), key(MirrorKeyLimits.NAME));
  static final Field<String> PRINCIPAL_ID = field(name("principal_id"), key(MirrorKeyLimits.ID));
  static final Field<String> PARENT_TYPE =
      field(name("parent_type"), SQLDataType.VARCHAR(MirrorKeyLimits.NAME).nullable(true));
  static final Field<String> PARENT_ID =
      field(name("parent_id"), SQLDataType.VARCHAR(MirrorKeyLimits.ID).nullable(true));
  static final Field<String> DISPLAY_NAME = field(name("display_name"), clob(false));
  static final Field<String> DESCRIPTION = field(name("description"), clob(true));
  static final Field<String> PURPOSE = field(name("purpose"), clob(true));

  /** The resource's traits as canonical JSON. */
  static final Field<String> TRAITS = field(name("traits"), clob(false));

  /** The entitlement's grantable-to resource types as a canonical JSON array. */
  static final Field<String> GRANTABLE_TO = field(name("grantable_to"), clob(false));

  static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT.identity(true));
  static final Field<String> STARTED_AT = field(name("started_at"), time(false));
  static final Field<String> ENDED_AT = field(name("ended_at"), time(true));
  static final Field<String> OUTCOME =
      field(name("outcome"), SQLDataType.VARCHAR(16).nullable(false));
  static final Field<Long> RESOURCE_COUNT = count("resource_count");
  static final Field<Long> ENTITLEMENT_COUNT = count("entitlement_count");
  static final Field<Long> GRANT_COUNT = count("grant_count");
  static final Field<String> MESSAGE = field(name("message"), clob(true));

  static final Table<Record> SCHEMA_VERSION = table(name("schema_version"));
  static final Table<Record> MIRRORS = table(name("mirrors"));
  static final Table<Record> SYNC_RUNS = table(name("sync_runs"));

  /** Step {@code n} (from 0) brings the schema from version {@code n} to {@code n + 1}. */
  private static final List<BiConsumer<DSLContext, StoreDialect>> STEPS =
      List.of(
          StoreSchema::version1,
          EventLogSchema::version2,
          SyncRunsSchema::version3,
          EventIndexSchema::version4,
          RunLocksSchema::version5,
          DeliveredSchema::version6,
          GrantChecksSchema::version7,
          SinkPositionsSchema::version8,
          EventKeySchema::version9);

  /** The version this code writes. */
  static final int LATEST = STEPS.size();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private StoreSchema() {}

  /**
   * Creates or upgrades the schema; safe to run again, and by two processes at once.
   *
   * @throws StoreException if the store was written by a newer sqlfeed
   */
  static void migrate(DSLContext db, StoreDialect dialect, Instant now) {
    migrate(db, dialect, now, LATEST);
  }

  /** Brings the schema up to {@code target}, no further: tests build old stores with it. */
  static void migrate(DSLContext db, StoreDialect dialect, Instant now, int target) {
    create(db, dialect, SCHEMA_VERSION, List.of(VERSION, APPLIED_AT), List.of(VERSION));
    int current = version(db);
    if (current > LATEST) {
      throw new StoreException(
          StoreException.Kind.QUERY_FAILED,
          false,
          "the sync store's schema is version "
              + current
              + ", newer than this sqlfeed knows ("
              + LATEST
              + "): use a newer sqlfeed",
          null);
    }
    for (int next = current + 1; next <= Math.min(target, LATEST); next++) {
      // Every step only creates what is missing, so a step cut short is simply run again.
      STEPS.get(next - 1).accept(db, dialect);
      try {
        db.insertInto(SCHEMA_VERSION, VERSION, APPLIED_AT).values(next, text(now)).execute();
      } catch (DataAccessException e) {
        if (version(db) < next) {
          throw e;
        }
        // Another process recorded the same step first.
      }
    }
  }

  /** The schema's version: 0 for a new store. */
  static int version(DSLContext db) {
    Integer version = db.select(max(VERSION)).from(SCHEMA_VERSION).fetchOne(0, Integer.class);
    return version == null ? 0 : version;
  }

  private static void version1(DSLContext db, StoreDialect dialect) {
    create(db, dialect, MIRRORS, List.of(APP, RUN_ID, REPLACED_AT), List.of(APP));
    create(
        db,
        dialect,
        SYNC_RUNS,
        List.of(
            ID,
            APP,
            STARTED_AT,
            ENDED_AT,
            OUTCOME,
            RESOURCE_COUNT,
            ENTITLEMENT_COUNT,
            GRANT_COUNT,
            MESSAGE),
        List.of(ID));
    for (MirrorTable table : MirrorTable.values()) {
      create(
          db,
          dialect,
          table.mirror(),
          withFirst(APP, table.columns()),
          withFirst(APP, table.keys()));
      create(
          db,
          dialect,
          table.stage(),
          withFirst(RUN_ID, table.columns()),
          withFirst(RUN_ID, table.keys()));
    }
  }

  /** CREATE TABLE IF NOT EXISTS with the dialect's column types, a primary key and more. */
  static void create(
      DSLContext db,
      StoreDialect dialect,
      Table<?> table,
      List<? extends Field<?>> columns,
      List<? extends Field<?>> primaryKey,
      Constraint... more) {
    List<Field<?>> definitions = new ArrayList<>();
    for (Field<?> column : columns) {
      definitions.add(field(column.getUnqualifiedName(), dialect.columnType(column.getDataType())));
    }
    List<Constraint> constraints = new ArrayList<>();
    constraints.add(primaryKey(primaryKey.toArray(Field<?>[]::new)));
    constraints.addAll(List.of(more));
    CreateTableElementListStep step =
        db.createTableIfNotExists(table).columns(definitions).constraints(constraints);
    if (dialect.tableOptions() != null) {
      step.storage(dialect.tableOptions()).execute();
    } else {
      step.execute();
    }
  }

  /** {@code first} followed by {@code rest}. */
  static List<Field<?>> withFirst(Field<?> first, List<? extends Field<?>> rest) {
    List<Field<?>> fields = new ArrayList<>(rest.size() + 1);
    fields.add(first);
    fields.addAll(rest);
    return fields;
  }

  /** The fields qualified by {@code table}: H2's MERGE, jOOQ's upsert there, needs them so. */
  static List<Field<?>> qualified(Table<?> table, List<? extends Field<?>> fields) {
    List<Field<?>> result = new ArrayList<>(fields.size());
    for (Field<?> f : fields) {
      result.add(field(table.getQualifiedName().append(f.getUnqualifiedName()), f.getDataType()));
    }
    return result;
  }

  /** An instant as the store writes it, to the microsecond. */
  static String text(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static DataType<String> key(int length) {
    return SQLDataType.VARCHAR(length).nullable(false);
  }

  private static DataType<String> clob(boolean nullable) {
    return SQLDataType.CLOB.nullable(nullable);
  }

  private static DataType<String> time(boolean nullable) {
    return SQLDataType.VARCHAR(32).nullable(nullable);
  }

  private static Field<Long> count(String column) {
    return field(name(column), SQLDataType.BIGINT.nullable(false));
  }
}
