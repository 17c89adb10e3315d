package dev.sqlfeed.domain.provisioning;

import dev.sqlfeed.domain.config.provisioning.AccountField;
import dev.sqlfeed.domain.config.provisioning.AccountProvisioning;
import dev.sqlfeed.domain.error.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a new account, read from the command line as the {@code schema} types them: {@code
 * string} as it is, {@code int} as a whole number, {@code boolean} as {@code true} or {@code
 * false}, {@code string_list} split at commas. A {@code map} field cannot be given on the command
 * line.
 */
final class AccountFields {
  private AccountFields() {}

  /** The schema's field names. */
  static Set<String> names(AccountProvisioning block) {
    Set<String> names = new LinkedHashSet<>();
    block.schema().forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * The typed fields.
   *
   * @throws ConfigException listing every unknown, missing or malformed field, each with the path
   *     of its schema entry
   */
  static Map<String, Object> parse(
      AccountProvisioning block, Map<String, String> given, String file) {
    List<String> problems = new ArrayList<>();
    Set<String> known = names(block);
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        problems.add(
            file
                + ": "
                + block.path()
                + ".schema: no field '"
                + name
                + "' (fields: "
                + String.join(", ", known)
                + ")");
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    List<AccountField> schema = block.schema();
    for (int i = 0; i < schema.size(); i++) {
      AccountField field = schema.get(i);
      String path = block.path() + ".schema[" + i + "]";
      String text = given.get(field.name());
      if (text == null) {
        if (field.required()) {
          problems.add(
              file
                  + ": "
                  + path
                  + ": field '"
                  + field.name()
                  + "' is required (--field NAME=VALUE)");
        }
        continue;
      }
      try {
        fields.put(field.name(), typed(field, text));
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + path + ": field '" + field.name() + "': " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return fields;
  }

  private static Object typed(AccountField field, String text) {
    return switch (field.type()) {
      case STRING -> text;
      case INT -> {
        try {
          yield Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
      }
      case BOOLEAN ->
          switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
          };
      case STRING_LIST ->
          Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      case MAP ->
          throw new IllegalArgumentException("a map field cannot be given on the command line");
    };
  }
}
