package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.FeedSources;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared users app is a config that loads, with the settings and the source it promises. */
class UsersAppTest {
  private static Config load(String yaml) {
    return ConfigLoader.withEnvironment(Map.of()).load("users.yml", yaml).config();
  }

  @Test
  void config_loads_withItsSettings_andAKeyedUserSource() {
    Config config =
        load(UsersApp.config("crash", "sqlite:app.db", "page_size: 50\npoll_interval: 1s"));

    assertThat(config.appName()).isEqualTo("crash");
    assertThat(config.connect().dsn()).isEqualTo("sqlite:app.db");
    FeedSource source = FeedSources.of(config).get(0);
    assertThat(source.key()).isEqualTo("user");
    assertThat(source.settings().pageSize()).isEqualTo(50);
    assertThat(source.readMode()).isEqualTo(FeedSource.ReadMode.KEYSET);
  }

  @Test
  void userTypeWithoutKey_isReadAsOneWindow() {
    String yaml =
        "app_name: ticks\nconnect:\n  dsn: \"sqlite:app.db\"\nresource_types:\n"
            + UsersApp.userTypeWithoutKey().indent(2);

    assertThat(FeedSources.of(load(yaml)).get(0).readMode())
        .isEqualTo(FeedSource.ReadMode.WHOLE_WINDOW);
  }
}
