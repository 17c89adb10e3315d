package dev.sqlfeed.bench.db;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.jdbc.JdbcSources;
import dev.sqlfeed.jdbc.SourceOptions;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The benchmarks' app ({@code bench-app.yml}), loaded as the CLI loads a config, with the
 * environment its {@code ${BENCH_DSN}} is read from.
 *
 * @param config the loaded config
 * @param env the environment the connection's references are resolved in
 */
public record BenchApp(Config config, Map<String, String> env) {
  /** Rows per fetch, as the figures in STACK.md were measured: the baseline uses it too. */
  public static final int FETCH_SIZE = 5_000;

  private static final String FILE = "bench-app.yml";

  public BenchApp {
    Objects.requireNonNull(config, "config");
    env = Map.copyOf(env);
  }

  /** The app reading a PostgreSQL bench database. */
  public static BenchApp on(BenchDatabase db) {
    return withDsn(dsn(db));
  }

  /** The app with the given baton-sql DSN. */
  public static BenchApp withDsn(String dsn) {
    Map<String, String> env = Map.of("BENCH_DSN", dsn);
    try (InputStream in = BenchApp.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is not on the classpath");
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new BenchApp(ConfigLoader.withEnvironment(env).load(FILE, yaml).config(), env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code user} resource type. */
  public ResourceType users() {
    return config.resourceTypes().get("user");
  }

  /** sqlfeed's reader of the app's source, with the baseline's fetch size. */
  public SourceReader source() {
    return JdbcSources.open(
        Wiring.connection(config, env),
        SourceOptions.named(config.appName()).withFetchSize(FETCH_SIZE));
  }

  /** A baton-sql DSN for a PostgreSQL bench database. */
  public static String dsn(BenchDatabase db) {
    if (db.kind() != BenchDatabase.Kind.POSTGRES) {
      throw new IllegalArgumentException("the bench app's source is PostgreSQL, not " + db.kind());
    }
    String hostAndDb = db.jdbcUrl().substring("jdbc:postgresql://".length());
    String credentials = URLEncoder.encode(db.user(), StandardCharsets.UTF_8);
    if (!db.password().isEmpty()) {
      credentials += ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
    }
    return "postgres://" + credentials + "@" + hostAndDb + "?sslmode=disable";
  }
}
