package dev.sqlfeed.bench.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.sync.MappedResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says only if its setup compiles and its mapping maps. */
class CelBenchTest {
  @Test
  void bothSides_evaluateTheSameRow_toTheExpectedValues() throws Exception {
    CelBench bench = new CelBench();
    bench.setUp();

    assertThat(bench.baselineOneProgram()).isEqualTo("Bench user user4711");
    MappedResource mapped = bench.sqlfeedMapUserRow();
    assertThat(mapped.resource().resource().resourceId()).isEqualTo("4711");
    assertThat(mapped.resource().displayName()).isEqualTo("user4711");
    assertThat(mapped.resource().description()).isEqualTo("Bench user user4711");
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) mapped.resource().traits().get("user");
    assertThat(user)
        .containsEntry("login", "user4711")
        .containsEntry("account_type", "human")
        .containsKey("emails")
        .containsKey("status");
  }
}
