package dev.sqlfeed.domain.schema;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every CEL expression inside a mapping record ({@code map} of a list, an entitlements or a grants
 * query, an event feed), in component order, found by walking the record's components.
 *
 * <p>Walking rather than listing the fields by hand keeps the check in step with the config model:
 * a trait field added later is checked without anyone remembering to. Provisioning blocks are
 * skipped: their expressions see provisioning inputs, not the query's row, and sqlfeed never runs
 * them.
 */
final class MappingExpressions {
  private static final String PROVISIONING = AccountProvisioning.class.getPackageName();

  private MappingExpressions() {}

  static List<Cel> in(Object mapping) {
    List<Cel> out = new ArrayList<>();
    collect(mapping, out);
    return out;
  }

  private static void collect(Object value, List<Cel> out) {
    if (value instanceof Cel cel) {
      out.add(cel);
    } else if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> collect(v, out));
    } else if (value instanceof Collection<?> items) {
      items.forEach(v -> collect(v, out));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, out));
    } else if (value instanceof Record record
        && !record.getClass().getPackageName().equals(PROVISIONING)) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        collect(read(component, record), out);
      }
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
