package dev.sqlfeed.ports.catalog;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.bind.Problem;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.query.SqlTemplate.Placeholder;
import dev.sqlfeed.domain.schema.ColumnUse;
import dev.sqlfeed.domain.schema.ExpectedQuery;
import dev.sqlfeed.domain.schema.SafeBindings;
import dev.sqlfeed.domain.schema.SchemaExpectations;
import dev.sqlfeed.ports.CursorPrecision;
import dev.sqlfeed.ports.SourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holds a config against its live source ({@code validate --connect}): every query must prepare,
 * return every column the config reads from it, and, if incremental, have an index that leads with
 * its cursor column. Findings point into the config file the way its own validation does ({@code
 * FILE:LINE:COL: yaml.path: message}): at the query, at the expression or key that names a missing
 * column (at the very column inside an expression), at the {@code cursor_column}.
 */
public final class SchemaCheck {
  private final YamlNode tree;
  private final SourceCatalog catalog;
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final List<Problem> notes = new ArrayList<>();

  private SchemaCheck(YamlNode tree, SourceCatalog catalog) {
    this.tree = tree;
    this.catalog = catalog;
  }

  /**
   * Checks every query of {@code config}.
   *
   * @param tree the parsed file that {@code config} was bound from, for positions
   * @throws SourceException {@code UNAVAILABLE} when the source cannot be reached; a query the
   *     database refuses is an error in the report instead
   */
  public static SchemaReport run(Config config, YamlNode tree, SourceCatalog catalog) {
    SchemaCheck check = new SchemaCheck(tree, catalog);
    List<ExpectedQuery> queries = SchemaExpectations.of(config);
    queries.forEach(check::check);
    return new SchemaReport(
        queries.size(), sorted(check.errors), sorted(check.warnings), sorted(check.notes));
  }

  private void check(ExpectedQuery expected) {
    String path = expected.query().path();
    SourceQuery query = new SourceQuery(path, expected.query().sql());
    List<ResultColumn> columns;
    try {
      columns = catalog.columns(query, SafeBindings.of(expected.query().sql()));
      firstPageCursors(expected, query);
    } catch (SourceException e) {
      if (e.kind() == SourceException.Kind.UNAVAILABLE) {
        throw e;
      }
      errors.add(new Problem(YamlPaths.locate(tree, path), path, withoutOrigin(e, path)));
      return;
    }
    List<String> labels = columns.stream().map(ResultColumn::label).toList();
    for (ColumnUse use : expected.columns()) {
      if (use.resolve(labels).isEmpty()) {
        errors.add(problem(use, use.missing(path, labels)));
      }
    }
    expected
        .cursor()
        .ifPresent(
            cursor ->
                cursor
                    .resolve(labels)
                    .ifPresent(
                        label -> {
                          ResultColumn column = columns.get(labels.indexOf(label));
                          index(cursor, column, path);
                          precision(cursor, column);
                        }));
  }

  /**
   * A comparison on {@code ?<Cursor>} that the first page keeps compares with baton-sql's empty
   * string, unless the database tells the type it compares with and sqlfeed binds that type's
   * lowest value instead (PostgreSQL): elsewhere it may read too few rows, or none.
   */
  private void firstPageCursors(ExpectedQuery expected, SourceQuery query) {
    SqlTemplate sql = expected.query().sql();
    for (Placeholder cursor : expected.firstPageCursors()) {
      int marker =
          (int)
              sql.placeholders().stream()
                  .filter(p -> !p.inline() && p.offset() < cursor.offset())
                  .count();
      if (catalog.firstCursorBelowEveryKey(query, SafeBindings.of(sql), marker)) {
        continue;
      }
      String text = sql.text().substring(0, cursor.offset());
      int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
      int column = cursor.offset() - (text.lastIndexOf('\n') + 1) + 1;
      String path = expected.query().path();
      warnings.add(
          new Problem(
              YamlPaths.locate(tree, path, line, column),
              path,
              cursor.token()
                  + " is compared here, and a first page binds it as the empty string (on"
                  + " PostgreSQL as the lowest value of the compared type, where sqlfeed knows"
                  + " one): MariaDB compares that with a number as 0, skipping keys of 0 and below,"
                  + " SQLite as above every number, reading no row at all, and PostgreSQL refuses"
                  + " it for most types other than text; write the comparison as a condition of"
                  + " its own, `key > ?<Cursor>` on a plain column, which the first page leaves"
                  + " out (docs/config.md, \"Cursor pagination\")"));
    }
  }

  /**
   * A date cursor stamps every change of a day with its midnight: the reader widens its window to
   * the day, so nothing falls outside it, but two changes of one row on one day look alike. Whole
   * seconds ({@code DATETIME}, MariaDB's {@code TIMESTAMP}) are the common default and cost the
   * same within a second only, so they are not reported.
   */
  private void precision(ColumnUse cursor, ResultColumn column) {
    if (column.precision() == CursorPrecision.DAY) {
      warnings.add(
          problem(
              cursor,
              "'"
                  + column.label()
                  + "' is a DATE: two changes of one row on the same day carry the same cursor"
                  + " value, and every cycle re-reads the rows of the latest day; see docs/incremental.md,"
                  + " \"Cursor and key forms\""));
    }
  }

  private void index(ColumnUse cursor, ResultColumn column, String queryPath) {
    IndexCheck check = catalog.leadingIndex(column);
    if (check instanceof IndexCheck.NotIndexed missing) {
      BaseColumn base = missing.column();
      warnings.add(
          problem(
              cursor,
              "no index of table "
                  + base.table()
                  + " leads with "
                  + base.column()
                  + ", so every poll of "
                  + queryPath
                  + " reads the whole table; add one on ("
                  + base.column()
                  + ") or ("
                  + base.column()
                  + ", <primary key>)"));
    } else if (check instanceof IndexCheck.Unknown unknown) {
      notes.add(problem(cursor, unknown.reason() + ": index not checked"));
    }
  }

  private Problem problem(ColumnUse use, String message) {
    return new Problem(
        YamlPaths.locate(tree, use.path(), use.line(), use.column()), use.path(), message);
  }

  /** The adapter's message starts with the query's origin, which the problem's path already is. */
  private static String withoutOrigin(SourceException e, String path) {
    String message = Optional.ofNullable(e.getMessage()).orElse("the query failed");
    return message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(Problem.IN_FILE_ORDER).toList();
  }
}
