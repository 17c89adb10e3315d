package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class BatchStatementTest {
  private static final List<Field<?>> COLUMNS = List.of(StoreSchema.APP);

  private static BatchStatement cached(DSLContext db, String name, AtomicInteger built) {
    return BatchStatement.cached(
        db,
        name,
        () -> {
          built.incrementAndGet();
          return db.insertInto(StoreSchema.MIRRORS, StoreSchema.APP)
              .values(BatchStatement.slot(StoreSchema.APP));
        },
        COLUMNS);
  }

  @Test
  void aCachedStatement_isBuiltAndRenderedOncePerDialectAndName() {
    AtomicInteger built = new AtomicInteger();
    DSLContext sqlite = DSL.using(SQLDialect.SQLITE);
    DSLContext postgres = DSL.using(SQLDialect.POSTGRES);
    String name = "test insert " + System.nanoTime();

    BatchStatement first = cached(sqlite, name, built);

    assertThat(cached(sqlite, name, built)).isSameAs(first);
    assertThat(built).hasValue(1);
    assertThat(cached(postgres, name, built)).isNotSameAs(first);
    assertThat(cached(sqlite, name + " other", built)).isNotSameAs(first);
    assertThat(built).hasValue(3);
  }
}
