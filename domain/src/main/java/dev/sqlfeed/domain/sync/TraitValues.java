package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.Cel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a trait block of the config (a record of CEL expressions, such as {@code UserTrait})
 * into the JSON-like map the mirror keeps, keyed by baton-sql's YAML names.
 *
 * <p>Reading the trait records by their components keeps one rule for every trait: a single
 * expression becomes a string (absent when empty), a list of expressions a list of non-empty
 * strings, a {@code profile} map the expressions' values as CEL gives them, a literal string stays
 * as it is, and a nested block becomes a nested map. {@code path} components are where the block
 * was written, not data.
 */
final class TraitValues {
  /** A record component to read: its YAML key and its accessor. */
  private record Field(String key, Method accessor) {}

  // Looking record components up is slow (a native call per lookup): once per class is enough.
  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          List<Field> fields = new ArrayList<>();
          for (RecordComponent component : type.getRecordComponents()) {
            if (!component.getName().equals("path")) {
              Method accessor = component.getAccessor();
              accessor.setAccessible(true);
              fields.add(new Field(snakeCase(component.getName()), accessor));
            }
          }
          return List.copyOf(fields);
        }
      };

  private TraitValues() {}

  static Map<String, Object> of(Record trait, Evaluation eval) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field field : FIELDS.get(trait.getClass())) {
      Object mapped = map(field.key(), read(field.accessor(), trait), eval);
      if (mapped != null) {
        out.put(field.key(), mapped);
      }
    }
    return out;
  }

  /** The non-empty optional components of a record, such as the traits a mapping has. */
  static List<Object> present(Record record) {
    List<Object> out = new ArrayList<>();
    for (Field field : FIELDS.get(record.getClass())) {
      Object value = read(field.accessor(), record);
      if (value instanceof Optional<?> optional && optional.isPresent()) {
        out.add(field.key());
        out.add(optional.get());
      }
    }
    return out;
  }

  private static Object map(String key, Object value, Evaluation eval) {
    if (value instanceof Optional<?> optional) {
      return optional.map(v -> map(key, v, eval)).orElse(null);
    }
    if (value instanceof Cel cel) {
      String text = eval.string(cel);
      return text.isEmpty() ? null : text;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object element : list) {
        Object mapped = map(key, element, eval);
        if (mapped != null) {
          out.add(mapped);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Cel cel ? eval.value(cel) : v));
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Record nested) {
      Map<String, Object> out = of(nested, eval);
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    return value;
  }

  private static Object read(Method accessor, Record trait) {
    try {
      return accessor.invoke(trait);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
