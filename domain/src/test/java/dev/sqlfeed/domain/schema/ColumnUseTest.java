package dev.sqlfeed.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnUseTest {
  private static final List<String> LABELS = List.of("id", "full_name", "UPDATED_AT");

  @Test
  void anExpressionsColumn_mustMatchExactly() {
    ColumnUse use = new ColumnUse("updated_at", "m.x", 1, 1, true);

    assertThat(use.resolve(LABELS)).isEmpty();
    assertThat(use.missing("q.query", LABELS))
        .isEqualTo(
            "column 'updated_at' is not among the columns of q.query (id, full_name, UPDATED_AT);"
                + " did you mean 'UPDATED_AT'? (column labels are case-sensitive)");
  }

  @Test
  void aCursorColumn_matchesWithoutRegardToCase_whenThatIsUnambiguous() {
    assertThat(new ColumnUse("updated_at", "c", 1, 1, false).resolve(LABELS))
        .contains("UPDATED_AT");
    assertThat(
            new ColumnUse("updated_at", "c", 1, 1, false)
                .resolve(List.of("updated_at", "UPDATED_AT")))
        .contains("updated_at");
    assertThat(
            new ColumnUse("Updated_At", "c", 1, 1, false)
                .resolve(List.of("updated_at", "UPDATED_AT")))
        .isEmpty();
  }

  @Test
  void aMisspeltColumn_getsADidYouMean() {
    assertThat(new ColumnUse("full_nmae", "m.x", 1, 2, true).missing("q.query", LABELS))
        .endsWith("(id, full_name, UPDATED_AT); did you mean 'full_name'?");
  }

  @Test
  void aColumnLikeNoOther_listsTheColumnsWithoutAHint() {
    assertThat(new ColumnUse("department", "m.x", 1, 2, true).missing("q.query", LABELS))
        .isEqualTo(
            "column 'department' is not among the columns of q.query (id, full_name,"
                + " UPDATED_AT)");
  }
}
