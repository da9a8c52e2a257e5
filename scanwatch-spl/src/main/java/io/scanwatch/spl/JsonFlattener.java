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
    return flatten(json, Projection.of(fields));
  }

  /**
   * Flattens JSON text into a record of only the fields of {@code projection}.
   *
   * @throws IllegalArgumentException if the text is not one valid JSON value
   */
  public static Record flatten(String json, Projection projection) {
    Record record = Record.empty();
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IllegalArgumentException("invalid JSON: the text is empty");
      }
      readValue(parser, token, "", record, projection.paths);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
    return record;
  }

  /**
   * The fields to keep when flattening, with every path that leads to one, worked out once for
   * all the events a search reads.
   */
  public static final class Projection {
    private final Set<String> fields;
    private final Set<String> paths;

    private Projection(Set<String> fields, Set<String> paths) {
      this.fields = fields;
      this.paths = paths;
    }

    /** Returns the field names this projection keeps. */
    public Set<String> fields() {
      return fields;
    }

    /** Returns the projection onto the given field names. */
    public static Projection of(Set<String> fields) {
      Set<String> paths = new HashSet<>();
      for (String field : fields) {
        paths.add(field);
        for (int i = 0; i < field.length(); i++) {
          if (field.charAt(i) == '.' || field.startsWith("{}", i)) {
            paths.add(field.substring(0, i));
          }
        }
      }
      return new Projection(Set.copyOf(fields), Set.copyOf(paths));
    }
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

  /**
   * Reads a value and everything inside it; with {@code wanted} set, skips each member or element
   * whose path leads to no wanted field.
   *
   * <p>The walk keeps its own stack of open containers instead of recursing, so the parser is
   * advanced from two places only: compiled code for a search's candidate events then stays
   * small, and deep nesting cannot exhaust the thread's stack.
   */
  private static void readValue(JsonParser parser, JsonToken first, String firstName,
      Record record, Set<String> wanted) throws IOException {
    // For each open container: the path of its members (its own path for an object, the path
    // with {} for an array's elements) and whether it is an array.
    String[] paths = new String[8];
    boolean[] arrays = new boolean[8];
    int depth = 0;
    JsonToken token = first;
    String name = firstName;
    while (true) {
      if (wanted != null && !name.isEmpty() && !wanted.contains(name)) {
        parser.skipChildren();
      } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        if (depth == paths.length) {
          paths = java.util.Arrays.copyOf(paths, depth * 2);
          arrays = java.util.Arrays.copyOf(arrays, depth * 2);
        }
        arrays[depth] = token == JsonToken.START_ARRAY;
        paths[depth] = arrays[depth] ? name + "{}" : name;
        depth++;
      } else if (token != JsonToken.VALUE_NULL) {
        record.add(name, parser.getText());
      }
      // Move to the next member or element, closing the containers that end first.
      while (true) {
        if (depth == 0) {
          return;
        }
        token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
          depth--;
        } else if (arrays[depth - 1]) {
          name = paths[depth - 1];
          break;
        } else {
          name = join(paths[depth - 1], parser.currentName());
          token = parser.nextToken();
          break;
        }
      }
    }
  }

  private static String join(String prefix, String member) {
    return prefix.isEmpty() ? member : prefix + "." + member;
  }
}
