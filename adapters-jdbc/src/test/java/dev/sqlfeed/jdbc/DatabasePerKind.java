package dev.sqlfeed.jdbc;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One database of each kind for a whole test class, made with the class's tables on first use: hold
 * it in a static {@code @AutoClose} field, and {@link #close()} drops them after the class.
 */
final class DatabasePerKind implements AutoCloseable {
  private final Map<Kind, TestDatabase> databases = new EnumMap<>(Kind.class);
  private final Consumer<TestDatabase> tables;

  /** {@code tables} makes the class's tables, and their rows, in a new database. */
  DatabasePerKind(Consumer<TestDatabase> tables) {
    this.tables = tables;
  }

  /** The kind's database, made on first use. */
  synchronized TestDatabase of(Kind kind) {
    return databases.computeIfAbsent(
        kind,
        k -> {
          TestDatabase db = TestDatabases.create(k);
          tables.accept(db);
          return db;
        });
  }

  /** Drops every database made so far. */
  @Override
  public synchronized void close() {
    databases.values().forEach(TestDatabase::close);
    databases.clear();
  }
}
