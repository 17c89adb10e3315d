package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractStringAssert;

/**
 * What one output of a {@link CliRun} must say: all of it, how it starts, a part of it, or how it
 * ends. Tables of CLI cases list these as data, so that each row states what it expects and one
 * test method checks every row alike.
 *
 * @param output the stream the text is looked for in
 * @param how how {@code text} is compared with what that stream printed
 * @param text the expected text
 */
record Says(Output output, How how, String text) {
  /** The two streams a run prints on. */
  enum Output {
    STDOUT,
    STDERR
  }

  /** How the expected text is compared with the printed text. */
  enum How {
    IS,
    STARTS_WITH,
    CONTAINS,
    ENDS_WITH
  }

  static Says outIs(String text) {
    return new Says(Output.STDOUT, How.IS, text);
  }

  static Says errIs(String text) {
    return new Says(Output.STDERR, How.IS, text);
  }

  static Says errStartsWith(String text) {
    return new Says(Output.STDERR, How.STARTS_WITH, text);
  }

  static Says errContains(String text) {
    return new Says(Output.STDERR, How.CONTAINS, text);
  }

  static Says errEndsWith(String text) {
    return new Says(Output.STDERR, How.ENDS_WITH, text);
  }

  /** The same expectation with placeholders in its text filled in, such as a temporary path. */
  Says filled(UnaryOperator<String> fill) {
    return new Says(output, how, fill.apply(text));
  }

  /** Asserts the expectation on {@code run}, showing both streams when it fails. */
  void check(CliRun run) {
    String printed = output == Output.STDOUT ? run.out() : run.err();
    AbstractStringAssert<?> that =
        assertThat(printed)
            .as("%s of a run that printed%n%s", output.name().toLowerCase(Locale.ROOT), run);
    switch (how) {
      case IS -> that.isEqualTo(text);
      case STARTS_WITH -> that.startsWith(text);
      case CONTAINS -> that.contains(text);
      case ENDS_WITH -> that.endsWith(text);
    }
  }
}
