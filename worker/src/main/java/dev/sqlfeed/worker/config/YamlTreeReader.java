package dev.sqlfeed.worker.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sqlfeed.domain.config.tree.Location;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.SequenceNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.error.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads a YAML file into the domain's position-carrying tree with Jackson's streaming YAML parser,
 * keeping the line and column of every key and value. Reads the first document, as baton-sql does;
 * anchors, aliases and {@code <<} merge keys work as in YAML.
 *
 * <p>Malformed YAML and duplicate keys are {@link ConfigException}s whose problems read {@code
 * FILE:LINE:COL: [yaml.path: ]message}; every duplicate key is reported, not just the first.
 */
public final class YamlTreeReader {
  private static final String MERGE_KEY = "<<";

  /**
   * The largest config file read: far above any real config, and checked before reading so that a
   * wrong file (a log, a dump) is refused at once rather than parsed for a minute.
   */
  public static final long MAX_BYTES = 3L * 1024 * 1024;

  private final PositionedYamlFactory factory = new PositionedYamlFactory();

  /** Reads a file; problems name it as given. */
  public YamlNode read(Path file) {
    String name = file.toString();
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ConfigException(
            name
                + ": the config is "
                + size
                + " bytes, more than the limit of 3 MB ("
                + MAX_BYTES
                + " bytes)");
      }
      text = Utf8Text.decode(name, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(name + ": cannot read the config: no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigException(name + ": cannot read the config: permission denied");
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read the config: " + e.getMessage());
    }
    return read(name, text);
  }

  /** Reads YAML text; {@code fileName} is what problems call it. */
  public YamlNode read(String fileName, String text) {
    return new Run(fileName, text).document();
  }

  /** One read: the parser, the source lines (for block scalars) and the problems found. */
  private final class Run {
    private final String file;
    private final String[] lines;
    private final String text;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private PositionedYamlFactory.Parser parser;

    Run(String file, String text) {
      this.file = file;
      this.text = text;
      this.lines = text.split("\r\n|\r|\n", -1);
    }

    YamlNode document() {
      YamlNode root;
      try (var p = (PositionedYamlFactory.Parser) factory.createParser(new StringReader(text))) {
        parser = p;
        JsonToken first = p.nextToken();
        root = first == null ? ScalarNode.plain("", new Location(file, 1, 1)) : node(first, "");
      } catch (JsonProcessingException e) {
        problems.add(malformed(e));
        throw new ConfigException(problems);
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot read the config: " + e.getMessage());
      }
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      return root;
    }

    private YamlNode node(JsonToken token, String path) throws IOException {
      Event event = parser.event();
      YamlNode node;
      if (event instanceof AliasEvent alias) {
        node = anchors.get(alias.getAnchor());
        if (node == null) {
          problems.add(
              at(event.getStartMark())
                  + ": "
                  + prefix(path)
                  + "unknown alias '*"
                  + alias.getAnchor()
                  + "'");
          node = ScalarNode.plain("", at(event.getStartMark()));
        }
        return node;
      }
      switch (token) {
        case START_OBJECT -> node = mapping(path);
        case START_ARRAY -> node = sequence(path);
        default -> node = scalar((ScalarEvent) event);
      }
      String anchor = anchorOf(event);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private MappingNode mapping(String path) throws IOException {
      Location start = at(parser.event().getStartMark());
      List<MappingNode.Entry> entries = new ArrayList<>();
      List<YamlNode> merges = new ArrayList<>();
      Map<String, Location> seen = new HashMap<>();
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
        if (t != JsonToken.FIELD_NAME) {
          throw new IllegalStateException("expected a key, found " + t);
        }
        ScalarEvent keyEvent = (ScalarEvent) parser.event();
        String key = keyEvent.getValue();
        Location keyLocation = at(keyEvent.getStartMark());
        String childPath = path.isEmpty() ? key : path + "." + key;
        YamlNode value = node(parser.nextToken(), childPath);
        if (key.equals(MERGE_KEY) && keyEvent.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
          merges.add(value);
          continue;
        }
        Location first = seen.putIfAbsent(key, keyLocation);
        if (first != null) {
          problems.add(
              keyLocation
                  + ": "
                  + prefix(path)
                  + "duplicate key '"
                  + key
                  + "' (first defined at line "
                  + first.line()
                  + ")");
          continue;
        }
        entries.add(new MappingNode.Entry(key, keyLocation, value));
      }
      merge(entries, merges, seen.keySet(), path);
      return new MappingNode(entries, start);
    }

    /** YAML merge keys: merged entries never override keys written in the mapping itself. */
    private void merge(
        List<MappingNode.Entry> entries, List<YamlNode> merges, Set<String> explicit, String path) {
      Set<String> present = new HashSet<>(explicit);
      for (YamlNode m : merges) {
        List<YamlNode> sources = m instanceof SequenceNode seq ? seq.items() : List.of(m);
        for (YamlNode source : sources) {
          if (!(source instanceof MappingNode sm)) {
            problems.add(
                source.location()
                    + ": "
                    + prefix(path)
                    + "'<<' merges mappings, found "
                    + source.describe());
            continue;
          }
          for (MappingNode.Entry e : sm.entries()) {
            if (present.add(e.key())) {
              entries.add(e);
            }
          }
        }
      }
    }

    private SequenceNode sequence(String path) throws IOException {
      Location start = at(parser.event().getStartMark());
      List<YamlNode> items = new ArrayList<>();
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        items.add(node(t, path + "[" + items.size() + "]"));
      }
      return new SequenceNode(items, start);
    }

    private ScalarNode scalar(ScalarEvent e) {
      Location start = at(e.getStartMark());
      ScalarNode.Style style =
          switch (e.getScalarStyle()) {
            case SINGLE_QUOTED -> ScalarNode.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> ScalarNode.Style.DOUBLE_QUOTED;
            case LITERAL -> ScalarNode.Style.LITERAL;
            case FOLDED -> ScalarNode.Style.FOLDED;
            default -> ScalarNode.Style.PLAIN;
          };
      return switch (style) {
        case SINGLE_QUOTED, DOUBLE_QUOTED ->
            new ScalarNode(e.getValue(), style, start, start.plusColumns(1), 0);
        case LITERAL, FOLDED -> block(e, style, start);
        default -> new ScalarNode(e.getValue(), style, start, start, 0);
      };
    }

    /**
     * A block scalar's content starts on the line after its indicator, at the indentation of its
     * first non-blank line.
     */
    private ScalarNode block(ScalarEvent e, ScalarNode.Style style, Location start) {
      int indicatorLine = e.getStartMark().getLine();
      int lastLine = Math.min(e.getEndMark().getLine(), lines.length - 1);
      for (int i = indicatorLine + 1; i <= lastLine; i++) {
        String line = lines[i];
        if (!line.isBlank()) {
          int indent = 0;
          while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
          }
          Location content = new Location(file, indicatorLine + 2, indent + 1);
          return new ScalarNode(e.getValue(), style, start, content, indent + 1);
        }
      }
      return new ScalarNode(e.getValue(), style, start, start, 0);
    }

    private String anchorOf(Event event) {
      if (event instanceof ScalarEvent s) {
        return s.getAnchor();
      }
      if (event instanceof CollectionStartEvent c) {
        return c.getAnchor();
      }
      return null;
    }

    private Location at(Mark mark) {
      return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private String prefix(String path) {
      return path.isEmpty() ? "" : path + ": ";
    }

    private String malformed(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
        String context = y.getContext() == null ? "" : y.getContext() + ": ";
        return at(y.getProblemMark()) + ": malformed YAML: " + context + y.getProblem();
      }
      JsonLocation l = e.getLocation();
      Location where =
          l == null || l.getLineNr() < 1
              ? new Location(file, 1, 1)
              : new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
      return where + ": malformed YAML: " + e.getOriginalMessage();
    }
  }
}
