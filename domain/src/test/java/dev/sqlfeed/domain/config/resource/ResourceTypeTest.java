package dev.sqlfeed.domain.config.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.entitlement.Purpose;
import dev.sqlfeed.domain.config.entitlement.StaticEntitlement;
import dev.sqlfeed.domain.config.resource.ResourceType.EntitlementSource;
import dev.sqlfeed.domain.mapping.ExpressionCompiler;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceTypeTest {
  private static final String PATH = "resource_types.team";

  private static Cel cel(String source) {
    return new Cel(ExpressionCompiler.batonSql().compile(source), PATH);
  }

  private static Query query(String sql) {
    return new Query(SqlTemplate.parse(sql), PATH + ".query");
  }

  private static ResourceType team(boolean statics, boolean query, boolean skip) {
    ResourceMapping map =
        new ResourceMapping(
            cel(".slug"),
            cel(".name"),
            Optional.empty(),
            Traits.NONE,
            Optional.empty(),
            Annotations.NONE,
            PATH + ".list.map");
    ListQuery list =
        new ListQuery(
            query("SELECT slug, name FROM teams"),
            Map.of(),
            Optional.empty(),
            map,
            QueryScope.DATABASE,
            PATH + ".list");
    StaticEntitlement member =
        new StaticEntitlement(
            "member",
            cel("'member'"),
            Optional.empty(),
            List.of("user"),
            Purpose.ASSIGNMENT,
            "member",
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            PATH + ".static_entitlements[0]");
    EntitlementsQuery entitlements =
        new EntitlementsQuery(
            query("SELECT role FROM team_roles"),
            Map.of(),
            Optional.empty(),
            List.of(),
            QueryScope.DATABASE,
            PATH + ".entitlements");
    return new ResourceType(
        "team",
        "Team",
        "",
        list,
        query ? Optional.of(entitlements) : Optional.empty(),
        statics ? List.of(member) : List.of(),
        List.of(),
        skip,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        PATH);
  }

  @ParameterizedTest(name = "statics {0}, query {1}, skip {2}: {3}")
  @CsvSource({
    "false, false, false, NONE",
    "true,  false, false, STATIC",
    "false, true,  false, QUERY",
    "true,  true,  false, STATIC",
    "true,  true,  true,  NONE",
    "false, true,  true,  NONE"
  })
  void entitlementSource_staticsWin_overTheQuery_andSkipWinsOverBoth(
      boolean statics, boolean query, boolean skip, EntitlementSource expected) {
    assertThat(team(statics, query, skip).entitlementSource()).isEqualTo(expected);
  }
}
