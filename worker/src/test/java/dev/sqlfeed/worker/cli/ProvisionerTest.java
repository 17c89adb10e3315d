package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.provisioning.EntitlementTarget;
import dev.sqlfeed.domain.provisioning.PlannedStatement;
import dev.sqlfeed.domain.provisioning.Principal;
import dev.sqlfeed.domain.provisioning.ProvisioningAction;
import dev.sqlfeed.domain.provisioning.ProvisioningPlan;
import dev.sqlfeed.domain.provisioning.ProvisioningPlanner;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.ports.provisioning.Provisioner;
import dev.sqlfeed.ports.provisioning.ProvisioningOutcome;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code validation_queries_signal_idempotency} on the one database sqlfeed supports where
 * baton-sql honours it, Oracle, which is not on this machine: the use case over a runner whose
 * every query returns no row, recording what would run. The other databases are run for real in
 * {@code CliProvisioningPoliciesIT}.
 */
class ProvisionerTest {
  private static final String YAML =
      ProvisioningFixture.CONFIG.replace(
          "            no_transaction: false\n",
          "            no_transaction: false\n"
              + "            validation_queries_signal_idempotency: true\n"
              + "            validation_queries:\n"
              + "              - SELECT 1 FROM team_members WHERE team_slug = ?<team> AND 0 = 1\n");

  /** Every query returns no row; statements are recorded and change one row each. */
  private static final class NoRows implements StatementRunner {
    final List<String> ran = new ArrayList<>();
    Boolean committed;

    @Override
    public List<Long> run(
        List<PlannedStatement> checks, List<PlannedStatement> statements, boolean tx, long max) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T session(boolean transactional, SessionWork<T> work) {
      Ending<T> ending =
          work.run(
              new Session() {
                @Override
                public List<SourceRow> query(PlannedStatement query, int limit) {
                  return List.of();
                }

                @Override
                public long execute(PlannedStatement statement, long maxRows) {
                  ran.add(statement.path());
                  return 1;
                }
              });
      committed = ending.commit();
      return ending.value();
    }

    @Override
    public Optional<SourceRow> first(PlannedStatement query) {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  private static ProvisioningPlan plan(Config config) {
    return ProvisioningPlanner.plan(
        config,
        ProvisioningAction.GRANT,
        new EntitlementTarget("team", "ops", "member"),
        new Principal("user", "3"),
        "app.yml");
  }

  @Test
  void onOracle_aValidationQueryWithoutARow_meansAlreadyDone_andNothingRuns() {
    Config config =
        ConfigLoader.withEnvironment(Map.of("APP_DSN", "oracle://u:p@db:1521/APP"))
            .load("app.yml", YAML)
            .config();
    NoRows runner = new NoRows();

    ProvisioningOutcome outcome =
        new Provisioner(config, "app.yml", runner, Product.ORACLE).run(plan(config));

    assertThat(outcome)
        .isEqualTo(
            new ProvisioningOutcome.AlreadyDone(
                "resource_types.team.static_entitlements[0].provisioning.grant"
                    + ".validation_queries[0]",
                Optional.empty()));
    assertThat(runner.ran).isEmpty();
    assertThat(runner.committed).isFalse();
  }

  @Test
  void elsewhere_itFails_andNothingRuns() {
    Config config =
        ConfigLoader.withEnvironment(ProvisioningFixture.NO_DATABASE)
            .load("app.yml", YAML)
            .config();
    NoRows runner = new NoRows();
    Provisioner provisioner = new Provisioner(config, "app.yml", runner, Product.SQLITE);

    assertThatThrownBy(() -> provisioner.run(plan(config)))
        .isInstanceOf(SourceException.class)
        .hasMessageEndingWith(".validation_queries[0]: returned no row");
    assertThat(runner.ran).isEmpty();
  }
}
