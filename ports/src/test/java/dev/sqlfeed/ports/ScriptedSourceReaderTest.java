package dev.sqlfeed.ports;

import java.util.List;
import java.util.Map;

/** The scripted fake keeps the source reader's contract. */
class ScriptedSourceReaderTest extends SourceReaderContract {
  @Override
  protected SourceReader openReader() {
    List<Map<String, Object>> people =
        List.of(
            Map.of("id", 1L, "name", "ada"),
            Map.of("id", 2L, "name", "bob"),
            Map.of("id", 3L, "name", "cy"));
    return new ScriptedSourceReader()
        .on(
            "FROM people",
            b ->
                people.stream()
                    .filter(p -> (Long) p.get("id") >= ((Number) b.get("from")).longValue())
                    .map(p -> (Map<String, Object>) new java.util.LinkedHashMap<>(p))
                    .toList());
  }
}
