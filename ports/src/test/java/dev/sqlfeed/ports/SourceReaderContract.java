package dev.sqlfeed.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SourceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SourceReader} must do, run against the scripted fake and every real adapter.
 * The source holds {@code people(id, name)} with the rows (1, 'ada'), (2, 'bob'), (3, 'cy') and
 * answers {@link #PEOPLE}.
 */
public abstract class SourceReaderContract {
  /** The query every implementation answers. */
  public static final String PEOPLE =
      "SELECT id AS \"id\", name AS \"name\" FROM people WHERE id >= ?<from> ORDER BY id";

  private SourceReader reader;

  /** A reader of a source that holds the people rows. */
  protected abstract SourceReader openReader();

  /** Drops what {@link #openReader()} created. */
  protected void discard() {}

  @BeforeEach
  void open() {
    reader = openReader();
  }

  @AfterEach
  void close() {
    reader.close();
    discard();
  }

  private static SourceQuery people() {
    return new SourceQuery("resource_types.person.list.query", SqlTemplate.parse(PEOPLE));
  }

  @Test
  void rowsArriveInTheQuerysOrder_withPlaceholdersBound_andIntegersAsLongs() {
    List<SourceRow> rows = new ArrayList<>();

    long count = reader.read(people(), Map.of("from", 2L), rows::add);

    assertThat(count).isEqualTo(2);
    assertThat(rows).extracting(r -> r.asMap().get("id")).containsExactly(2L, 3L);
    assertThat(rows).extracting(r -> r.asMap().get("name")).containsExactly("bob", "cy");
  }

  @Test
  void aMissingBinding_failsPermanently_namingThePlaceholderAndTheQuery() {
    assertThatThrownBy(() -> reader.read(people(), Map.of(), r -> {}))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
              assertThat(e.transientFailure()).isFalse();
            })
        .hasMessageContaining("resource_types.person.list.query")
        .hasMessageContaining("from");
  }

  @Test
  void anExceptionFromTheSink_passesThroughUnchanged_andTheReaderStaysUsable() {
    IllegalStateException boom = new IllegalStateException("sink says no");

    assertThatThrownBy(
            () ->
                reader.read(
                    people(),
                    Map.of("from", 1L),
                    r -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(reader.read(people(), Map.of("from", 1L), r -> {})).isEqualTo(3);
  }

  private static List<QueryCall> calls(long... froms) {
    List<QueryCall> calls = new ArrayList<>();
    for (long from : froms) {
      calls.add(new QueryCall("from " + from, Map.of("from", from)));
    }
    return calls;
  }

  /** Each call's rows as readEach gives them, in a stable order (readEach promises no order). */
  private List<List<Map<String, Object>>> each(List<QueryCall> calls) {
    List<List<Map<String, Object>>> rows = new ArrayList<>();
    calls.forEach(c -> rows.add(new ArrayList<>()));
    reader.readEach(people(), calls, (row, call) -> rows.get(call).add(row.asMap()));
    rows.forEach(r -> r.sort(Comparator.comparing(m -> ((Number) m.get("id")).longValue())));
    return rows;
  }

  /** Each call's rows as its own read gives them. */
  private List<List<Map<String, Object>>> oneByOne(List<QueryCall> calls) {
    List<List<Map<String, Object>>> rows = new ArrayList<>();
    for (QueryCall call : calls) {
      List<Map<String, Object>> out = new ArrayList<>();
      reader.read(people(), call.bindings(), r -> out.add(r.asMap()));
      rows.add(out);
    }
    return rows;
  }

  @Test
  void readEach_givesEveryCallTheRowsItsOwnReadGives() {
    List<QueryCall> calls = calls(2, 1, 3);

    assertThat(each(calls)).isEqualTo(oneByOne(calls));
    assertThat(each(calls).get(0)).extracting(r -> r.get("name")).containsExactly("bob", "cy");
  }

  @Test
  void readEach_aCallThatFindsNothing_getsNoRows_besideCallsThatFindSome() {
    List<QueryCall> calls = calls(4, 3, 9, 1);

    List<List<Map<String, Object>>> rows = each(calls);

    assertThat(rows).extracting(List::size).containsExactly(0, 1, 0, 3);
    assertThat(rows).isEqualTo(oneByOne(calls));
  }

  @Test
  void readEach_whenNoCallFindsAnything_handsNothingToTheSink() {
    assertThat(each(calls(4, 5, 6))).allMatch(List::isEmpty);
  }

  @Test
  void readEach_moreCallsThanOneStatementTakes_answersEveryCall() {
    long[] froms = IntStream.range(0, 450).mapToLong(i -> 1 + i % 5).toArray();
    List<QueryCall> calls = calls(froms);

    assertThat(each(calls)).isEqualTo(oneByOne(calls));
  }

  @Test
  void readEach_aCallWithoutItsBinding_failsPermanently_namingTheCallAndTheQuery() {
    List<QueryCall> calls =
        List.of(new QueryCall("id 1", Map.of("from", 1L)), new QueryCall("id 2", Map.of()));

    assertThatThrownBy(() -> reader.readEach(people(), calls, (row, call) -> {}))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED))
        .hasMessageContaining("resource_types.person.list.query")
        .hasMessageContaining("id 2");
  }

  @Test
  void readEach_anExceptionFromTheSink_passesThroughUnchanged_andTheReaderStaysUsable() {
    IllegalStateException boom = new IllegalStateException("sink says no");

    assertThatThrownBy(
            () ->
                reader.readEach(
                    people(),
                    calls(1, 2, 3),
                    (row, call) -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(each(calls(1, 2))).extracting(List::size).containsExactly(3, 2);
  }
}
