package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.detect.ParityDetection;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests that the prefilter never drops an event that full parsing would give the parity
 * detection. Random events, with random case, spacing and unicode escapes in every string and
 * key, bare or in CloudWatch wrappers, are read with and without the prefilter. The detection
 * must keep the same events either way.
 */
class PrefilterPropertyTest {

  private static final String[] USERNAMES = {
    "system:anonymous", "System:Anonymous", "SYSTEM:ANONYMOUS", "system:anonymou",
    "kubernetes-admin", "system:anonymous ", "xsystem:anonymous"
  };

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void prefilter_keepsEveryMatchingEvent(long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int expectedMatches = 0;
    for (int i = 0; i < 1500; i++) {
      String username = USERNAMES[random.nextInt(USERNAMES.length)];
      boolean matches = username.equalsIgnoreCase("system:anonymous");
      expectedMatches += matches ? 1 : 0;
      String event = event(random, "id-" + i, username);
      text.append(wrap(random, event)).append('\n');
    }
    Path file = dir.resolve("random-" + seed + ".log");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    List<String> withPrefilter = matchedIds(file, true);
    List<String> withoutPrefilter = matchedIds(file, false);

    assertThat(withoutPrefilter).hasSize(expectedMatches);
    assertThat(withPrefilter).containsExactlyElementsOf(withoutPrefilter);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void documentMessages_keepEveryMatchingEvent(long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder("{\n    \"events\": [\n");
    int expectedMatches = 0;
    for (int i = 0; i < 1500; i++) {
      String username = USERNAMES[random.nextInt(USERNAMES.length)];
      expectedMatches += username.equalsIgnoreCase("system:anonymous") ? 1 : 0;
      // Half the messages are written plainly, so that the prefilter can pass some over.
      String message = random.nextBoolean() ? event(random, "id-" + i, username)
          : plainEvent("id-" + i).replace("system:anonymous", username);
      text.append(i == 0 ? "" : ",\n").append("        {").append(random.nextBoolean() ? "\n" : "")
          .append("\"logStreamName\": \"kube-apiserver-audit-1\", \"timestamp\": 1731522851000, ")
          .append("\"message\": ").append(quoted(message)).append(", \"eventId\": \"e").append(i)
          .append("\"}");
    }
    text.append("\n    ],\n    \"searchedLogStreams\": []\n}\n");
    Path file = dir.resolve("document-" + seed + ".json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    ReadReport report = new ReadReport();

    List<String> withPrefilter = matchedIds(file, true, report);
    List<String> withoutPrefilter = matchedIds(file, false, new ReadReport());

    assertThat(withoutPrefilter).hasSize(expectedMatches);
    assertThat(withPrefilter).containsExactlyElementsOf(withoutPrefilter);
    assertThat(report.logEvents()).isEqualTo(1500);
    // Every message passed over lacks the literal, whatever its case, and any risky escape.
    assertThat(report.logEventsPassedOver()).isPositive()
        .isLessThanOrEqualTo(1500 - expectedMatches);
    assertThat(report.eventsRead()).isEqualTo(1500 - report.logEventsPassedOver());
  }

  @Test
  void prefilter_escapedBackslashOrDigitInMessage() throws Exception {
    String inner = plainEvent("id-1").replace("system:anonymous", "system:\\u0061nonymous");
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
        + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1731522851000,"
        + "\"message\":\"" + inner.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}";
    // The message's own escape \u0061 is written once with its backslash escaped as \u005c,
    // and once with its first hex digit escaped as \u0030.
    String viaBackslash = payload.replace("\\\\u0061", "\\u005cu0061");
    String viaDigit = payload.replace("\\\\u0061", "\\\\u\\u0030061");
    assertThat(viaBackslash).contains("\\u005cu0061");
    assertThat(viaDigit).contains("\\u0030061");
    Path file = dir.resolve("double-escaped.log");
    Files.writeString(file, viaBackslash + "\n" + viaDigit + "\n");

    assertThat(matchedIds(file, false)).containsExactly("id-1", "id-1");
    assertThat(matchedIds(file, true)).containsExactly("id-1", "id-1");
  }

  @Test
  void prefilter_lambdaEventsAfterTheFirstMegabyte() throws Exception {
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
        + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1731522851000,"
        + "\"message\":" + quoted(plainEvent("lambda-1")) + "}]}";
    String data = java.util.Base64.getEncoder().encodeToString(Reads.gzip(payload));
    StringBuilder text = new StringBuilder();
    String filler = "{\"kind\":\"Event\",\"auditID\":\"x\",\"user\":{\"username\":\"kubelet\"},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\",\"pad\":\"" + "p".repeat(900)
        + "\"}\n";
    while (text.length() < (3 << 20) / 2) {
      text.append(filler);
    }
    text.append("{\"awslogs\":{\"data\":\"").append(data).append("\"}}\n");
    text.append("{\"aws\\u006cogs\":{\"data\":\"").append(data).append("\"}}\n");
    Path file = dir.resolve("lambda-late.log");
    Files.writeString(file, text);

    assertThat(matchedIds(file, false)).containsExactly("lambda-1", "lambda-1");
    assertThat(matchedIds(file, true)).containsExactly("lambda-1", "lambda-1");
  }

  private static String plainEvent(String id) {
    return "{\"kind\":\"Event\",\"auditID\":\"" + id + "\",\"user\":{\"username\":"
        + "\"system:anonymous\",\"groups\":[\"system:unauthenticated\"]},\"sourceIPs\":"
        + "[\"203.0.113.9\"],\"userAgent\":\"scanner/1.0\",\"requestReceivedTimestamp\":"
        + "\"2024-11-13T18:34:10.595141Z\"}";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34})
  void unauthenticatedPrefilter_keepsEveryUnauthenticatedEvent(long seed) throws Exception {
    String[] users = {"", "\"user\":{},", "\"user\":{\"username\":\"system:anonymous\"},",
        "\"user\":{\"username\":\"System:Anonymous\"},",
        "\"user\":{\"username\":\"kubernetes-admin\"},"};
    String[] codes = {"", "\"responseStatus\":{\"code\":401},",
        "\"responseStatus\":{\"code\":401.0},", "\"responseStatus\":{\"code\":\"401\"},",
        "\"responseStatus\":{\"code\":\"\\u0034\\u00301\"},",
        "\"responseStatus\":{\"code\": 401},", "\"responseStatus\":{\"code\":403},",
        "\"responseStatus\":{\"code\":200},"};
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      String code = codes[random.nextInt(codes.length)];
      String event = "{\"kind\":\"Event\",\"auditID\":\"id-" + i + "\","
          + users[random.nextInt(users.length)] + code + "\"sourceIPs\":[\"203.0.113.9\"],\"requestReceivedTimestamp\":"
          + "\"2024-11-13T18:34:10Z\"}";
      text.append(wrap(random, event)).append('\n');
    }
    Path file = dir.resolve("unauthenticated-" + seed + ".log");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    List<String> all = unauthenticatedIds(new AuditLogReader(null, false), file);
    List<String> filtered = unauthenticatedIds(AuditLogReader.unauthenticated(null), file);

    assertThat(all).hasSizeGreaterThan(300);
    assertThat(filtered).containsExactlyElementsOf(all);
  }

  private static List<String> unauthenticatedIds(AuditLogReader reader, Path file) {
    List<String> ids = new ArrayList<>();
    reader.read(InputSource.file(file), (AuditEvent event) -> {
      if (io.scanwatch.core.robust.RobustDetection.isUnauthenticated(event)) {
        ids.add(event.auditIds().get(0));
      }
    }, new ReadReport());
    return ids;
  }

  @Test
  void literalPrefilter_innerEscapeWithEscapedU() throws Exception {
    // The inner event writes the 4 of 203.0.113.45 as \u0034, and the payload writes that
    // escape's u as \u0075, so the line contains neither the literal nor an escape of its digits.
    String inner = "{\"kind\":\"Event\",\"auditID\":\"id-1\",\"sourceIPs\":[\"203.0.113."
        + "\\u00345\"],\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}";
    String message = quoted(inner).replace("\\\\u0034", "\\\\\\u00750034");
    assertThat(message).contains("\\\\\\u00750034").doesNotContain("203.0.113.45");
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
        + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1731522851000,"
        + "\"message\":" + message + "}]}\n";
    Path file = Files.writeString(dir.resolve("escaped-u.log"), payload);

    List<String> addresses = new ArrayList<>();
    new AuditLogReader(null, "203.0.113.45").read(InputSource.file(file),
        (AuditEvent event) -> addresses.addAll(event.sourceIps()), new ReadReport());

    assertThat(addresses).containsExactly("203.0.113.45");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void literalPrefilter_keepsEveryEventWithTheLiteral(long seed) throws Exception {
    String target = "203.0.113.45";
    String[] addresses = {target, "203.0.113.4", "203.0.113.450", "10.0.0.1"};
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      String address = addresses[random.nextInt(addresses.length)];
      String event = "{" + key(random, "kind") + ":" + string(random, "Event") + ","
          + key(random, "auditID") + ":\"id-" + i + "\"," + key(random, "sourceIPs") + ":["
          + string(random, address) + "]," + key(random, "requestReceivedTimestamp") + ":"
          + string(random, "2024-11-13T18:34:10Z") + "}";
      if (address.equals(target) || address.equals("203.0.113.450")) {
        expected.add("id-" + i);
      }
      text.append(wrap(random, event)).append('\n');
    }
    Path file = dir.resolve("literal-" + seed + ".log");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    List<String> matched = new ArrayList<>();
    new AuditLogReader(null, target).read(InputSource.file(file), (AuditEvent event) -> {
      if (event.sourceIps().stream().anyMatch(ip -> ip.contains(target))) {
        matched.add(event.auditIds().get(0));
      }
    }, new ReadReport());

    assertThat(matched).containsExactlyElementsOf(expected);
  }

  private static List<String> matchedIds(Path file, boolean prefilter) {
    return matchedIds(file, prefilter, new ReadReport());
  }

  private static List<String> matchedIds(Path file, boolean prefilter, ReadReport report) {
    ParityDetection detection = new ParityDetection();
    List<String> ids = new ArrayList<>();
    new AuditLogReader(null, prefilter).read(InputSource.file(file), (AuditEvent event) -> {
      if (detection.evaluate(event) == ParityVerdict.MATCHED) {
        ids.add(event.auditIds().get(0));
      }
    }, report);
    return ids;
  }

  /** Returns one audit event in which every key and string may be escaped and spaced at random. */
  private static String event(Random random, String id, String username) {
    StringBuilder json = new StringBuilder("{");
    field(random, json, "kind", "Event", true);
    field(random, json, "auditID", id, false);
    json.append(key(random, "user")).append(space(random)).append(':').append(space(random))
        .append('{');
    field(random, json, "username", username, true);
    json.append(key(random, "groups")).append(':').append("[")
        .append(string(random, "system:unauthenticated")).append("]},");
    json.append(key(random, "sourceIPs")).append(":[").append(string(random, "203.0.113.9"))
        .append("],");
    field(random, json, "userAgent", "scanner/1.0", false);
    json.append(key(random, "requestReceivedTimestamp")).append(':')
        .append(string(random, "2024-11-13T18:34:10.595141Z")).append('}');
    return json.toString();
  }

  private static void field(Random random, StringBuilder json, String name, String value,
      boolean comma) {
    json.append(key(random, name)).append(space(random)).append(':').append(space(random))
        .append(string(random, value)).append(',').append(space(random));
  }

  private static String key(Random random, String name) {
    return space(random) + string(random, name);
  }

  /** Returns a JSON string literal with each character escaped as {@code \\uXXXX} at random. */
  private static String string(Random random, String value) {
    int mode = random.nextInt(4);
    StringBuilder literal = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      boolean escape = mode == 1 ? random.nextInt(8) == 0 : mode == 2 && random.nextBoolean();
      if (escape) {
        String hex = String.format("%04x", (int) c);
        literal.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase());
      } else {
        literal.append(c);
      }
    }
    return literal.append('"').toString();
  }

  private static String space(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> " ";
      case 1 -> "\t";
      case 2 -> "  ";
      default -> "";
    };
  }

  /**
   * Returns the event bare, as a CloudWatch export line, an aws logs tail line or a payload line.
   */
  private static String wrap(Random random, String event) {
    return switch (random.nextInt(4)) {
      case 0 -> event;
      case 1 -> "2024-11-13T18:34:11.000Z " + event;
      case 2 -> "2024-11-13T18:34:11.000000+00:00 kube-apiserver-audit-1 " + event;
      default -> "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
          + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1731522851000,"
          + "\"message\":\"" + event.replace("\\", "\\\\").replace("\"", "\\\"")
              .replace("\t", "\\t") + "\"}]}";
    };
  }
}
