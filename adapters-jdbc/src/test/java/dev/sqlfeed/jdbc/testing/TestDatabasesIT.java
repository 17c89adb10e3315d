package dev.sqlfeed.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabasesIT {
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aNewDatabaseIsEmptyWritableAndDroppedOnClose(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      db.execute("CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
      try (Connection c = db.connect();
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }
}
