package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.event.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads Kubernetes audit events from files in any of the shapes EKS and the AWS tools write, and
 * hands each event on. The shape is recognised from the content: gzip by its magic bytes, then
 * one of
 *
 * <ul>
 *   <li>lines: bare events, CloudWatch export lines ({@code <time> <event>}), {@code aws logs
 *       tail} lines ({@code <time> <stream> <event>}), lines with another prefix before the event,
 *       and wrappers (subscription payloads, Lambda events) one or more a line;
 *   <li>a JSON document: an array of events, pretty-printed events, or a {@code
 *       filter-log-events} document, read as a stream so a large document is never held whole;
 *   <li>a CloudWatch Logs Insights CSV export.
 * </ul>
 *
 * <p>Bad input never stops a file: each bad record is counted in the {@link ReadReport} with its
 * location and reading goes on. Only an I/O error or a corrupt compressed stream ends a file
 * early, and that is reported with the byte offset; events before it are kept. Not thread-safe;
 * use one reader per thread.
 */
public final class AuditLogReader {

  /** Maximum line length in bytes; a longer line is counted as invalid and skipped. */
  public static final int MAX_LINE_BYTES = 64 << 20;

  private static final int SNIFF_BYTES = 1 << 20;

  /** Characters after a document's last error that may be closing brackets, not records. */
  private static final int UNREAD_TAIL_TOLERANCE = 64;

  private final String defaultCluster;
  private final JsonFactory factory;
  private final JsonRecordReader records;

  /**
   * @param defaultCluster the cluster name for events whose input names no EKS log group, or null
   */
  public AuditLogReader(String defaultCluster) {
    this.defaultCluster = defaultCluster;
    // A string may be as long as the longest line read, so that a valid line is never rejected
    // for one long value; nesting stays at Jackson's default limit of 1000 levels.
    this.factory =
        JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_LINE_BYTES).build())
            .build();
    this.factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    this.records = new JsonRecordReader(factory);
  }

  /** Reads one input to its end, passing every audit event to {@code events}. */
  public void read(InputSource source, Consumer<AuditEvent> events, ReadReport report) {
    ReportingSink sink = new ReportingSink(events, report);
    Origin origin = new Origin(source.name(), defaultCluster, Timestamps.INVALID);
    CountingInputStream counted = null;
    try (InputStream raw = source.open()) {
      counted = new CountingInputStream(raw, report);
      InputStream content = Decompression.decode(counted);
      readContent(content, source.name(), origin, sink, report);
    } catch (IOException e) {
      report.addProblem(problemOf(source, counted, e));
    } finally {
      report.fileDone();
    }
  }

  private static ReadReport.Problem problemOf(
      InputSource source, CountingInputStream counted, IOException error) {
    if (counted == null) {
      return new ReadReport.Problem(
          source.name(), "cannot be read: " + InputPaths.describe(error), true);
    }
    if (counted.failed() && counted.count() == 0) {
      return new ReadReport.Problem(
          source.name(), "cannot be read: " + InputPaths.describe(error), true);
    }
    if (counted.failed()) {
      return new ReadReport.Problem(
          source.name() + " at byte " + counted.count(),
          "read failed: " + InputPaths.describe(error) + "; the events before it were kept",
          true);
    }
    if (error instanceof GzipMembersInputStream.CorruptMemberException corrupt) {
      return new ReadReport.Problem(
          source.name() + " at byte " + corrupt.failedAt(),
          "corrupt or truncated gzip data in the member that starts at byte " + corrupt.offset()
              + " (" + corrupt.getMessage() + "); the events before it were kept",
          true);
    }
    return new ReadReport.Problem(
        source.name() + " at byte " + counted.count(),
        "read failed: " + InputPaths.describe(error) + "; the events before it were kept",
        true);
  }

  private void readContent(
      InputStream content, String name, Origin origin, ReportingSink sink, ReadReport report)
      throws IOException {
    // A corrupt stream can fail inside the first megabyte; what was decoded before the error is
    // still read, and the error is raised again where the head ends.
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    IOException headError = null;
    try {
      byte[] chunk = new byte[8192];
      int read;
      while (headBytes.size() < SNIFF_BYTES
          && (read = content.read(chunk, 0, Math.min(chunk.length,
              SNIFF_BYTES - headBytes.size()))) >= 0) {
        headBytes.write(chunk, 0, read);
      }
    } catch (IOException e) {
      headError = e;
    }
    byte[] head = headBytes.toByteArray();
    InputStream rest = headError == null ? content : new FailingInputStream(headError);
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    switch (Shapes.sniff(head, factory)) {
      case EMPTY -> {}
      case BINARY -> report.addProblem(new ReadReport.Problem(
          name, "skipped: binary content (NUL bytes), not an audit log", false));
      case DOCUMENT -> readDocument(whole, name, origin, sink, report);
      case CSV -> readCsv(whole, name, origin, sink);
      case LINES -> readLines(whole, name, origin, sink, report);
    }
  }

  private void readLines(
      InputStream in, String name, Origin origin, ReportingSink sink, ReadReport report)
      throws IOException {
    LineSplitter lines = new LineSplitter(in, MAX_LINE_BYTES);
    LineRecordReader lineReader = new LineRecordReader(factory, records, report);
    while (lines.next()) {
      Location location = Location.ofLine(name, lines.lineNumber());
      if (lines.oversized()) {
        sink.skip(SkipReason.INVALID_JSON, location,
            "line longer than " + MAX_LINE_BYTES + " bytes, skipped");
        continue;
      }
      lineReader.readLine(lines.buffer(), lines.start(), lines.length(), origin, location, sink);
    }
  }

  private void readDocument(InputStream in, String name, Origin origin, ReportingSink sink,
      ReadReport report) throws IOException {
    RecoveringReader reader =
        new RecoveringReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    skipByteOrderMark(reader);
    long baseLine = 1;
    boolean resumed = false;
    while (true) {
      long baseChar = reader.position();
      JsonParser parser = factory.createParser(resumed ? new ResumedReader(reader) : reader);
      try (parser) {
        records.readRoots(parser, origin, Location.ofLine(name, baseLine), sink, resumed);
        return;
      } catch (JsonProcessingException e) {
        // Limit errors (nesting, number or string length) carry no location; the parser's own
        // position is where it stopped.
        JsonLocation where = e.getLocation() != null && e.getLocation().getCharOffset() >= 0
            ? e.getLocation() : parser.currentLocation();
        long errorLine = baseLine + Math.max(0, where.getLineNr() - 1);
        long errorChar = baseChar + Math.max(0, where.getCharOffset());
        sink.skip(SkipReason.INVALID_JSON, Location.ofLine(name, errorLine),
            JsonErrors.describe(e));
        int indent = Math.max(0, records.recordColumn() - 1);
        baseLine = reader.skipToNextRecord(errorChar, baseChar + 1, indent);
        if (baseLine < 0) {
          long unread = reader.position() - errorChar;
          if (unread > UNREAD_TAIL_TOLERANCE) {
            report.addProblem(new ReadReport.Problem(name + ":" + errorLine,
                "invalid JSON, and no record starts on a later line, so the last " + unread
                    + " characters were not read", true));
          }
          return;
        }
        resumed = true;
      }
    }
  }

  private static void skipByteOrderMark(RecoveringReader reader) throws IOException {
    char[] first = new char[1];
    if (reader.read(first, 0, 1) == 1 && first[0] != '\uFEFF') {
      reader.unread();
    }
  }

  private void readCsv(InputStream in, String name, Origin origin, ReportingSink sink)
      throws IOException {
    LineSplitter lines = new LineSplitter(in, MAX_LINE_BYTES);
    CsvRecords csv = new CsvRecords();
    InsightsColumns columns = null;
    long recordLine = 1;
    while (lines.next()) {
      String text = new String(lines.buffer(), lines.start(), lines.length(),
          StandardCharsets.UTF_8);
      if (lines.lineNumber() == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      java.util.List<String> fields = csv.add(text);
      if (fields == null) {
        continue;
      }
      Location location = Location.ofLine(name, recordLine);
      recordLine = lines.lineNumber() + 1;
      if (columns == null) {
        columns = InsightsColumns.of(fields);
        continue;
      }
      columns.read(fields, records, origin, location, sink);
    }
    if (csv.unfinished()) {
      sink.skip(SkipReason.INVALID_JSON, Location.ofLine(name, recordLine),
          "CSV record with an unclosed quote at the end of the file");
    }
  }

  /** A stream whose first read throws an error that happened earlier. */
  private static final class FailingInputStream extends InputStream {
    private final IOException error;

    FailingInputStream(IOException error) {
      this.error = error;
    }

    @Override
    public int read() throws IOException {
      throw error;
    }
  }

  /** Counts events and skips into the report before passing events on. */
  private static final class ReportingSink implements RecordSink {
    private final Consumer<AuditEvent> events;
    private final ReadReport report;

    ReportingSink(Consumer<AuditEvent> events, ReadReport report) {
      this.events = events;
      this.report = report;
    }

    @Override
    public void accept(AuditEvent event) {
      report.addEvent();
      events.accept(event);
    }

    @Override
    public void skip(SkipReason reason, Location location, String detail) {
      report.skips().record(reason, location, detail);
    }
  }
}
