package dev.sqlfeed.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
