package dev.sqlfeed.domain.config.action;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an action's {@code arguments}; its key is also a placeholder name in the query.
 *
 * @param key the key under {@code arguments}
 * @param name {@code name}
 * @param description {@code description}
 * @param type {@code type}
 * @param defaultValue {@code default}: a String, Boolean, Long, Double, List or Map
 * @param required {@code required}
 */
public record ActionArgument(
    String key,
    String name,
    String description,
    Type type,
    Optional<Object> defaultValue,
    boolean required) {

  // Alike on purpose to AccountField: baton-sql's two field schemas, each with its own types.
  // Alike on purpose to ActionType, KeyValue.Type and Change: enums cannot share a text field.
  /** The argument types baton-sql knows. */
  public enum Type {
    STRING("string"),
    BOOLEAN("boolean"),
    NUMBER("number"),
    STRING_LIST("string_list"),
    STRING_MAP("string_map");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** The value as written in the config. */
    public String yaml() {
      return yaml;
    }
  }

  public ActionArgument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
