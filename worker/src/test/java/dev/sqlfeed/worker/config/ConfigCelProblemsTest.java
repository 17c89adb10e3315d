package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.ConfigException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** CEL problems through the real baton-sql environment, positioned in the file. */
class ConfigCelProblemsTest {
  /** Loads {@code yaml} with CEL checked, and asserts it is rejected with a config error. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertCelRejects(String yaml) {
    return assertThatThrownBy(() -> TestConfigs.celLoader().load("c.yml", yaml))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void aSyntaxErrorPointsAtItsColumnInTheFile() {
    String yaml = TestConfigs.MINIMAL.replace("id: \".id\"", "id: \".id +\"");

    assertCelRejects(yaml)
        .hasMessageStartingWith(
            "c.yml:10:19: resource_types.user.list.map.id: invalid CEL expression: mismatched input"
                + " '<EOF>'");
  }

  @Test
  void anUnknownFunctionIsNamed() {
    String yaml =
        TestConfigs.MINIMAL.replace("display_name: \".login\"", "display_name: \"shout(.login)\"");

    assertCelRejects(yaml)
        .hasMessage(
            "c.yml:11:24: resource_types.user.list.map.display_name: invalid CEL expression:"
                + " undeclared reference to 'shout' (in container '')");
  }

  @Test
  void anErrorOnTheSecondLineOfABlockScalarIsPositionedOnThatLine() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                    description: |
                      'Login ' +
                        .login +)
            """;

    assertCelRejects(yaml)
        .hasMessageStartingWith(
            "c.yml:14:21: resource_types.user.list.map.description: invalid CEL expression:"
                + " mismatched input ')'");
  }

  @Test
  void skipIfInAGrantMappingIsCompiledToo() {
    String yaml =
        TestConfigs.MINIMAL
            + """
                grants:
                  - query: SELECT login FROM admins
                    map:
                      - skip_if: ".login == "
                        principal_id: ".login"
                        principal_type: user
                        entitlement_id: "'admin'"
            """;

    assertCelRejects(yaml)
        .hasMessageStartingWith(
            "c.yml:15:33: resource_types.user.grants[0].map[0].skip_if: invalid CEL expression:");
  }
}
