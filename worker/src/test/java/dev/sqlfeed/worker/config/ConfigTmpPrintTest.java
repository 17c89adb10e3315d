package dev.sqlfeed.worker.config;

import dev.sqlfeed.domain.error.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigTmpPrintTest {
  void show(String yaml) {
    try {
      var c = ConfigLoader.withEnvironment(java.util.Map.of("A", "secret-a")).load("t.yml", yaml);
      System.out.println("OK " + c.warnings());
    } catch (ConfigException e) {
      e.problems().forEach(System.out::println);
    }
    System.out.println("----");
  }

  @Test
  void print() {
    show("app_name: x\nconnect:\n  dsn: [unclosed\n");
    show("app_name: x\nconnect:\n\tdsn: y\n");
    show("app_name: x\n  bad: indent\n");
    show("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n");
    show("base: &b\n  x: 1\nother:\n  <<: *b\n  y: 2\nref: *nope\n");
    show("app_name: x\nconnect: {dsn: 'sqlite:x.db'}\nresource_types:\n  user:\n    name: U\n    list:\n      query: SELECT 1\n      map:\n        id: \".id +\"\n        display_name: \"frobnicate(.id)\"\n        description: |\n          'a' +\n            .b +)\n");
    show("");
    show("- a\n- b\n");
  }
}
