package dev.sqlfeed.worker.config;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;

/**
 * A YAML factory whose parsers expose the underlying event of the current token, which carries what
 * Jackson's token API does not: a scalar's style (quoted, block ...), its raw text and the exact
 * start of every node.
 */
final class PositionedYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  PositionedYamlFactory() {
    super(YAMLFactory.builder().loaderOptions(loaderOptions()));
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // Configs are small; a modest alias limit still stops "billion laughs" documents.
    options.setMaxAliasesForCollections(100);
    return options;
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) {
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
  }

  /** A parser that tells which event produced its current token. */
  static final class Parser extends YAMLParser {
    Parser(
        IOContext ctxt,
        int parserFeatures,
        int formatFeatures,
        LoaderOptions loaderOptions,
        com.fasterxml.jackson.core.ObjectCodec codec,
        Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
    }

    /** The YAML event behind the current token. */
    Event event() {
      return _lastEvent;
    }
  }
}
