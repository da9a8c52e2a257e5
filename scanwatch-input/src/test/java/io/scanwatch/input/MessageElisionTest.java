package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.scanwatch.core.event.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests that passing over the messages of a filter-log-events document on their raw bytes
 * changes nothing but speed. The string scan is checked against a byte-by-byte walk and against
 * the prefilter's test on the text Jackson decodes. Whole random documents give the same events
 * and report with and without it.
 */
class MessageElisionTest {

  private static final Prefilter[] PREFILTERS = {
    Prefilter.PARITY, Prefilter.UNAUTHENTICATED, Prefilter.forLiteral("203.0.113.45")
  };

  /** Pieces of a JSON string's raw text, plain and otherwise. */
  private static final String[] PIECES = {
    "a", "b", "kind", " ", ":", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\\\\\\"", "system",
    "system:anonymous", "SyStEm:AnOnYmOuS", "system:anonymou", "\\\\u0073", "\\\\u0026",
    "\\\\\\\\u0073", "\\u0073", "\\u0022", "\\u005c", "\\\"code\\\":401", "\\\"code\\\": 401",
    "code\\\":401", "401", "40", "203.0.113.45", "203.0.113.4", "\u00e9", "\u0001", "\\x",
    "\\\\u\\u0030073", "ym", ":a", "\\\\\\\\"
  };

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void scanString_randomStrings(long seed)
      throws IOException {
    Random random = new Random(seed);
    JsonFactory json = new JsonFactory();
    int passedOver = 0;
    int notPassedOver = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder body = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        body.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String pad = "x".repeat(random.nextInt(9));
      String tail = random.nextBoolean() ? ", \"next\": 1}" : "\"";
      byte[] bytes = (pad + "\"" + body + "\"" + tail).getBytes(StandardCharsets.UTF_8);
      int from = pad.length() + 1;
      int to = random.nextInt(4) == 0 ? from + random.nextInt(bytes.length - from) : bytes.length;
      Prefilter prefilter = PREFILTERS[random.nextInt(PREFILTERS.length)];

      long scanned = prefilter.scanString(bytes, from, to);

      int end = closingQuote(bytes, from, to);
      assertThat(scanned < 0 ? -1 : (int) (scanned >> 1)).as("end of %s", body).isEqualTo(end);
      if (scanned >= 0 && (scanned & 1) == 1) {
        String decoded = decode(json, new String(bytes, from - 1, end - from + 2,
            StandardCharsets.UTF_8));
        assertThat(decoded).as("text of %s", body).isNotNull();
        assertThat(prefilter.mayContain(decoded.toCharArray(), 0, decoded.length()))
            .as("passed over %s", body).isFalse();
        passedOver++;
      } else if (scanned >= 0) {
        notPassedOver++;
      }
    }
    // Both outcomes are common, so neither check above is empty.
    assertThat(passedOver).isGreaterThan(1000);
    assertThat(notPassedOver).isGreaterThan(1000);
  }

  @Test
  void scanString_eventWithoutLiteral() {
    String message = "{\\\"kind\\\":\\\"Event\\\",\\\"user\\\":{\\\"username\\\":\\\"kubelet\\\"},"
        + "\\\"requestURI\\\":\\\"/api?a=1\\\\u0026b=2\\\"}";
    byte[] bytes = ("\"" + message + "\",").getBytes(StandardCharsets.US_ASCII);
    byte[] anonymous = ("\"" + message.replace("kubelet", "system:anonymous") + "\",")
        .getBytes(StandardCharsets.US_ASCII);

    assertThat(Prefilter.PARITY.scanString(bytes, 1, bytes.length))
        .isEqualTo(((long) message.length() + 1) * 2 + 1);
    assertThat(Prefilter.PARITY.scanString(anonymous, 1, anonymous.length) & 1).isZero();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void randomDocuments_sameWithAndWithout(long seed) throws IOException {
    Random random = new Random(seed);
    Path file = dir.resolve("document-" + seed + ".json");
    Files.writeString(file, document(random), StandardCharsets.UTF_8);
    for (Prefilter prefilter : PREFILTERS) {
      Reads.Result elided = read(new AuditLogReader(null, prefilter), file);
      Reads.Result whole = read(new AuditLogReader(null, prefilter).withoutMessageElision(), file);

      assertThat(elided.events()).containsExactlyElementsOf(whole.events());
      assertSameReport(elided.report(), whole.report());
    }
  }

  @Test
  void errorAfterPassedOverMessage_inputColumns() throws IOException {
    // Line 2 has a message that is passed over, then an entry with a raw control character.
    // The next entry is indented deeper than the broken entry's column in the shortened text,
    // but not deeper than its column in the input, so reading resumes there.
    String benign = quoted(event(new Random(1), "benign", "kubelet"));
    String broken = quoted(event(new Random(2), "broken", "kubelet")).replace("curl", "cu\u0001rl");
    String anonymous = quoted(event(new Random(3), "anonymous", "system:anonymous"));
    String entry = "{\"logStreamName\": \"s\", \"timestamp\": 1731522851000, \"message\": ";
    String text = "{\"events\": [\n" + entry + benign + "}, " + entry + broken + "},\n"
        + " ".repeat(benign.length() / 2) + entry + anonymous + "}\n], \"searchedLogStreams\": []}\n";
    Path file = Files.writeString(dir.resolve("resume.json"), text, StandardCharsets.UTF_8);

    Reads.Result elided = read(new AuditLogReader(null, Prefilter.PARITY), file);
    Reads.Result whole = read(new AuditLogReader(null, Prefilter.PARITY).withoutMessageElision(),
        file);

    assertThat(elided.events()).hasSize(1);
    assertThat(elided.events()).containsExactlyElementsOf(whole.events());
    assertSameReport(elided.report(), whole.report());
    int column = text.indexOf("\u0001") - text.indexOf("\n");
    assertThat(elided.report().skips().examples(io.scanwatch.core.event.SkipReason.INVALID_JSON))
        .singleElement().extracting(entryOf -> entryOf.detail())
        .asString().endsWith("at column " + column);
  }

  @Test
  void truncatedDocument_unreadCountOfInput() throws IOException {
    String benign = quoted(event(new Random(4), "benign", "kubelet"));
    String entry = "{\"logStreamName\": \"s\", \"timestamp\": 1731522851000, \"message\": ";
    String text = "{\"events\": [\n" + entry + "\"a\u0001\"}, " + entry + benign + "}, "
        + entry + benign + "}]}";
    Path file = Files.writeString(dir.resolve("unread.json"), text, StandardCharsets.UTF_8);

    Reads.Result elided = read(new AuditLogReader(null, Prefilter.PARITY), file);
    Reads.Result whole = read(new AuditLogReader(null, Prefilter.PARITY).withoutMessageElision(),
        file);

    assertSameReport(elided.report(), whole.report());
    assertThat(elided.report().problems()).singleElement().asString()
        .contains("the last " + (text.length() - text.indexOf("\u0001")) + " characters");
  }

  /**
   * Small broken documents on which shortening once changed the result: entries met on their own
   * after an error, lone carriage returns, unread counts around shortened entries, a message
   * ending in a brace, and recovery looking back over a shortened line.
   */
  private static final String[] BROKEN_DOCUMENTS = {
    "{\n\"events\":[{\"\"}\n{\"awslogs\":0,\"message\":\"\"}",
    "{\"events\":[\n{\"\"{\"\"}\"\"}\n{\"logEvents\":0,\"\":\"\",\"\":3,\"\":false,\"message\":\"\",\"\":7}",
    "{\"events\":[{\"\":{\"\":1}},{\"message\":\"\"\r}",
    "{\"events\":[\n{\"\"::{\"\":1}}, { \"message\":\"tID\\\"/ap\",\n    \"events\":0,\n    \"p\":\"-7\"\n}\n",
    "{\"events\":[\n{\"\"\"e\", \"id\", \"message\":0},{     \"message\":\"{\\\"200}}\"\r\n            }",
    "{\"events\":[{\n\"\"} {\n    \"message\" : \"{\\\"ki00}}\"}],\"searchedLogStreams",
    "{\"events\":[{\"\"\n}{\"\",\"message\":\"{\"messageType\"",
    "{\"events\":[\n{\"\"\r\"ents\":[1,2],\"message\" : \"{\\\"kind\\\":\\\"Event\\\",\\\"auditID\\\":\\\\\":\\\"/",
    "{\"events\":[{\r\"\":\"\"\n}{\"message\":   \"logStreamName\": null,\r\n    \"verb\":0.0,\r\n    \"id\" :",
    "{\"events\":[{\"\":\"\"},{\"message\":\"\"\n }, {\n[2\n    {",
    "{\"events\":[{\n\"\r\"}\n{\"\":\"\",\"message\":\"n\"\"",
    "{\"events\":[{\"\":\"\",\"\":\"\",\"\":9,\"\":3,\"\":3},{\"message\":\"\",\"eventId\":\r0\n}",
    "{\"events\":[\n{\"message\":\"e\":"
  };

  @Test
  void brokenDocuments_sameWithAndWithout() throws IOException {
    for (int i = 0; i < BROKEN_DOCUMENTS.length; i++) {
      Path file = Files.writeString(dir.resolve("broken-" + i + ".json"), BROKEN_DOCUMENTS[i],
          StandardCharsets.UTF_8);
      Reads.Result elided = read(new AuditLogReader(null, Prefilter.PARITY), file);
      Reads.Result whole = read(new AuditLogReader(null, Prefilter.PARITY)
          .withoutMessageElision(), file);

      assertThat(elided.events()).as(BROKEN_DOCUMENTS[i]).containsExactlyElementsOf(whole.events());
      assertSameReport(elided.report(), whole.report());
    }
  }

  @Test
  void stream_oneByteReads() throws IOException {
    byte[] document = document(new Random(7)).getBytes(StandardCharsets.UTF_8);
    byte[] inOneGo = new MessageElidingStream(new ByteArrayInputStream(document),
        Prefilter.PARITY).readAllBytes();
    byte[] byteByByte = new MessageElidingStream(new TrickleStream(document), Prefilter.PARITY)
        .readAllBytes();

    // Whole entries are shortened only within one buffer, so the texts may differ there. With
    // each passed-over entry reduced to its message, they must be the same JSON.
    assertThat(withMessagesOnly(byteByByte)).isEqualTo(withMessagesOnly(inOneGo));
    assertThat(inOneGo.length).isLessThan(byteByByte.length).isLessThan(document.length);
  }

  @Test
  void stream_longMessageUnchanged() throws IOException {
    String longMessage = "a".repeat(MessageElidingStream.MAX_HELD_BYTES + 10);
    String text = "{\"events\": [\n  {\"message\": \"" + longMessage + "\"},\n"
        + "  {\"message\": \"short\"}\n]}\n";

    String out = elide(text);

    assertThat(out).isEqualTo(text.replace("{\"message\": \"short\"}", "{\"message\":\"\"}"));
  }

  @Test
  void stream_onlyEventsEntryMessages() throws IOException {
    String text = "{\"logEvents\": [{\"message\": \"a\"}], \"events\": [{\"x\": {\"message\": \"b\"},"
        + " \"mess\\u0061ge\": \"c\", \"message\": \"d\", \"id\": \"e\"}, [\"f\"]],"
        + " \"message\": \"g\"}\n[{\"events\": [{\"message\": \"h\"}]}]\n"
        + "{\"events\": [{\"message\": \"i\"}]}";

    String out = elide(text);

    assertThat(out).isEqualTo(text.replace("\"d\"", "\"\"")
        .replace("{\"message\": \"i\"}", "{\"message\":\"\"}"));
  }

  @Test
  void stream_unpairedBrackets() throws IOException {
    String text = "{\"events\": [{\"message\": \"a\"}]]}\n{\"events\": [{\"message\": \"b\"}]}";

    assertThat(elide(text)).isEqualTo(text.replace("{\"message\": \"a\"}", "{\"message\":\"\"}"));
  }

  @Test
  void stream_shortensWholeEntriesKeepingLines() throws IOException {
    String text = "{\"events\": [\n  {\n    \"logStreamName\": \"s\",\n    \"timestamp\": 17,\n"
        + "    \"message\": \"abc\",\n    \"eventId\": \"1\"\n  },\n"
        + "  {\"message\": \"abc\", \"timestamp\": -1.5e3, \"eventId\": true,\r"
        + "\"ingestionTime\": null},\n"
        + "  {\"message\": \"abc\", \"kind\": \"Event\"},\n"
        + "  {\"message\": \"abc\", \"timestamp\": 01},\n"
        + "  {\"message\": \"abc\", \"message\": \"def\"},\n"
        + "  {\"message\": \"abc\", \"o\": {}},\n"
        + "  {\"message\": \"system:anonymous\", \"id\": \"2\"}\n]}";

    String out = elide(text);

    assertThat(out).isEqualTo("{\"events\": [\n  {\"message\":\"\"\n\n\n\n\n}," + "\n"
        + "  {\"message\":\"\"\r},\n"
        + "  {\"message\": \"\", \"kind\": \"Event\"},\n"
        + "  {\"message\": \"\", \"timestamp\": 01},\n"
        + "  {\"message\": \"\", \"message\": \"\"},\n"
        + "  {\"message\": \"\", \"o\": {}},\n"
        + "  {\"message\": \"system:anonymous\", \"id\": \"2\"}\n]}");
  }

  /**
   * Returns the JSON of {@code bytes} with every entry of an events array whose message is empty
   * reduced to that message, as a tree for comparing.
   */
  private static com.fasterxml.jackson.databind.JsonNode withMessagesOnly(byte[] bytes)
      throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(bytes);
    for (com.fasterxml.jackson.databind.JsonNode entry : root.path("events")) {
      if (entry.isObject() && "".equals(entry.path("message").asText(null))) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) entry).retain("message");
      }
    }
    return root;
  }

  private static String elide(String text) throws IOException {
    try (InputStream in = new MessageElidingStream(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Prefilter.PARITY)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Reads.Result read(AuditLogReader reader, Path file) {
    List<AuditEvent> events = new ArrayList<>();
    ReadReport report = new ReadReport();
    reader.read(InputSource.file(file), events::add, report);
    return new Reads.Result(events, report);
  }

  private static void assertSameReport(ReadReport actual, ReadReport expected) {
    assertThat(actual.skips().counts()).isEqualTo(expected.skips().counts());
    for (var reason : expected.skips().counts().keySet()) {
      assertThat(actual.skips().examples(reason)).isEqualTo(expected.skips().examples(reason));
    }
    assertThat(actual.eventsRead()).isEqualTo(expected.eventsRead());
    assertThat(actual.logEvents()).isEqualTo(expected.logEvents());
    assertThat(actual.logEventsPassedOver()).isEqualTo(expected.logEventsPassedOver());
    assertThat(actual.invalidUtf8Lines()).isEqualTo(expected.invalidUtf8Lines());
    assertThat(actual.problems()).isEqualTo(expected.problems());
    assertThat(actual.bytesRead()).isEqualTo(expected.bytesRead());
  }

  /** Returns the index of the quote that ends the string, by walking its escapes, or -1. */
  private static int closingQuote(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '"') {
        return i;
      }
      if (bytes[i] == '\\') {
        if (i + 1 >= to) {
          return -1;
        }
        i++;
      }
    }
    return -1;
  }

  /** Returns the text of a JSON string literal as Jackson decodes it, or null when invalid. */
  private static String decode(JsonFactory json, String literal) {
    try (JsonParser parser = json.createParser(literal)) {
      parser.nextToken();
      return parser.getText();
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns a random filter-log-events document, with odd entries and layouts among the usual. */
  private static String document(Random random) {
    StringBuilder text = new StringBuilder("{\n    \"events\": [\n");
    int entries = 400 + random.nextInt(200);
    for (int i = 0; i < entries; i++) {
      // Mostly one entry per line; some lines hold two entries, some are indented deeply.
      String separator = random.nextInt(6) == 0 ? ", "
          : ",\n" + " ".repeat(random.nextInt(10) == 0 ? 200 + random.nextInt(600) : 8);
      text.append(i == 0 ? "        " : separator).append(entry(random, i));
    }
    text.append("\n    ],\n    \"searchedLogStreams\": []\n}\n");
    if (random.nextInt(3) == 0) {
      // A second root: a subscription payload, whose messages are all parsed.
      text.append("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
          + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"p\",\"timestamp\":1731522851000,"
          + "\"message\":").append(quoted(event(random, "payload", "kubelet")))
          .append("}]}\n");
    }
    String result = text.toString();
    switch (random.nextInt(4)) {
      case 0 -> {
        // Break one line, so that reading recovers at the next entry.
        int at = result.indexOf("\n        {", result.length() / 2);
        result = result.substring(0, at) + "\n        {\"message\": \"cut" + result.substring(at);
      }
      case 1 -> {
        // A raw control character in a message that comes after others on its line.
        int at = result.indexOf("curl", result.indexOf(", {", result.length() / 3));
        result = result.substring(0, at) + "\u0001" + result.substring(at);
      }
      case 2 -> result = result.substring(0, result.length() * 3 / 4);
      default -> { }
    }
    return result;
  }

  private static String entry(Random random, int index) {
    String message = switch (random.nextInt(12)) {
      case 0 -> quoted(event(random, "id-" + index, "system:anonymous"));
      case 1 -> quoted(event(random, "id-" + index, "System:Anonymous"));
      case 2 -> quoted(event(random, "id-" + index, "system:anonymous"))
          .replace("Event", "\\u0045vent");
      case 3 -> quoted(event(random, "id-" + index, "kubelet") + " [Truncated...]");
      case 4 -> quoted(event(random, "id-" + index, "kub\u00e9let"));
      case 5 -> quoted(event(random, "id-" + index, "kubelet").replace("\"code\":200",
          "\"code\":401"));
      case 6 -> random.nextBoolean() ? "12" : random.nextBoolean() ? "null" : "{\"a\": \"b\"}";
      case 7 -> quoted("not json");
      case 8 -> quoted(event(random, "id-" + index, "kubelet").replace("system:", "system:\\u0061"));
      default -> quoted(event(random, "id-" + index, "kubelet"));
    };
    String stream = "\"logStreamName\": \"kube-apiserver-audit-" + random.nextInt(3) + "\"";
    String time = "\"timestamp\": " + (1731522851000L + index);
    String id = "\"eventId\": \"" + index + "\"";
    String key = random.nextInt(20) == 0 ? "\"mess\\u0061ge\"" : "\"message\"";
    List<String> fields = new ArrayList<>(List.of(stream, time, key + ": " + message, id));
    if (random.nextInt(10) == 0) {
      fields.add(random.nextInt(fields.size() + 1), "\"extra\": {\"message\": "
          + quoted(event(random, "x", "kubelet")) + "}");
    }
    if (random.nextInt(30) == 0) {
      fields.add("\"message\": " + quoted(event(random, "again-" + index, "system:anonymous")));
    }
    if (random.nextInt(4) == 0) {
      return "{\n            " + String.join(",\n            ", fields) + "\n        }";
    }
    return "{" + String.join(", ", fields) + "}";
  }

  private static String event(Random random, String id, String username) {
    return "{\"kind\":\"Event\",\"auditID\":\"" + id + "\",\"stage\":\"ResponseComplete\","
        + "\"requestURI\":\"/api/v1/pods?limit=" + random.nextInt(500) + "\\u0026watch=1\","
        + "\"verb\":\"list\",\"user\":{\"username\":\"" + username + "\",\"groups\":"
        + "[\"system:unauthenticated\"]},\"sourceIPs\":[\"203.0.113." + (40 + random.nextInt(10))
        + "\"],\"userAgent\":\"curl/8.0\",\"responseStatus\":{\"metadata\":{},\"code\":200},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10.595141Z\"}";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Gives its bytes one at a time. */
  private static final class TrickleStream extends InputStream {
    private final byte[] bytes;
    private int position;

    TrickleStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      target[offset] = bytes[position++];
      return 1;
    }
  }
}
