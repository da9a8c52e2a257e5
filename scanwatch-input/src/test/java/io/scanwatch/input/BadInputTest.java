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
  void invalidJsonLine_countedWithLineAndReadingGoesOn() throws Exception {
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
  void corruptGzipTail_keepsEarlierEventsAndReportsOffset() throws Exception {
    byte[] first = Reads.gzip(good("a1") + "\n" + good("a2") + "\n");
    byte[] second = Reads.gzip(good("a3") + "\n");
    byte[] damaged = Arrays.copyOf(second, second.length - 12);
    byte[] content = Reads.concat(first, damaged);

    Reads.Result result = Reads.read(dir, "damaged.gz", content);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a2");
    assertThat(result.report().problems()).hasSize(1);
    ReadReport.Problem problem = result.report().problems().get(0);
    assertThat(problem.where()).isEqualTo(dir.resolve("damaged.gz") + " at byte " + first.length);
    assertThat(problem.message()).startsWith("corrupt gzip member");
    assertThat(problem.failed()).isFalse();
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

  @Test
  void brokenObjectInDocument_resumesAtNextObject() throws Exception {
    String text = "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a1\",\n"
        + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}\n"
        + "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a2\" \"oops\",\n}\n"
        + "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a3\",\n"
        + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}\n";

    Reads.Result result = Reads.read(dir, "pretty.json", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a3");
    assertThat(result.events().get(1).location().line()).isEqualTo(10);
    SkipLog.Entry entry = result.report().skips().examples(SkipReason.INVALID_JSON).get(0);
    assertThat(entry.location().line()).isEqualTo(8);
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
