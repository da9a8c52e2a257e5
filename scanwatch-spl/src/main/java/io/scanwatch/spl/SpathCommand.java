package io.scanwatch.spl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spath}: reads JSON text from the {@code input} field (default {@code _raw}).
 *
 * <p>Without a path it adds every member as {@link JsonFlattener} names it. With a path such
 * as {@code a.b{}.c} or {@code a{2}} ({@code {}} every element, {@code {n}} the n-th from 1), it
 * stores the values at the path in {@code output} (default: the path). A member that is an
 * object or an array gives its JSON text. Text that is not JSON leaves the record unchanged.
 */
record SpathCommand(String input, String output, String path) implements Command {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
  private static final Pattern STEP = Pattern.compile("([^.{}]*)((?:\\{[0-9]*\\})*)");
  private static final Pattern INDEX = Pattern.compile("\\{([0-9]*)\\}");

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        String text = record.first(input);
        if (text != null) {
          extract(text, record);
        }
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  private void extract(String text, Record record) {
    if (path == null) {
      try {
        Record members = JsonFlattener.flatten(text);
        members.fieldNames().forEach(name -> record.set(name, members.values(name)));
      } catch (IllegalArgumentException e) {
        return;
      }
      return;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode node : walk(root)) {
      if (node.isValueNode()) {
        values.add(node.isNull() ? null : node.asText());
      } else {
        values.add(node.toString());
      }
    }
    record.set(output == null ? path : output, values);
  }

  private List<JsonNode> walk(JsonNode root) {
    List<JsonNode> nodes = List.of(root);
    for (String step : path.split("\\.")) {
      Matcher matcher = STEP.matcher(step);
      if (!matcher.matches()) {
        return List.of();
      }
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode node : nodes) {
        JsonNode member = matcher.group(1).isEmpty() ? node : node.get(matcher.group(1));
        if (member != null) {
          found.addAll(index(member, matcher.group(2)));
        }
      }
      nodes = found;
    }
    return nodes;
  }

  private static List<JsonNode> index(JsonNode node, String indexes) {
    List<JsonNode> nodes = List.of(node);
    Matcher matcher = INDEX.matcher(indexes);
    while (matcher.find()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode array : nodes) {
        if (!array.isArray()) {
          continue;
        }
        if (matcher.group(1).isEmpty()) {
          array.forEach(next::add);
        } else {
          int position = Integer.parseInt(matcher.group(1));
          if (position >= 1 && position <= array.size()) {
            next.add(array.get(position - 1));
          }
        }
      }
      nodes = next;
    }
    return nodes;
  }

  /** Tests whether a path uses only member names, {@code {}} and {@code {n}}. */
  static boolean validPath(String path) {
    for (String step : path.split("\\.", -1)) {
      if (step.isEmpty() || !STEP.matcher(step).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void collectFields(Set<String> fields) {
    fields.add(input);
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
