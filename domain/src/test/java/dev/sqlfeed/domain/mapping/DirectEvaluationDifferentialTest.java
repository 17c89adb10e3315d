package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every expression of the repository ({@link ExpressionCorpus}) through the direct path and through
 * CEL alone, on seeded random rows (NULLs, big integers, unicode, missing columns, wrong types) and
 * with and without {@code resource}: the same results, the same errors (class and message), for
 * {@code evaluate}, {@code evaluateString} and {@code evaluateBoolean}.
 */
class DirectEvaluationDifferentialTest {
  private static final long SEED = Long.getLong("sqlfeed.test.seed", 20261204L);
  private static final int ROWS_PER_EXPRESSION = 60;
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final ExpressionCompiler COMPILER = ExpressionCompiler.withDirect(true);

  @Test
  void everyRepositoryExpression_givesCelsResultsAndErrors_onRandomRows() {
    List<String> compiled = new ArrayList<>();
    int direct = 0;
    for (String source : ExpressionCorpus.candidates()) {
      Expression fast;
      try {
        fast = COMPILER.compile(source);
      } catch (InvalidExpressionException e) {
        continue;
      }
      compiled.add(source);
      if (!(fast instanceof DirectExpression)) {
        continue;
      }
      direct++;
      CelExpression cel = COMPILER.compileCel(source);
      long seed = SEED ^ source.hashCode();
      SplittableRandom random = new SplittableRandom(seed);
      List<String> columns = words(source);
      for (int i = 0; i < ROWS_PER_EXPRESSION; i++) {
        Map<String, Object> activation = activation(random, columns);
        String where =
            "expression "
                + source
                + ", activation "
                + activation
                + " (seed "
                + SEED
                + ", -Dsqlfeed.test.seed to repeat)";
        assertThat(outcome(fast::evaluate, activation))
            .as("evaluate: " + where)
            .isEqualTo(outcome(cel::evaluate, activation));
        assertThat(outcome(fast::evaluateString, activation))
            .as("evaluateString: " + where)
            .isEqualTo(outcome(cel::evaluateString, activation));
        assertThat(outcome(fast::evaluateBoolean, activation))
            .as("evaluateBoolean: " + where)
            .isEqualTo(outcome(cel::evaluateBoolean, activation));
      }
    }
    System.out.printf(
        "differential: %d expressions compiled, %d on the direct path%n", compiled.size(), direct);
    assertThat(direct).as("expressions on the direct path").isGreaterThan(100);
  }

  private static List<String> words(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(source);
    while (m.find()) {
      if (!out.contains(m.group())) {
        out.add(m.group());
      }
    }
    out.add("a");
    out.add("b");
    out.add("c");
    return out;
  }

  private static Map<String, Object> activation(SplittableRandom random, List<String> columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      if (random.nextInt(6) != 0) {
        row.put(column, value(random));
      }
    }
    Map<String, Object> resource =
        Activation.resource("r-" + random.nextInt(100), "team", "Team Ä", Map.of("k", "v"));
    return switch (random.nextInt(8)) {
      case 0 -> Activation.forRow(row, resource);
      case 1 -> Activation.forResource(resource);
      case 2 -> Map.of();
      default -> Activation.forRow(row);
    };
  }

  private static Object value(SplittableRandom random) {
    return switch (random.nextInt(16)) {
      case 0 -> NullValue.NULL_VALUE;
      case 1 -> random.nextLong();
      case 2 -> (long) random.nextInt(-2, 3);
      case 3 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
      case 4 -> new BigInteger("123456789012345678901234567890");
      case 5 -> random.nextInt(3) - 1 + random.nextInt(2) * 0.5;
      case 6 -> List.of(Double.NaN, -0.0, 1e300, 1.0, 0.1).get(random.nextInt(5));
      case 7 -> random.nextBoolean();
      case 8 -> List.of("true", "false", "t", "0", "1", "FALSE", "yes").get(random.nextInt(7));
      case 9 ->
          List.of("", "Alice", "ünïcødé Straße ǅ", "emoji 😀 ✓", "Hello, World!")
              .get(random.nextInt(5));
      case 10 -> "user" + random.nextInt(1000) + "@Example.COM";
      case 11 -> Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000));
      case 12 -> "bytes é".getBytes(StandardCharsets.UTF_8);
      case 13 -> random.nextInt(1000);
      case 14 -> List.of("x", "y");
      default -> "a:b:c";
    };
  }

  /** A result or an error, in a form that compares by content and type. */
  private static String outcome(
      Function<Map<String, Object>, ?> evaluation, Map<String, Object> a) {
    try {
      return describe(evaluation.apply(a));
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String describe(Object value) {
    if (value instanceof byte[] bytes) {
      return "byte[]" + Arrays.toString(bytes);
    }
    if (value instanceof List<?> list) {
      return "list" + list.stream().map(DirectEvaluationDifferentialTest::describe).toList();
    }
    return value == null ? "null" : value.getClass().getName() + ":" + value;
  }
}
