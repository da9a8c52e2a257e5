package io.scanwatch.input;

import static io.scanwatch.input.Reads.event;
import static io.scanwatch.input.Reads.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipLog;
import io.scanwatch.core.event.SkipReason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is counted and located, and reading goes on. */
class BadInputTest {

  private static final String T1 = "2024-11-13T18:34:10.595141Z";

  @TempDir Path dir;

  private static String good(String id) {
    return event(id, "system:anonymous", "[\"203.0.113.7\"]", T1);
  }

  @Test
  void nonObjectEntries_countedAsSkipped() throws Exception {
    String message = good("a1").replace("\\", "\\\\").replace("\"", "\\\"");
    String entries = "{\n  \"events\": [\n    \"a string\",\n    42,\n    [1, 2],\n"
        + "    {\"logStreamName\": \"s\", \"timestamp\": 1731522851000, \"message\": \""
        + message + "\"}\n  ]\n}\n";
    String notArray = "{\"events\": {\"message\": \"x\"}}\n";

    Reads.Result listed = Reads.read(dir, "entries.json", entries);
    Reads.Result object = Reads.read(dir, "object.json", notArray);

    assertThat(listed.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1");
    assertThat(listed.report().skips().examples(SkipReason.NOT_AUDIT_EVENT))
        .extracting(SkipLog.Entry::detail)
        .containsExactly("a JSON string in the events array", "a JSON number in the events array",
            "a JSON array in the events array");
    assertThat(listed.report().skips().examples(SkipReason.NOT_AUDIT_EVENT))
        .extracting(entry -> entry.location().line()).containsExactly(3L, 4L, 5L);
    assertThat(object.report().skips().examples(SkipReason.NOT_AUDIT_EVENT))
        .extracting(SkipLog.Entry::detail).containsExactly("events is a JSON object, not an array");
  }

  @Test
  void wrapperKeysInAuditEvent_eventKept() throws Exception {
    // Keys a CloudWatch payload has, beside an audit event's own: no entries come with them, so
    // the object is the audit event and the keys are its fields.
    String[] extras = {"\"logStream\":\"kube-apiserver-audit-1\"", "\"logGroup\":null",
        "\"messageType\":\"DATA_MESSAGE\"", "\"logEvents\":[]", "\"events\":[]",
        "\"events\":\"x\"", "\"events\":null", "\"awslogs\":{}", "\"awslogs\":[]"};
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < extras.length; i++) {
      lines.append(good("w" + i).replaceFirst("\\{", "{" + extras[i] + ",")).append('\n');
    }

    Reads.Result result = Reads.read(dir, "extras.log", lines.toString());
    Reads.Result lambda = Reads.read(dir, "lambda.log", "{\"awslogs\":{}}\n");

    assertThat(result.events()).extracting(e -> e.auditIds().get(0))
        .containsExactly("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8");
    assertThat(result.report().skips().counts()).isEmpty();
    // Without an audit event around it, the same key is still reported.
    assertThat(lambda.report().skips().examples(SkipReason.NOT_AUDIT_EVENT))
        .extracting(SkipLog.Entry::detail).containsExactly("awslogs without data");
  }

  @Test
  void brokenEntryInIndentedDocument_restStillRead() throws Exception {
    // An entry whose message contains a raw line break gives two errors, because the string runs
    // on into the next entry. Reading must resume both times at the entries' indentation.
    StringBuilder text = new StringBuilder("{\n    \"events\": [\n");
    for (int i = 1; i <= 40; i++) {
      String message = good("e" + i).replace("\\", "\\\\").replace("\"", "\\\"");
      text.append(i == 1 ? "" : ",\n").append("        {\n            \"logStreamName\": \"s\",\n"
          + "            \"timestamp\": 1731522851000,\n            \"message\": \"")
          .append(message).append("\"\n        }");
      if (i == 20) {
        text.append(",\n        {\n            \"timestamp\": 1,\n            \"message\": \"abc\n"
            + "        },\n        {\n            \"x\": 1\",\n            \"eventId\": \"y\"\n"
            + "        }");
      }
    }
    text.append("\n    ],\n    \"searchedLogStreams\": [\n        {\n"
        + "            \"logStreamName\": \"s\",\n            \"searchedCompletely\": true\n"
        + "        }\n    ]\n}\n");

    Reads.Result result = Reads.read(dir, "broken.json", text.toString());

    assertThat(result.events()).hasSize(40);
    assertThat(result.report().problems()).isEmpty();
    assertThat(result.report().skips().counts()).containsOnlyKeys(SkipReason.INVALID_JSON);
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isEqualTo(2);
  }

  @Test
  void invalidUtf8InDocument_countedWithLine() throws Exception {
    String message = good("u1").replace("\\", "\\\\").replace("\"", "\\\"");
    byte[] text = ("{\n  \"events\": [\n    {\"logStreamName\": \"s\", \"timestamp\": 1, "
        + "\"message\": \"" + message + "\"}\n  ]\n}\n").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[text.length + 1];
    int at = new String(text, StandardCharsets.UTF_8).indexOf("203.0.113.7");
    System.arraycopy(text, 0, broken, 0, at);
    broken[at] = (byte) 0xff;
    System.arraycopy(text, at, broken, at + 1, text.length - at);

    Reads.Result result = Reads.read(dir, "utf8.json", broken);

    assertThat(result.events()).hasSize(1);
    assertThat(result.events().get(0).sourceIps()).containsExactly("\uFFFD203.0.113.7");
    assertThat(result.report().invalidUtf8Lines()).isEqualTo(1);
    assertThat(result.report().firstInvalidUtf8().toString()).isEqualTo(dir.resolve("utf8.json")
        + ":3");
  }

  @Test
  void invalidJsonLine_countedAndSkipped() throws Exception {
    String text = good("a1") + "\n{\"kind\":\"Event\",\"auditID\":\n" + good("a3") + "\n"
        + "{not json at all}\n" + good("a5") + "\n";

    Reads.Result result = Reads.read(dir, "bad.log", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0))
        .containsExactly("a1", "a3", "a5");
    SkipLog skips = result.report().skips();
    assertThat(skips.count(SkipReason.INVALID_JSON)).isEqualTo(2);
    assertThat(skips.examples(SkipReason.INVALID_JSON))
        .extracting(entry -> entry.location().toString())
        .containsExactly(dir.resolve("bad.log") + ":2", dir.resolve("bad.log") + ":4");
  }

  @Test
  void truncatedLine_countedAsTruncated() throws Exception {
    String cut = good("a2").substring(0, 120) + "[Truncated...]";
    String text = good("a1") + "\n" + cut + "\n" + good("a3") + "\n";

    Reads.Result result = Reads.read(dir, "cut.log", text);

    assertThat(result.events()).hasSize(2);
    assertThat(result.report().skips().count(SkipReason.TRUNCATED)).isEqualTo(1);
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isZero();
  }

  @Test
  void truncatedMessage_inFilterLogEvents() throws Exception {
    String cut = good("a2").substring(0, 200) + "[Truncated...]";
    String text = "{\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1731522851000,\"message\":"
        + quoted(cut) + ",\"eventId\":\"77\"},{\"logStreamName\":\"s\",\"timestamp\":"
        + "1731522851000,\"message\":" + quoted(good("a3")) + ",\"eventId\":\"78\"}]}";

    Reads.Result result = Reads.read(dir, "fle.json", text);

    assertThat(result.only().auditIds()).containsExactly("a3");
    SkipLog.Entry entry = result.report().skips().examples(SkipReason.TRUNCATED).get(0);
    assertThat(entry.location().stream()).isEqualTo("s");
    assertThat(entry.location().eventId()).isEqualTo("77");
    assertThat(entry.detail()).isEqualTo("only the first " + cut.length()
        + " characters of the event were delivered");
  }

  @Test
  void largeEventBetweenSmallOnes() throws Exception {
    String big = "{\"kind\":\"Event\",\"auditID\":\"big\",\"requestReceivedTimestamp\":\"" + T1
        + "\",\"requestObject\":{\"data\":\"" + "x".repeat(300 * 1024) + "\"}}";
    String text = good("a1") + "\n" + big + "\n" + good("a3") + "\n";

    Reads.Result result = Reads.read(dir, "big.log", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0))
        .containsExactly("a1", "big", "a3");
  }

  @Test
  void corruptGzipTail_keepsEarlierEvents() throws Exception {
    byte[] first = Reads.gzip(good("a1") + "\n" + good("a2") + "\n");
    byte[] second = Reads.gzip(good("a3") + "\n");
    byte[] damaged = Arrays.copyOf(second, second.length - 12);
    byte[] content = Reads.concat(first, damaged);

    Reads.Result result = Reads.read(dir, "damaged.gz", content);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a2");
    assertThat(result.report().problems()).hasSize(1);
    ReadReport.Problem problem = result.report().problems().get(0);
    // The whole damaged member was read before its end turned out to be missing.
    assertThat(problem.where()).isEqualTo(dir.resolve("damaged.gz") + " at byte " + content.length);
    assertThat(problem.message()).startsWith("corrupt or truncated gzip data in the member that "
        + "starts at byte " + first.length + " (the data ends inside the member)");
    assertThat(problem.failed()).isTrue();
  }

  @Test
  void invalidUtf8_readWithReplacement() throws Exception {
    byte[] prefix = ("{\"kind\":\"Event\",\"requestReceivedTimestamp\":\"" + T1
        + "\",\"userAgent\":\"bad").getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "agent\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = Reads.concat(prefix, new byte[] {(byte) 0xff, (byte) 0xc3}, suffix);

    Reads.Result result = Reads.read(dir, "latin.log", content);

    assertThat(result.only().userAgents()).containsExactly("bad\uFFFD\uFFFDagent");
    assertThat(result.report().invalidUtf8Lines()).isEqualTo(1);
    assertThat(result.report().firstInvalidUtf8().line()).isEqualTo(1);
  }

  @Test
  void emptyAndBlankFiles_readNothing() throws Exception {
    assertThat(Reads.read(dir, "empty.log", "").events()).isEmpty();
    Reads.Result blank = Reads.read(dir, "blank.log", "\n\n  \r\n");
    assertThat(blank.events()).isEmpty();
    assertThat(blank.report().skips().total()).isZero();
    assertThat(blank.report().problems()).isEmpty();
  }

  @Test
  void binaryFile_skippedWithProblem() throws Exception {
    byte[] content = new byte[4096];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }

    Reads.Result result = Reads.read(dir, "image.png", content);

    assertThat(result.events()).isEmpty();
    assertThat(result.report().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("binary"));
    assertThat(result.report().failed()).isFalse();
  }

  @Test
  void strayNulInJsonLines() throws Exception {
    String text = good("a1") + "\n" + good("a2").replace("203.0.113.7", "203.0.\u0000113.7")
        + "\n" + good("a3") + "\n";
    // Mostly NUL bytes, though starting as JSON: UTF-16 text, for one, which is not read.
    String wide = "{" + "\u0000x".repeat(200) + "}\n";

    Reads.Result result = Reads.read(dir, "audit.log", text);
    Reads.Result utf16 = Reads.read(dir, "wide.log", wide);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a3");
    assertThat(result.report().skips().examples(SkipReason.INVALID_JSON))
        .extracting(entry -> entry.location().line()).containsExactly(2L);
    assertThat(result.report().problems()).isEmpty();
    assertThat(utf16.report().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("binary"));
  }

  /**
   * Events back to back in one message are read as on one line, and text after an event is
   * reported while the event still counts, in a document as in a log of lines.
   */
  @Test
  void eventsBackToBackInMessage() throws Exception {
    List<String> texts = List.of(good("a1") + good("a2"), good("a3") + " trailing");
    StringBuilder entries = new StringBuilder("{\"events\": [\n");
    for (int i = 0; i < texts.size(); i++) {
      String message = texts.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
      entries.append(i == 0 ? "" : ",\n").append("  {\"logStreamName\": \"s\", \"timestamp\": ")
          .append(1_731_522_851_000L + i).append(", \"message\": \"").append(message)
          .append("\", \"eventId\": \"e").append(i).append("\"}");
    }
    entries.append("\n]}\n");

    Reads.Result lines = Reads.read(dir, "audit.log", String.join("\n", texts) + "\n");
    Reads.Result document = Reads.read(dir, "events.json", entries.toString());

    for (Reads.Result result : List.of(lines, document)) {
      assertThat(result.events()).extracting(e -> e.auditIds().get(0))
          .containsExactly("a1", "a2", "a3");
      assertThat(result.report().skips().examples(SkipReason.INVALID_JSON)).hasSize(1);
    }
  }

  @Test
  void unreadableInput_isFailedProblem() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("not-a-file"));

    Reads.Result result = Reads.read(folder, null);

    assertThat(result.events()).isEmpty();
    assertThat(result.report().failed()).isTrue();
    assertThat(result.report().problems().get(0).message()).startsWith("cannot be read");
  }

  @Test
  void notAnAuditEvent_counted() throws Exception {
    String text = "{\"kind\": 0}\n{\"log\":{\"kind\":\"Event\"}}\n\"just a string\"\n";

    Reads.Result result = Reads.read(dir, "other.json", text);

    assertThat(result.events()).isEmpty();
    assertThat(result.report().skips().count(SkipReason.NOT_AUDIT_EVENT)).isEqualTo(3);
  }

  @Test
  void deeplyNestedJson_invalidNotCrash() throws Exception {
    String text = "{\"kind\":\"Event\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n"
        + good("a2") + "\n";

    Reads.Result result = Reads.read(dir, "deep.log", text);

    assertThat(result.only().auditIds()).containsExactly("a2");
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isEqualTo(1);
  }

  @Test
  void nullsEverywhere_noValues() throws Exception {
    String text = "{\"kind\":\"Event\",\"auditID\":null,\"stage\":null,\"user\":null,"
        + "\"sourceIPs\":null,\"userAgent\":null,\"verb\":null,\"requestURI\":null,"
        + "\"responseStatus\":null,\"requestReceivedTimestamp\":null,\"stageTimestamp\":\"" + T1
        + "\",\"metadata\":null,\"annotations\":null}\n"
        + "{\"kind\":\"Event\",\"user\":{\"username\":null,\"groups\":[null]},"
        + "\"stageTimestamp\":\"" + T1 + "\"}\n";

    Reads.Result result = Reads.read(dir, "nulls.log", text);

    assertThat(result.events()).hasSize(2);
    AuditEvent event = result.events().get(0);
    assertThat(event.usernames()).isEmpty();
    assertThat(event.sourceIps()).isEmpty();
    assertThat(event.codes()).isEmpty();
    assertThat(result.events().get(1).groups()).isEmpty();
  }

  @Test
  void crlfAndBom_readAsPlainLines() throws Exception {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body = (good("a1") + "\r\n" + good("a2") + "\r\n").getBytes(StandardCharsets.UTF_8);

    Reads.Result result = Reads.read(dir, "windows.log", Reads.concat(bom, body));

    assertThat(result.events()).hasSize(2);
    assertThat(result.report().skips().total()).isZero();
  }

  /**
   * Reading resumes at the next object after a broken one, and the lines after it are counted as
   * the parser counts them, lone carriage returns included.
   */
  @Test
  void brokenObjectInDocument_resumesAtNextObject() throws Exception {
    // Lines 2 to 5 end in \n, or in \r (the fifth in \r\n, one line end) as an editor shows them.
    for (String end : List.of("\n", "\r")) {
      String fifthEnd = end.equals("\r") ? "\r\n" : "\n";
      String text = "{\n  \"kind\": \"Event\"," + end + "  \"auditID\": \"a1\"," + end
          + "  \"requestReceivedTimestamp\": \"" + T1 + "\"" + end + "}" + fifthEnd
          + "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a2\" \"oops\",\n}\n"
          + "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a3\",\n"
          + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}\n";

      Reads.Result result = Reads.read(dir, "pretty.json", text);

      assertThat(result.events()).extracting(e -> e.auditIds().get(0))
          .containsExactly("a1", "a3");
      assertThat(result.events().get(1).location().line()).as(end).isEqualTo(10);
      SkipLog.Entry entry = result.report().skips().examples(SkipReason.INVALID_JSON).get(0);
      assertThat(entry.location().line()).as(end).isEqualTo(8);
    }
  }

  @Test
  void limitErrorInDocument_noEventReadTwice() throws Exception {
    String deep = "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
    String text = "{\n\"kind\":\"Event\"}\n" + good("a1") + "\n" + good("a2") + "\n"
        + good("a3") + "\n" + deep + "\n";

    Reads.Result result = Reads.read(dir, "limits.json", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0))
        .containsExactly("a1", "a2", "a3");
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isEqualTo(1);
    assertThat(result.report().skips().examples(SkipReason.INVALID_JSON).get(0).location()
        .line()).isEqualTo(6);
    assertThat(result.report().skips().count(SkipReason.NO_TIMESTAMP)).isEqualTo(1);
  }

  @Test
  void cutFirstLine_nextLineStillRead() throws Exception {
    String text = "{\"a\":1,\n" + good("a2") + "\n" + good("a3") + "\n";

    Reads.Result result = Reads.read(dir, "cut-first.log", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a2", "a3");
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isEqualTo(1);
    assertThat(result.report().failed()).isFalse();
  }

  @Test
  void badElementOfIndentedArray_laterElementsRead() throws Exception {
    String text = "[\n  " + good("a1") + ",\n  {\"kind\":\"Event\" \"x\":1},\n  " + good("a3")
        + ",\n  " + good("a4") + "\n]\n";

    Reads.Result result = Reads.read(dir, "array.json", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0))
        .containsExactly("a1", "a3", "a4");
    assertThat(result.report().skips().total()).isEqualTo(1);
    assertThat(result.report().problems()).isEmpty();
  }

  @Test
  void badFilterLogEventsEntry_laterStreamsKept() throws Exception {
    String text = "{\n  \"events\": [\n"
        + "    {\"logStreamName\": \"s1\", \"timestamp\": 1731522851000, \"message\": "
        + quoted(good("a1")) + ", \"eventId\": \"1\"},\n"
        + "    {\"logStreamName\": \"s1\", \"timestamp\": 1731522851000 x},\n"
        + "    {\"logStreamName\": \"s2\", \"timestamp\": 1731522852000, \"message\": "
        + quoted(good("a3")) + ", \"eventId\": \"3\"}\n"
        + "  ],\n  \"searchedLogStreams\": [],\n  \"nextToken\": \"abc\"\n}\n";

    Reads.Result result = Reads.read(dir, "fle.json", text);

    assertThat(result.events()).extracting(AuditEvent::source).containsExactly("s1", "s2");
    assertThat(result.events().get(1).timeMicros()).isEqualTo(1731522852000000L);
    assertThat(result.events().get(1).location().eventId()).isEqualTo("3");
    assertThat(result.report().skips().total()).isEqualTo(1);
  }

  @Test
  void badFirehosePayload_nextPayloadRead() throws Exception {
    String first = payload("/aws/eks/c/cluster", "a1");
    String broken = payload("/aws/eks/c/cluster", "a2");
    String third = payload("/aws/eks/d/cluster", "a3");
    byte[] content = Reads.concat(Reads.gzip(first),
        Reads.gzip(broken.substring(0, broken.length() / 2)), Reads.gzip(third));

    Reads.Result result = Reads.read(dir, "firehose", content);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a3");
    assertThat(result.events().get(1).cluster()).isEqualTo("d");
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isEqualTo(1);
  }

  private static String payload(String logGroup, String auditId) {
    return "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"" + logGroup + "\","
        + "\"logStream\":\"kube-apiserver-audit-1\",\"logEvents\":[{\"id\":\"" + auditId
        + "\",\"timestamp\":1731522851000,\"message\":" + quoted(good(auditId)) + "}]}";
  }

  @Test
  void byteOrderMark_documentAndCsv() throws Exception {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] array = ("[" + good("a1") + "]\n").getBytes(StandardCharsets.UTF_8);
    byte[] csv = ("@timestamp,@message\r\n2024-11-13 18:34:11.000,\""
        + good("a2").replace("\"", "\"\"") + "\"\r\n").getBytes(StandardCharsets.UTF_8);

    Reads.Result fromArray = Reads.read(dir, "bom.json", Reads.concat(bom, array));
    Reads.Result fromCsv = Reads.read(dir, "bom.csv", Reads.concat(bom, csv));

    assertThat(fromArray.only().auditIds()).containsExactly("a1");
    assertThat(fromCsv.only().timeMicros()).isEqualTo(1731522851000000L);
  }

  @Test
  void truncatedFirstLine_countedAsTruncated() throws Exception {
    String text = good("a1").substring(0, 150) + "[Truncated...]\n" + good("a2") + "\n";

    Reads.Result result = Reads.read(dir, "first-cut.log", text);

    assertThat(result.only().auditIds()).containsExactly("a2");
    assertThat(result.report().skips().count(SkipReason.TRUNCATED)).isEqualTo(1);
  }

  @Test
  void truncatedGzip_keepsEveryCompleteLine() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append(event("id-" + i, "system:anonymous", "[\"10.0." + (i % 250) + ".1\"]", T1))
          .append('\n');
    }
    byte[] whole = Reads.gzip(text.toString());
    byte[] small = Reads.gzip(good("a1") + "\n" + good("a2") + "\n" + good("a3") + "\n");

    for (byte[] cut : List.of(Arrays.copyOf(whole, whole.length / 2),
        Arrays.copyOf(whole, whole.length / 3 + 7), Arrays.copyOf(whole, whole.length - 4),
        Arrays.copyOf(small, small.length - 30))) {
      int recoverable = completeLinesInflatable(cut);
      Reads.Result result = Reads.read(dir, "cut-" + cut.length + ".gz", cut);

      assertThat(result.events()).as("cut at %d", cut.length).hasSize(recoverable);
      assertThat(result.report().failed()).isTrue();
      assertThat(result.report().problems().get(0).message())
          .contains("member that starts at byte 0");
    }
    // The cuts keep some lines and lose some.
    assertThat(completeLinesInflatable(Arrays.copyOf(whole, whole.length / 2))).isBetween(1, 1999);
    assertThat(completeLinesInflatable(Arrays.copyOf(whole, whole.length - 4))).isEqualTo(2000);
  }

  @Test
  void gzipCutEarly_isFailed() throws Exception {
    byte[] whole = Reads.gzip(good("a1") + "\n" + good("a2") + "\n");
    byte[] cut = Arrays.copyOf(whole, 40);

    Reads.Result result = Reads.read(dir, "cut.gz", cut);

    assertThat(result.events()).isEmpty();
    assertThat(result.report().failed()).isTrue();
    assertThat(result.report().problems().get(0).where()).isEqualTo(dir.resolve("cut.gz")
        + " at byte 40");
  }

  @Test
  void documentCutAtTheEnd_isFailed() throws Exception {
    String text = "[\n" + good("a1") + ",\n" + good("a2").substring(0, 90);

    Reads.Result result = Reads.read(dir, "cut.json", text);

    assertThat(result.only().auditIds()).containsExactly("a1");
    assertThat(result.report().failed()).isTrue();
    assertThat(result.report().problems().get(0).message())
        .isEqualTo("the JSON document ends inside a value, so the file looks truncated");
  }

  /** Counts the complete lines that java.util.zip can inflate from a cut gzip stream. */
  private static int completeLinesInflatable(byte[] gzip) throws Exception {
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    inflater.setInput(gzip, 10, gzip.length - 10);
    byte[] out = new byte[1 << 16];
    int newlines = 0;
    int produced;
    while ((produced = inflater.inflate(out)) > 0) {
      for (int i = 0; i < produced; i++) {
        newlines += out[i] == '\n' ? 1 : 0;
      }
    }
    return newlines;
  }

  @Test
  void blockScanner_oversizedLastLineCountedOnce() throws Exception {
    byte[] content = "short\n0123456789ABCDEFGHIJ\n".getBytes(StandardCharsets.UTF_8);
    BlockScanner scanner = new BlockScanner(new ByteArrayInputStream(content), null, 16, 8);
    StringBuilder seen = new StringBuilder();

    scanner.scan(new BlockScanner.LineHandler() {
      @Override
      public void line(byte[] bytes, int start, int length, long number) {
        seen.append(number).append('=')
            .append(new String(bytes, start, length, StandardCharsets.UTF_8)).append(';');
      }

      @Override
      public void oversized(long number) {
        seen.append(number).append("=<oversized>;");
      }
    });

    assertThat(seen).hasToString("1=short;2=<oversized>;");
    assertThat(scanner.lines()).isEqualTo(2);
  }

  @Test
  void namedPipe_readLikeStandardInput() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("mkfifo is not available: " + e.getMessage());
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(fifo, good("a1") + "\n" + good("a2") + "\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();

    Reads.Result result = Reads.read(fifo, null);
    writer.join(10_000);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a2");
    assertThat(result.report().problems()).isEmpty();
  }

  @Test
  void lineSplitter_oversizedLineSkipped() throws Exception {
    byte[] content = "short\n0123456789ABCDEFGHIJ\nnext\nlast".getBytes(StandardCharsets.UTF_8);
    LineSplitter lines = new LineSplitter(new ByteArrayInputStream(content), 16);

    StringBuilder seen = new StringBuilder();
    while (lines.next()) {
      String text = lines.oversized() ? "<oversized>"
          : new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8);
      seen.append(lines.lineNumber()).append('=').append(text).append(';');
    }

    assertThat(seen).hasToString("1=short;2=<oversized>;3=next;4=last;");
  }
}
