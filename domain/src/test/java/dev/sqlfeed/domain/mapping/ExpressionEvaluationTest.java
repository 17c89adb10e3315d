package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.Values;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Its tables of cases (@CsvSource) are alike in shape on purpose: one table per rule.
class ExpressionEvaluationTest {
  private static final ExpressionCompiler CEL = ExpressionCompiler.batonSql();

  private static final Map<String, Object> ROW =
      row(
          "id",
          42L,
          "username",
          "Alice",
          "role_name",
          "Admin",
          "deleted_at",
          NullValue.NULL_VALUE,
          "active",
          true,
          "score",
          7.5);

  @ParameterizedTest
  @ValueSource(strings = {".username", "cols['username']", "cols[\"username\"]", "cols.username"})
  void columnReferenceForms_allReadTheRow(String source) {
    assertThat(CEL.compile(source).evaluateString(Activation.forRow(ROW))).isEqualTo("Alice");
  }

  @Test
  void columnShorthand_worksInsideLargerExpressions() {
    Expression expression = CEL.compile("toLower(.username) + ':' + string(.id)");

    assertThat(expression.evaluateString(Activation.forRow(ROW))).isEqualTo("alice:42");
  }

  @Test
  void sqlNull_isCelNull() {
    assertThat(CEL.compile(".deleted_at == null").evaluateBoolean(Activation.forRow(ROW))).isTrue();
    assertThat(CEL.compile(".deleted_at").evaluate(Activation.forRow(ROW)))
        .isSameAs(NullValue.NULL_VALUE);
    assertThat(CEL.compile(".deleted_at").evaluateString(Activation.forRow(ROW))).isEmpty();
  }

  @Test
  void missingColumn_failsAtEvaluationNamingTheColumn() {
    Expression expression = CEL.compile("string(.user_id)");

    assertThatThrownBy(() -> expression.evaluateString(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("expression 'string(.user_id)': ")
        .hasMessageContaining("no column 'user_id'")
        .hasMessageContaining("username");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cols.user_id", "cols['user_id'] + 'x'"})
  void missingColumn_isNamedWhateverTheReferenceForm(String source) {
    assertThatThrownBy(() -> CEL.compile(source).evaluate(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("no column 'user_id'");
  }

  @Test
  void missingColumn_differingOnlyInCase_isPointedOut() {
    Map<String, Object> upperCase = row("USERNAME", "alice");

    assertThatThrownBy(() -> CEL.compile(".username").evaluate(Activation.forRow(upperCase)))
        .hasMessageContaining("did you mean 'USERNAME'?");
  }

  @Test
  void missingColumn_guardedWithHas_isFine() {
    Expression expression = CEL.compile("has(cols.nickname) ? .nickname : .username");

    assertThat(expression.evaluateString(Activation.forRow(ROW))).isEqualTo("Alice");
  }

  @Test
  void runtimeError_carriesTheExpressionAndCelsMessageWithUserPositions() {
    Expression expression = CEL.compile(".username + 1");

    assertThatThrownBy(() -> expression.evaluate(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("expression '.username + 1': evaluation error at 1:11:")
        .hasMessageContaining("No matching overload for function '_+_'");
  }

  @Test
  void resourceVariable_isAvailableInEntitlementAndGrantRows() {
    Map<String, Object> resource =
        Activation.resource("g-1", "group", "Admins", Map.of("team", "infra"));
    Expression expression =
        CEL.compile(
            "resource.ID + '/' + resource.Type + '/' + resource.profile.team + '/' + string(.id)");

    assertThat(expression.evaluateString(Activation.forRow(ROW, resource)))
        .isEqualTo("g-1/group/infra/42");
  }

  @Test
  void resourceVariable_missingInAResourceRow_isAClearError() {
    Expression expression = CEL.compile("resource.ID");

    assertThatThrownBy(() -> expression.evaluateString(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("'resource' is not set here");
  }

  @Test
  void provisioningVariables_areNotSetInARowMapping() {
    assertThatThrownBy(() -> CEL.compile("principal.ID").evaluate(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("'principal' is not set here: it exists only in an entitlement's");
  }

  @Test
  void provisioningVariables_holdThePrincipalTheEntitlementAndItsResource() {
    var activation = Activation.forProvisioning("user", "42", "team", "ops", "member");

    assertThat(
            CEL.compile(
                    "principal.Type + ':' + principal.ID + ' ' + resource.Type + ':' + resource.ID"
                        + " + ':' + entitlement.ID")
                .evaluateString(activation))
        .isEqualTo("user:42 team:ops:member");
  }

  @Test
  void staticEntitlement_hasEmptyColsAndAResource() {
    Map<String, Object> resource = Activation.resource("r1", "role", null, null);

    assertThat(
            CEL.compile("resource.ID + ':' + string(size(cols))")
                .evaluateString(Activation.forResource(resource)))
        .isEqualTo("r1:0");
  }

  // skip_if

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    ".active, true",
    "!.active, false",
    ".role_name == 'Admin', true",
    ".deleted_at != null, false",
    "1, true",
    "0, false",
    "'true', true",
    "'F', false",
    "'1', true",
  })
  void evaluateBoolean_followsBatonSqlRules(String source, boolean expected) {
    assertThat(CEL.compile(source).evaluateBoolean(Activation.forRow(ROW))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {".username", ".deleted_at", ".score", "'yes'", "[true]"})
  void evaluateBoolean_nonBoolean_isAnError(String source) {
    assertThatThrownBy(() -> CEL.compile(source).evaluateBoolean(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("expected a boolean");
  }

  // evaluateString

  @Test
  void evaluateString_integersAreExactAboveTwoToThe53() {
    Map<String, Object> row = row("a", (1L << 53) + 1, "b", Long.MAX_VALUE, "c", Long.MIN_VALUE);

    assertThat(CEL.compile(".a").evaluateString(Activation.forRow(row)))
        .isEqualTo("9007199254740993");
    assertThat(CEL.compile(".b").evaluateString(Activation.forRow(row)))
        .isEqualTo("9223372036854775807");
    assertThat(CEL.compile("string(.b)").evaluateString(Activation.forRow(row)))
        .isEqualTo("9223372036854775807");
    assertThat(CEL.compile(".c").evaluateString(Activation.forRow(row)))
        .isEqualTo("-9223372036854775808");
    assertThat(CEL.compile("18446744073709551615u").evaluateString(Activation.forRow(row)))
        .isEqualTo("18446744073709551615");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "7.5, 7.5",
    "2.0, 2",
    "1200000000000000.0, 1200000000000000",
    "1e21, 1000000000000000000000",
    "0.000001, 0.000001",
    "-0.25, -0.25",
    "0.1, 0.1",
    "0.0, 0",
  })
  void evaluateString_doublesWithoutANeedlessExponent(String literal, String expected) {
    assertThat(CEL.compile(literal).evaluateString(Activation.forRow(ROW))).isEqualTo(expected);
  }

  @Test
  void evaluateString_boolsTimestampsBytesAndDurations() {
    Map<String, Object> row =
        row(
            "at", Instant.parse("2026-01-31T13:45:00.120Z"),
            "raw", "héllo".getBytes(StandardCharsets.UTF_8));

    assertThat(CEL.compile(".active").evaluateString(Activation.forRow(ROW))).isEqualTo("true");
    assertThat(CEL.compile(".at").evaluateString(Activation.forRow(row)))
        .isEqualTo("2026-01-31T13:45:00.120Z");
    assertThat(CEL.compile("timestamp(0)").evaluateString(Activation.forRow(row)))
        .isEqualTo("1970-01-01T00:00:00Z");
    assertThat(CEL.compile(".raw").evaluateString(Activation.forRow(row))).isEqualTo("héllo");
    assertThat(CEL.compile("string(.raw)").evaluateString(Activation.forRow(row)))
        .isEqualTo("héllo");
    assertThat(CEL.compile("duration('90m')").evaluateString(Activation.forRow(row)))
        .isEqualTo("5400s");
  }

  @Test
  void evaluateString_listResult_isAnError() {
    assertThatThrownBy(() -> CEL.compile("[.id]").evaluateString(Activation.forRow(ROW)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("got list");
  }

  @Test
  void evaluate_convertsCelValuesBackToNormalisedJava() {
    Map<String, Object> row = row("raw", new byte[] {1, 2});

    assertThat(CEL.compile(".raw").evaluate(Activation.forRow(row))).isEqualTo(new byte[] {1, 2});
    assertThat(CEL.compile("5u").evaluate(Activation.forRow(row))).isEqualTo(5L);
    assertThat(CEL.compile("[1, 'a']").evaluate(Activation.forRow(row)))
        .isEqualTo(List.of(1L, "a"));
  }

  @Test
  void sourceRow_canBeEvaluatedDirectly() {
    SourceRow row = new SourceRow(List.of("id", "name"), List.of(7L, "bob"));

    assertThat(CEL.compile(".name + string(.id)").evaluateString(Activation.forRow(row)))
        .isEqualTo("bob7");
  }

  @Test
  void evaluateString_ofAnyLong_isItsExactDecimal() {
    long seed = 0x5eed_c0deL;
    SplittableRandom random = new SplittableRandom(seed);
    Expression plain = CEL.compile(".n");
    Expression converted = CEL.compile("string(.n)");
    for (int i = 0; i < 2_000; i++) {
      long n = i % 2 == 0 ? random.nextLong() : random.nextLong(-(1L << 60), 1L << 60);
      Map<String, Object> activation = Activation.forRow(row("n", Values.normalise(n)));
      assertThat(plain.evaluateString(activation))
          .as("seed %d, n=%d", seed, n)
          .isEqualTo(Long.toString(n));
      assertThat(converted.evaluateString(activation))
          .as("seed %d, n=%d", seed, n)
          .isEqualTo(Long.toString(n));
    }
  }

  @Test
  void evaluateString_ofAnIntegerBeyondLong_isItsExactDecimal() {
    BigInteger big = BigInteger.TWO.pow(70).add(BigInteger.ONE);
    Map<String, Object> activation = Activation.forRow(row("n", Values.normalise(big)));

    assertThat(CEL.compile(".n").evaluateString(activation)).isEqualTo("1180591620717411303425");
  }

  @Test
  void expressions_areThreadSafe() throws InterruptedException {
    Expression expression = CEL.compile("slugify(.name) + '-' + string(.id)");
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          new Thread(
              () -> {
                for (long i = 0; i < 5_000; i++) {
                  String name = "User " + thread;
                  String out =
                      expression.evaluateString(Activation.forRow(row("name", name, "id", i)));
                  if (!out.equals("user-" + thread + "-" + i)) {
                    failures.incrementAndGet();
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).hasValue(0);
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void rawJavaValues_areConvertedByActivation() {
    Map<String, Object> raw = new HashMap<>();
    raw.put("id", 5);
    raw.put("gone", null);

    Map<String, Object> activation = Activation.forRow(raw);

    assertThat(CEL.compile(".id + 1").evaluate(activation)).isEqualTo(6L);
    assertThat(CEL.compile(".gone == null").evaluateBoolean(activation)).isTrue();
  }
}
