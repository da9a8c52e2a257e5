package io.scanwatch.spl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON into record fields by Splunk's JSON field extraction (the {@code spath} and
 * {@code KV_MODE=json} naming).
 *
 * <p>Nested object members are named with {@code .} ({@code responseStatus.code}); array
 * members add {@code {}} to the name ({@code sourceIPs{}}), so the members of an object inside
 * an array are {@code a{}.b} and an array inside an array is {@code a{}{}}. {@code null} and the
 * empty string are no value; numbers and booleans are their JSON text. This class is stateless
 * and thread-safe.
 */
public final class JsonFlattener {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonFlattener() {}

  /**
   * Flattens JSON text, keeping numbers exactly as written ({@code 403.0} stays {@code 403.0}).
   *
   * @throws IllegalArgumentException if the text is not one valid JSON value
   */
  public static Record flatten(String json) {
    Record record = Record.empty();
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IllegalArgumentException("invalid JSON: the text is empty");
      }
      readValue(parser, token, "", record);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("invalid JSON: text follows the first value");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
    return record;
  }

  /**
   * Flattens JSON text into a record of only the fields in {@code fields} (names as Splunk gives
   * them, such as {@code user.groups{}}); the parser skips every other subtree without reading it.
   *
   * @throws IllegalArgumentException if the text is not one valid JSON value
   */
  public static Record flatten(String json, Set<String> fields) {
    Record record = Record.empty();
    Set<String> prefixes = new HashSet<>();
    for (String field : fields) {
      prefixes.add(field);
      for (int i = 0; i < field.length(); i++) {
        if (field.charAt(i) == '.' || field.startsWith("{}", i)) {
          prefixes.add(field.substring(0, i));
        }
      }
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IllegalArgumentException("invalid JSON: the text is empty");
      }
      readValue(parser, token, "", record, prefixes);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
    return record;
  }

  /**
   * Flattens a parsed JSON tree into {@code record}. Numbers are written as Jackson renders the
   * node, which is the original text for integers and for decimals read as {@code BigDecimal}.
   */
  public static Record flatten(JsonNode node, Record record) {
    addNode(node, "", record);
    return record;
  }

  /** Flattens a parsed JSON tree into a new record. */
  public static Record flatten(JsonNode node) {
    return flatten(node, Record.empty());
  }

  private static void addNode(JsonNode node, String name, Record record) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        addNode(member.getValue(), join(name, member.getKey()), record);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        addNode(element, name + "{}", record);
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      record.add(name, node.asText());
    }
  }

  private static void readValue(JsonParser parser, JsonToken token, String name, Record record)
      throws IOException {
    readValue(parser, token, name, record, null);
  }

  /** Reads a value; with {@code wanted} set, skips it unless its path leads to a wanted field. */
  private static void readValue(JsonParser parser, JsonToken token, String name, Record record,
      Set<String> wanted) throws IOException {
    if (wanted != null && !name.isEmpty() && !wanted.contains(name)) {
      parser.skipChildren();
      return;
    }
    switch (token) {
      case START_OBJECT -> readObject(parser, name, record, wanted);
      case START_ARRAY -> readArray(parser, name, record, wanted);
      case VALUE_NULL -> { }
      default -> record.add(name, parser.getText());
    }
  }

  private static void readObject(JsonParser parser, String name, Record record,
      Set<String> wanted) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String member = join(name, parser.currentName());
      readValue(parser, parser.nextToken(), member, record, wanted);
    }
  }

  private static void readArray(JsonParser parser, String name, Record record,
      Set<String> wanted) throws IOException {
    JsonToken token = parser.nextToken();
    while (token != JsonToken.END_ARRAY) {
      readValue(parser, token, name + "{}", record, wanted);
      token = parser.nextToken();
    }
  }

  private static String join(String prefix, String member) {
    return prefix.isEmpty() ? member : prefix + "." + member;
  }
}
