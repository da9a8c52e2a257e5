package io.scanwatch.core.robust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.Timestamps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one bare audit event line into an {@link AuditEvent} for tests, with Splunk's extraction
 * rules: a missing field, null and "" give no value, numbers are their JSON text, an array gives
 * its scalar members, and an object gives nothing. The time is {@code requestReceivedTimestamp}.
 */
final class AuditJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private AuditJson() {}

  static AuditEvent parse(String line, String source, long lineNumber) throws IOException {
    Map<String, Object> event;
    try (JsonParser parser = FACTORY.createParser(line)) {
      parser.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) read(parser);
      event = tree;
    }
    List<String> received = values(event, "requestReceivedTimestamp");
    long micros = received.isEmpty() ? Timestamps.INVALID : Timestamps.parseMicros(received.get(0));
    return new AuditEvent(
        micros,
        source,
        null,
        values(event, "user", "username"),
        values(event, "user", "groups"),
        values(event, "sourceIPs"),
        values(event, "userAgent"),
        values(event, "verb"),
        values(event, "requestURI"),
        values(event, "responseStatus", "reason"),
        values(event, "responseStatus", "code"),
        values(event, "auditID"),
        values(event, "stage"),
        Location.ofLine(source, lineNumber), null);
  }

  private static List<String> values(Map<String, Object> event, String... path) {
    Object node = event;
    for (String name : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(name);
    }
    List<String> result = new ArrayList<>();
    if (node instanceof List<?> list) {
      for (Object member : list) {
        addScalar(member, result);
      }
    } else {
      addScalar(node, result);
    }
    return result;
  }

  private static void addScalar(Object node, List<String> result) {
    if (node instanceof String text && !text.isEmpty()) {
      result.add(text);
    }
  }

  /** Reads the value at the current token: objects as maps, arrays as lists, scalars as text. */
  private static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        map.put(name, read(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(parser));
      }
      return list;
    }
    return token == JsonToken.VALUE_NULL ? null : parser.getText();
  }
}
