package dev.sqlfeed.domain.config.provisioning;

import java.util.Objects;

/**
 * One entry of {@code account_provisioning.schema}.
 *
 * @param name {@code name}
 * @param description {@code description}
 * @param type {@code type}
 * @param placeholder {@code placeholder}
 * @param required {@code required}
 */
public record AccountField(
    String name, String description, Type type, String placeholder, boolean required) {

  // Alike on purpose to ActionArgument: baton-sql's two field schemas, each with its own types.
  // Alike on purpose to ActionType, KeyValue.Type and Change: enums cannot share a text field.
  /** The field types baton-sql knows. */
  public enum Type {
    STRING("string"),
    STRING_LIST("string_list"),
    BOOLEAN("boolean"),
    INT("int"),
    MAP("map");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** The value as written in the config. */
    public String yaml() {
      return yaml;
    }
  }

  public AccountField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(placeholder, "placeholder");
  }
}
