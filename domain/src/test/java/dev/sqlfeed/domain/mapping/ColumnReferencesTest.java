package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnReferencesTest {
  private static List<String> names(String source) {
    return ColumnReferences.required(source).stream().map(ColumnReference::name).toList();
  }

  @Test
  void shorthand_selectAndIndex_areAllColumnReferences() {
    assertThat(names(".first + ' ' + cols.last + cols['e-mail']"))
        .containsExactly("first", "last", "e-mail");
  }

  @Test
  void aColumnReadTwice_isListedOnce() {
    assertThat(names(".email == null ? 'service' : .email")).containsExactly("email");
  }

  @Test
  void theResourceVariable_isNotARowColumn() {
    assertThat(names("resource.ID + ':' + .user_id + resource.profile['dept']"))
        .containsExactly("user_id");
  }

  @Test
  void aBareWord_isALiteral_notAColumn() {
    assertThat(names("member")).isEmpty();
    assertThat(names("'member'")).isEmpty();
  }

  @Test
  void dotsInsideStringLiterals_areNotColumns() {
    assertThat(names(".login + '@example.com'")).containsExactly("login");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "has(cols.nickname) ? cols.nickname : .login",
        "'nickname' in cols ? cols['nickname'] : .login",
        ".login + (has(cols.nickname) ? ' ' + .nickname : '')"
      })
  void aColumnGuardedByAPresenceTest_isNotRequired(String source) {
    assertThat(names(source)).containsExactly("login");
  }

  @Test
  void aComputedColumnName_isNotAReference() {
    assertThat(names("cols[.kind + '_id']")).containsExactly("kind");
  }

  @Test
  void columnsInsideMacros_areFound() {
    assertThat(names("phpDeserializeStringArray(.roles).exists(r, r == .wanted)"))
        .containsExactly("roles", "wanted");
  }

  @Test
  void aComprehensionVariableNamedCols_hidesTheRowInsideTheLoop() {
    assertThat(names("[{'a': 1}].map(cols, cols.a).size() > 0 && cols.b == 1"))
        .containsExactly("b");
  }

  @Test
  void positions_areTheUsersLineAndColumn() {
    List<ColumnReference> refs =
        ColumnReferences.required("'Acme user ' + .username +\n  cols.department + cols['x']");

    assertThat(refs)
        .containsExactly(
            new ColumnReference("username", 1, 16),
            new ColumnReference("department", 2, 3),
            new ColumnReference("x", 2, 21));
  }

  @Test
  void positions_countCodePoints_likeCompileErrors() {
    assertThat(ColumnReferences.required("'\uD83D\uDE00' + .name"))
        .containsExactly(new ColumnReference("name", 1, 7));
  }

  @Test
  void anExpressionThatDoesNotCompile_hasNoReferences() {
    assertThat(ColumnReferences.required(".name +")).isEmpty();
    assertThat(ColumnReferences.required("  ")).isEmpty();
  }
}
