package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** What the source adapter says differently to each database product. */
final class SourceDialect {
  private static final Map<Product, DSLContext> RENDERERS = new EnumMap<>(Product.class);

  static {
    Settings quoted = new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS);
    for (Product product : Product.values()) {
      // jOOQ leaves names it deems safe unquoted on SQLite, whatever the setting; SQLite takes the
      // standard's double quotes, which the default dialect always writes.
      SQLDialect dialect = product == Product.SQLITE ? SQLDialect.DEFAULT : jooq(product);
      RENDERERS.put(product, DSL.using(dialect, quoted));
    }
  }

  private SourceDialect() {}

  /** jOOQ's dialect: used to quote names; the OSS edition renders no SQL Server or Oracle SQL. */
  static SQLDialect jooq(Product product) {
    return switch (product) {
      case POSTGRES -> SQLDialect.POSTGRES;
      case MYSQL -> SQLDialect.MARIADB;
      case SQLITE -> SQLDialect.SQLITE;
      case H2 -> SQLDialect.H2;
      case SQLSERVER, ORACLE, OTHER -> SQLDialect.DEFAULT;
    };
  }

  /**
   * An identifier, always quoted for the product with its quote character doubled inside (jOOQ's
   * name rendering: {@code "a""b"}, MariaDB {@code `a``b`}); never pasted in as written. Quoted
   * names keep their case: {@link PageShapes} finds the label the database reports.
   */
  static String quote(Product product, String identifier) {
    return RENDERERS.get(product).render(DSL.name(identifier));
  }

  /**
   * The statement that puts a new session into UTC, or null where the driver does it (MariaDB,
   * through its connection properties) or there is no session zone (SQLite, whose {@code 'now'} is
   * UTC; SQL Server, whose {@code SYSUTCDATETIME()} is).
   */
  static String sessionSql(Product product) {
    return switch (product) {
      case POSTGRES, H2 -> "SET TIME ZONE 'UTC'";
      case ORACLE -> "ALTER SESSION SET TIME_ZONE = 'UTC'";
      default -> null;
    };
  }

  /**
   * The database's clock in UTC, with the finest precision it offers: {@code clock_timestamp()}
   * rather than {@code now()} on PostgreSQL, which would be the start of the transaction.
   */
  static String clockSql(Product product) {
    return switch (product) {
      case POSTGRES -> "SELECT clock_timestamp()";
      case MYSQL -> "SELECT UTC_TIMESTAMP(6)";
      case SQLITE -> "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')";
      case SQLSERVER -> "SELECT SYSUTCDATETIME()";
      case ORACLE -> "SELECT SYS_EXTRACT_UTC(SYSTIMESTAMP) FROM DUAL";
      case H2, OTHER -> "SELECT CURRENT_TIMESTAMP";
    };
  }

  /**
   * Whether {@code (a, b) > (x, y)} works. SQL Server has no row values and Oracle compares them
   * only for equality; for an unknown product the longer spelling is the safe one.
   */
  static boolean rowValues(Product product) {
    return switch (product) {
      case POSTGRES, MYSQL, SQLITE, H2 -> true;
      case SQLSERVER, ORACLE, OTHER -> false;
    };
  }

  /** The clause after {@code ORDER BY} that keeps the first {@code rows} rows. */
  static String limit(Product product, int rows) {
    return switch (product) {
      case POSTGRES, MYSQL, SQLITE, H2 -> "LIMIT " + rows;
      case SQLSERVER, ORACLE -> "OFFSET 0 ROWS FETCH NEXT " + rows + " ROWS ONLY";
      case OTHER -> "FETCH FIRST " + rows + " ROWS ONLY";
    };
  }
}
