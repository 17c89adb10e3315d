package dev.sqlfeed.bench.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.sqlfeed.bench.db.BenchApp;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.ResourceRowMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mapping one user row, in rows per second, without a database. The baseline is one precompiled
 * {@code dev.cel} program ({@code 'Bench user ' + cols.username}, the shape of a typical mapping
 * expression) evaluated on the row; sqlfeed is {@link ResourceRowMapper#map} with the bench app's
 * user mapping, which evaluates {@link #EXPRESSIONS} such expressions and builds the resource.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CelBench {
  /** Expressions in the bench app's user mapping: id, name, description, 4 trait, 2 profile. */
  public static final int EXPRESSIONS = 9;

  private ResourceType users;
  private Map<String, Object> row;
  private Map<String, Object> activation;
  private CelRuntime.Program program;

  @Setup(Level.Trial)
  public void setUp() throws CelValidationException, CelEvaluationException {
    // The DSN is never used: nothing here connects.
    users = BenchApp.withDsn("postgres://bench@127.0.0.1:5432/bench").users();
    row = userRow();
    activation = Map.of("cols", row);
    CelCompiler compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("cols", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();
    CelAbstractSyntaxTree ast = compiler.compile("'Bench user ' + cols.username").getAst();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    program = runtime.createProgram(ast);
  }

  /** A user row as the source reader hands it over: values already normalised. */
  public static Map<String, Object> userRow() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 4711L);
    row.put("username", "user4711");
    row.put("email", "user4711@example.com");
    row.put("status", "enabled");
    row.put("updated_at", Instant.parse("2026-11-24T09:15:30.123456Z"));
    return row;
  }

  @Benchmark
  public Object baselineOneProgram() throws CelEvaluationException {
    return program.eval(activation);
  }

  @Benchmark
  public MappedResource sqlfeedMapUserRow() {
    return ResourceRowMapper.map(users, row, "id=4711");
  }
}
