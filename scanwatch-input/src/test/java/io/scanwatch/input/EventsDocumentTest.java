package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large {@code filter-log-events} document split between entries reads, piece by piece, as the
 * whole document does: the same events in the same order and the same skipped entries at the
 * same lines.
 */
class EventsDocumentTest {

  private static final int ENTRIES = 24_000;
  private static final long MIN_PART = 4L << 20;

  @TempDir Path dir;

  @Test
  void cliLayout_piecesReadAsWhole() throws Exception {
    Path file = dir.resolve("events.json");
    Files.writeString(file, document(true), StandardCharsets.UTF_8);

    assertPiecesReadAsWhole(file);
  }

  @Test
  void oneEntryPerLine_piecesReadAsWhole() throws Exception {
    Path file = dir.resolve("events-lines.json");
    Files.writeString(file, document(false), StandardCharsets.UTF_8);

    assertPiecesReadAsWhole(file);
  }

  @Test
  void splitAfterEvents_wholeReadRequired() throws Exception {
    // Few events, then many searchedLogStreams objects that look like entries, so that the
    // split lands after the events array.
    StringBuilder text = new StringBuilder();
    String whole = document(true);
    String events = whole.substring(0, whole.indexOf("        {", whole.length() / 20));
    text.append(events, 0, events.lastIndexOf(",\n")).append("\n    ],\n")
        .append("    \"searchedLogStreams\": [\n");
    text.append(entries(firstEntry(whole))).append("\n    ]\n}\n");
    Path file = dir.resolve("after.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    assertThat(piecesRequiringWholeRead(file)).isPositive();
  }

  @Test
  void splitInSecondRoot_wholeReadRequired() throws Exception {
    // One short events document, then a second root whose array contains entry-like objects, so
    // that the split lands in an array that is not an events array.
    String entry = firstEntry(document(true));
    String text = "{\n    \"events\": [\n" + entry + "\n    ]\n}\n{\n    \"other\": [\n"
        + entries(entry) + "\n    ]\n}\n";
    Path file = dir.resolve("second-root.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    assertThat(piecesRequiringWholeRead(file)).isPositive();
  }

  @Test
  void splitInsideEntry_wholeReadRequired() throws Exception {
    // Every entry contains an array whose objects start lines at the entries' own indentation,
    // the second after a comma and with a timestamp, as an entry would.
    String nested = "\"extra\": [\n        {\"a\": 1},\n        {\"timestamp\": 5}\n"
        + "            ],\n            \"logStreamName\"";
    String text = document(true).replace("\"logStreamName\"", nested);
    Path file = dir.resolve("nested.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    assertThat(piecesRequiringWholeRead(file)).isPositive();
  }

  /** Returns the first entry of a document in the AWS CLI's layout, as its lines stand. */
  private static String firstEntry(String document) {
    return document.substring(document.indexOf("        {"), document.indexOf("        },") + 9);
  }

  /** Returns {@link #ENTRIES} copies of {@code entry}, separated as in an array. */
  private static String entries(String entry) {
    return String.join(",\n", java.util.Collections.nCopies(ENTRIES, entry));
  }

  private static long piecesRequiringWholeRead(Path file) throws Exception {
    AuditLogReader reader = new AuditLogReader(null);
    List<Long> offsets = reader.splitAtLines(InputSource.file(file), 3, MIN_PART);
    assertThat(offsets).hasSizeGreaterThan(2);
    long asking = 0;
    for (int i = 0; i + 1 < offsets.size(); i++) {
      ReadReport part = new ReadReport();
      reader.readRange(InputSource.file(file), offsets.get(i), offsets.get(i + 1), event -> { },
          part);
      asking += part.readAgainWhole() ? 1 : 0;
    }
    return asking;
  }

  @Test
  void compactDocument_notSplit() throws Exception {
    Path file = dir.resolve("compact.json");
    Files.writeString(file, document(false).replace("\n", ""), StandardCharsets.UTF_8);

    assertThat(new AuditLogReader(null).splitAtLines(InputSource.file(file), 3, MIN_PART))
        .isEmpty();
  }

  private static void assertPiecesReadAsWhole(Path file) throws Exception {
    AuditLogReader reader = new AuditLogReader(null);
    List<Long> offsets = reader.splitAtLines(InputSource.file(file), 3, MIN_PART);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(offsets).hasSize(4);
    for (int i = 1; i < offsets.size() - 1; i++) {
      assertThat((char) bytes[offsets.get(i).intValue()]).isEqualTo(',');
    }

    List<AuditEvent> whole = new ArrayList<>();
    ReadReport wholeReport = new ReadReport();
    reader.read(InputSource.file(file), whole::add, wholeReport);
    List<AuditEvent> pieces = new ArrayList<>();
    ReadReport piecesReport = new ReadReport();
    for (int i = 0; i + 1 < offsets.size(); i++) {
      ReadReport part = new ReadReport();
      reader.readRange(InputSource.file(file), offsets.get(i), offsets.get(i + 1), pieces::add,
          part);
      piecesReport.merge(part, file.toString(), 0);
    }

    // Entries 5000, 10000 and so on have a message that is cut short, invalid JSON.
    assertThat(whole).hasSize(ENTRIES - ENTRIES / 5000);
    assertThat(ids(pieces)).isEqualTo(ids(whole));
    assertThat(piecesReport.skips().counts()).isEqualTo(wholeReport.skips().counts());
    assertThat(piecesReport.skips().count(SkipReason.INVALID_JSON)).isEqualTo(ENTRIES / 5000);
    assertThat(piecesReport.skips().examples(SkipReason.INVALID_JSON))
        .isEqualTo(wholeReport.skips().examples(SkipReason.INVALID_JSON));
    assertThat(piecesReport.problems()).isEmpty();
    assertThat(piecesReport.bytesRead()).isEqualTo(bytes.length);
    // Invalid JSON in a piece always sends the file back to one whole read.
    assertThat(piecesReport.readAgainWhole()).isTrue();
  }

  private static List<String> ids(List<AuditEvent> events) {
    List<String> ids = new ArrayList<>();
    events.forEach(event -> ids.add(event.auditIds().get(0)));
    return ids;
  }

  /**
   * Returns a document of {@link #ENTRIES} entries, each entry over several lines as the AWS CLI
   * writes it, or on one line.
   */
  private static String document(boolean cliLayout) {
    StringBuilder text = new StringBuilder("{\n    \"events\": [\n");
    String padding = "x".repeat(300);
    for (int i = 1; i <= ENTRIES; i++) {
      String user = i % 10 == 0 ? "system:anonymous" : "kubelet";
      String message = i % 5000 == 0 ? "{\\\"kind\\\":\\\"Event\\\",\\\"auditID\\\":"
          : "{\\\"kind\\\":\\\"Event\\\",\\\"auditID\\\":\\\"id-" + i + "\\\",\\\"user\\\":"
              + "{\\\"username\\\":\\\"" + user + "\\\"},\\\"sourceIPs\\\":[\\\"10.0.0.1\\\"],"
              + "\\\"requestURI\\\":\\\"/" + padding + "\\\",\\\"requestReceivedTimestamp\\\":"
              + "\\\"2024-11-13T18:34:10Z\\\"}";
      String separator = cliLayout ? "\n            " : " ";
      text.append("        {").append(separator)
          .append("\"logStreamName\": \"kube-apiserver-audit-1\",").append(separator)
          .append("\"timestamp\": ").append(1731522851000L + i).append(',').append(separator)
          .append("\"message\": \"").append(message).append("\",").append(separator)
          .append("\"eventId\": \"e").append(i).append('"')
          .append(cliLayout ? "\n        }" : "}")
          .append(i < ENTRIES ? ",\n" : "\n");
    }
    text.append("    ],\n    \"searchedLogStreams\": [\n        {\n")
        .append("            \"logStreamName\": \"kube-apiserver-audit-1\",\n")
        .append("            \"searchedCompletely\": true\n        }\n    ]\n}\n");
    return text.toString();
  }
}
