package io.scanwatch.spl;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the first document of a YAML file into a tree, straight from the YAML token stream.
 *
 * <p>Detection, macro and allowlist files are read at every start, and building Jackson's
 * object mapper for them costs about a tenth of a second of class loading and set-up (measured on
 * two cores), as long as scanning a hundred megabytes. The tree is the one the mapper would give, with two checks it
 * lacks: a key given twice in one mapping and a YAML alias ({@code *name}), which the mapper
 * would read as nothing, are errors.
 */
public final class YamlTree {

  /** Nesting deeper than any detection needs, which bounds the recursion on a hostile file. */
  static final int MAX_DEPTH = 200;

  /**
   * The largest file read. Detection, macro and allowlist files are a few KB, and the YAML parser
   * takes seconds and gigabytes over a single scalar of a few megabytes before its own limit.
   */
  static final long MAX_BYTES = 1L << 20;

  private static final YAMLFactory FACTORY = (YAMLFactory) new YAMLFactory()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /** Invalid YAML, with the file, line and column and the parser's account of the problem. */
  public static final class InvalidYamlException extends IOException {
    InvalidYamlException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads a file. An empty file gives a missing node.
   *
   * @throws InvalidYamlException if the file is not valid YAML (a duplicate key is invalid)
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException for an alias or nesting deeper than {@value #MAX_DEPTH},
   *     naming the file and line
   */
  public static JsonNode read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(file + ": larger than " + (MAX_BYTES >> 20)
          + " MiB, which no detection, macro or allowlist file needs");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a stream, naming it {@code name} in error messages. The stream is left open.
   */
  public static JsonNode read(InputStream in, String name) throws IOException {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(in)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return MissingNode.getInstance();
      }
      JsonNode tree = value(parser, token, name, 0);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException(name + ":" + parser.currentLocation().getLineNr()
            + ": a second YAML document; put each detection, macro or allowlist in its own file");
      }
      return tree;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.io.CharConversionException) {
          throw new InvalidYamlException(name + ": not valid UTF-8 text", e);
        }
      }
      throw new InvalidYamlException(describe(e, name), e);
    } catch (java.io.CharConversionException e) {
      throw new InvalidYamlException(name + ": not valid UTF-8 text", e);
    }
  }

  /**
   * Returns {@code name:line:column: invalid YAML: problem}, the problem being the parser's own
   * sentences without the text excerpts and positions it adds on further lines.
   */
  static String describe(com.fasterxml.jackson.core.JsonProcessingException error, String name) {
    StringBuilder problem = new StringBuilder();
    String original = error.getOriginalMessage() == null ? "" : error.getOriginalMessage();
    for (String line : original.split("\n")) {
      if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
        continue;
      }
      problem.append(problem.length() == 0 ? "" : ": ").append(line.strip());
    }
    com.fasterxml.jackson.core.JsonLocation where = error.getLocation();
    String position = where == null || where.getLineNr() < 1 ? ""
        : ":" + where.getLineNr() + ":" + where.getColumnNr();
    return name + position + ": invalid YAML: " + problem;
  }

  private static JsonNode value(YAMLParser parser, JsonToken token, String name, int depth)
      throws IOException {
    if (parser.isCurrentAlias()) {
      throw new IllegalArgumentException(name + ":" + parser.currentLocation().getLineNr()
          + ": YAML aliases (*name) are not supported; write the values out");
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(name + ":" + parser.currentLocation().getLineNr()
          + ": nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String key = parser.currentName();
          object.set(key, value(parser, parser.nextToken(), name, depth + 1));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next, name, depth + 1));
        }
        return array;
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> throw new IllegalArgumentException(name + ":"
          + parser.currentLocation().getLineNr()
          + ": binary values (!!binary) are not supported; write the text itself");
      default -> {
        return NODES.textNode(parser.getText());
      }
    }
  }
}
