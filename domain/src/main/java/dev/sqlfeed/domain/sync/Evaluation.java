package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.error.MappingException;
import java.util.Map;

/**
 * Evaluates one mapping expression for one row and, when it fails, says where: the resource type
 * (or feed source), the row's key, the expression's YAML path and text, and CEL's own message.
 * Public so that the incremental feed's mapper ({@code domain.feed}) words its errors the same way.
 *
 * @param what who is being mapped, for example {@code resource type user}
 * @param rowKey how the row is named in errors, for example {@code id=42}
 */
public record Evaluation(String what, String rowKey, Map<String, Object> activation) {

  public String string(Cel cel) {
    try {
      return cel.expression().evaluateString(activation);
    } catch (MappingException e) {
      throw failed(cel, e);
    }
  }

  public boolean bool(Cel cel) {
    try {
      return cel.expression().evaluateBoolean(activation);
    } catch (MappingException e) {
      throw failed(cel, e);
    }
  }

  public Object value(Cel cel) {
    try {
      return cel.expression().evaluate(activation);
    } catch (MappingException e) {
      throw failed(cel, e);
    }
  }

  public MappingException error(Cel cel, String message) {
    return new MappingException(
        what + ", row " + rowKey + ": " + cel.path() + " (" + cel.source() + "): " + message);
  }

  private MappingException failed(Cel cel, MappingException e) {
    return new MappingException(
        what + ", row " + rowKey + ": " + cel.path() + ": " + e.getMessage(), e);
  }
}
