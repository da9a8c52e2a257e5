package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.event.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * early. It is reported with the byte offset, and the events before it are kept. A reader is not
 * thread-safe, so use one per thread.
 */
public final class AuditLogReader {

  /** Maximum line length in bytes; a longer line is counted as invalid and skipped. */
  public static final int MAX_LINE_BYTES = 64 << 20;

  private static final int SNIFF_BYTES = 1 << 20;

  /** Characters after a document's last error that may be closing brackets, not records. */
  private static final int UNREAD_TAIL_TOLERANCE = 64;

  private final String defaultCluster;
  private final Prefilter prefilter;
  private boolean keepRaw;
  private final JsonFactory factory;
  private final JsonRecordReader records;
  private boolean elideMessages = true;

  /**
   * Creates a reader that parses every record.
   *
   * @param defaultCluster the cluster name for events whose input names no EKS log group, or null
   */
  public AuditLogReader(String defaultCluster) {
    this(defaultCluster, false);
  }

  /**
   * Creates a reader.
   *
   * @param defaultCluster the cluster name for events whose input names no EKS log group, or null
   * @param prefilter whether line-oriented inputs pass only the lines that can hold an event the
   *     parity detection keeps (see {@link Prefilter}); the others are counted but not parsed, so
   *     they give no events and no skip counts
   */
  public AuditLogReader(String defaultCluster, boolean prefilter) {
    this(defaultCluster, prefilter ? Prefilter.PARITY : null);
  }

  /**
   * Creates a reader whose line-oriented inputs pass only the lines that can contain {@code
   * literal} (ignoring ASCII case, in any JSON spelling), for a search that needs it.
   *
   * @throws IllegalArgumentException unless {@link #canPrefilter} accepts the literal
   */
  public AuditLogReader(String defaultCluster, String literal) {
    this(defaultCluster, requireLiteral(literal));
  }

  /**
   * Returns a reader whose prefilter passes the lines that can contain an unauthenticated event, as
   * the robust detection defines it: those that can name {@code system:anonymous} and those with
   * the digits {@code 401} anywhere, since an event without a user counts when its code is 401.
   */
  public static AuditLogReader unauthenticated(String defaultCluster) {
    return new AuditLogReader(defaultCluster, Prefilter.UNAUTHENTICATED);
  }

  /** Tests whether a search's literal can drive the byte prefilter. */
  public static boolean canPrefilter(String literal) {
    return Prefilter.forLiteral(literal) != null;
  }

  private static Prefilter requireLiteral(String literal) {
    Prefilter prefilter = Prefilter.forLiteral(literal);
    if (prefilter == null) {
      throw new IllegalArgumentException("cannot prefilter on '" + literal
          + "': it needs 2 or more letters, digits or : . - _ @ and spaces");
    }
    return prefilter;
  }

  AuditLogReader(String defaultCluster, Prefilter prefilter) {
    this.defaultCluster = defaultCluster;
    this.prefilter = prefilter;
    // A string may be as long as the longest line read, so a valid line is never rejected for
    // one long value. Nesting stays at Jackson's default limit of 1000 levels.
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

  /**
   * Makes documents reach the JSON parser whole, without writing the messages the prefilter rules
   * out as empty strings; for tests that compare both ways.
   */
  AuditLogReader withoutMessageElision() {
    this.elideMessages = false;
    return this;
  }

  /**
   * Makes every event keep its JSON text in {@link AuditEvent#raw}, for searches that read any
   * field. Costs a copy of each event's text.
   */
  public AuditLogReader keepingRawText() {
    this.keepRaw = true;
    records.keepMessageText();
    return this;
  }

  /**
   * As {@link #keepingRawText}, but keeps the text only of the events {@code filter} accepts,
   * judged on the event without its text; the others reach the sink with a null {@link
   * AuditEvent#raw}. For a search that can tell from an event's fields that it will not keep it,
   * so that no copy of its text is made.
   */
  public AuditLogReader keepingRawTextOf(java.util.function.Predicate<AuditEvent> filter) {
    keepingRawText();
    records.keepRawTextOf(filter);
    return this;
  }

  /**
   * Marks an event's shape unusual (see {@link AuditEvent#usualShape}) when it has one of these
   * keys at its top level, for a search that would read such a key from the JSON text.
   */
  public AuditLogReader watchingKeys(java.util.Set<String> keys) {
    records.watchKeys(keys);
    return this;
  }

  /**
   * Returns offsets that split {@code source} into about {@code parts} pieces at line starts, or
   * between the entries of a {@code filter-log-events} document (see {@link EventsDocument}), for
   * reading them in parallel with {@link #readRange}: the first offset is 0 and the last the file
   * size. Returns an empty list when the input cannot be split: standard input, compressed or
   * binary content, other JSON documents, CSV, Lambda events, or a file smaller than
   * {@code minPartBytes} per part.
   */
  public List<Long> splitAtLines(InputSource source, int parts, long minPartBytes) {
    return splitAtLines(source, parts, minPartBytes, true);
  }

  /**
   * As {@link #splitAtLines(InputSource, int, long)}, splitting {@code filter-log-events}
   * documents only when {@code documents} is set. A caller that cannot discard what a piece gave
   * cannot read such a file again whole when a piece's report requires it (see
   * {@link ReadReport#readAgainWhole}).
   */
  public List<Long> splitAtLines(InputSource source, int parts, long minPartBytes,
      boolean documents) {
    if (source.path() == null || parts < 2 || !java.nio.file.Files.isRegularFile(source.path())) {
      return List.of();
    }
    try (FileChannel channel = FileChannel.open(source.path(), StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < minPartBytes * 2) {
        return List.of();
      }
      ByteBuffer headBuffer = ByteBuffer.allocate((int) Math.min(size, SNIFF_BYTES));
      channel.read(headBuffer, 0);
      byte[] head = Arrays.copyOf(headBuffer.array(), headBuffer.position());
      boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
      int count = (int) Math.min(parts, size / minPartBytes);
      int entryIndent = gzip ? -1 : EventsDocument.entryIndent(head);
      if (entryIndent >= 0) {
        return documents ? EventsDocument.split(channel, size, count, entryIndent) : List.of();
      }
      if (gzip || Shapes.sniff(head, factory) != Shapes.Kind.LINES
          || containsAscii(head, "\"awslogs\"")) {
        return List.of();
      }
      List<Long> offsets = new ArrayList<>();
      offsets.add(0L);
      for (int i = 1; i < count; i++) {
        long next = nextLineStart(channel, size * i / count);
        if (next > offsets.get(offsets.size() - 1) && next < size) {
          offsets.add(next);
        }
      }
      offsets.add(size);
      return offsets.size() > 2 ? offsets : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long nextLineStart(FileChannel channel, long from) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long position = from;
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return channel.size();
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += read;
    }
  }

  /**
   * Reads the piece {@code [start, end)} of {@code source} that {@link #splitAtLines} gave. For
   * lines, line numbers in locations count from the start of the range and
   * {@link ReadReport#merge} moves them to the file's numbering; for a piece of a
   * {@code filter-log-events} document, which reports no lines, they count from the file start.
   * The file counts as done in the report of the range that ends it.
   */
  public void readRange(InputSource source, long start, long end, Consumer<AuditEvent> events,
      ReadReport report) {
    try {
      readRangeLines(source, start, end, events, report);
    } finally {
      if (source.path() != null && end >= fileSize(source)) {
        report.fileDone();
      }
    }
  }

  private static long fileSize(InputSource source) {
    try {
      return java.nio.file.Files.size(source.path());
    } catch (IOException e) {
      return 0;
    }
  }

  private void readRangeLines(InputSource source, long start, long end,
      Consumer<AuditEvent> events, ReadReport report) {
    ReportingSink sink = new ReportingSink(events, report);
    Origin origin = new Origin(source.name(), defaultCluster, Timestamps.INVALID);
    try (FileChannel channel = FileChannel.open(source.path(), StandardOpenOption.READ)) {
      InputStream in = new RangeInputStream(channel, start, end, report);
      ByteBuffer headBuffer = ByteBuffer.allocate((int) Math.min(channel.size(), SNIFF_BYTES));
      channel.read(headBuffer, 0);
      byte[] head = Arrays.copyOf(headBuffer.array(), headBuffer.position());
      if (EventsDocument.entryIndent(head) >= 0) {
        // A piece of a filter-log-events document, made whole JSON again, with line numbers
        // counted from the file start.
        long baseLine = start == 0 ? 1 : 1 + EventsDocument.newlinesBefore(channel, start);
        records.takeKeyAfterEvents();
        records.takeRootCount();
        boolean read = false;
        try {
          readDocument(EventsDocument.piece(in, start, end, channel.size()), source.name(),
              origin, sink, report, baseLine);
          read = true;
        } finally {
          // Only a clean piece that ends inside the events array reads as the whole file would.
          boolean arrayEndedEarly = records.takeKeyAfterEvents() && end < channel.size();
          // A piece is one events array made whole. A second root value means a split fell in
          // an array of a later root, whose entries the piece read as events.
          boolean severalRoots = records.takeRootCount() > 1;
          if (!read || arrayEndedEarly || severalRoots
              || report.skips().count(SkipReason.INVALID_JSON) > 0
              || !report.problems().isEmpty()) {
            report.markReadAgainWhole();
          }
        }
        return;
      }
      readLines(in, source.name(), origin, sink, report, prefilter, start == 0);
    } catch (IOException e) {
      report.addProblem(new ReadReport.Problem(source.name() + " at byte " + start,
          "read failed: " + InputPaths.describe(e) + "; the events before it were kept", true));
    } finally {
      records.reportLogEvents(report);
    }
  }

  /** The bytes of a file in {@code [start, end)}, counted into the report as they are read. */
  private static final class RangeInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private final ReadReport report;
    private long position;

    RangeInputStream(FileChannel channel, long start, long end, ReadReport report) {
      this.channel = channel;
      this.position = start;
      this.end = end;
      this.report = report;
    }

    @Override
    public int read() throws IOException {
      byte[] single = new byte[1];
      return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= end) {
        return -1;
      }
      int requested = (int) Math.min(length, end - position);
      int read = channel.read(ByteBuffer.wrap(buffer, offset, requested), position);
      if (read > 0) {
        position += read;
        report.addBytes(read);
      }
      return read;
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
    // A corrupt stream can fail inside the first megabyte. What was decoded before the error is
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
    try {
      readShape(Shapes.sniff(head, factory), head, headError, whole, name, origin, sink, report);
    } finally {
      records.reportLogEvents(report);
    }
  }

  private void readShape(Shapes.Kind shape, byte[] head, IOException headError,
      InputStream whole, String name, Origin origin, ReportingSink sink, ReadReport report)
      throws IOException {
    switch (shape) {
      case EMPTY -> {
        if (headError != null) {
          throw headError;
        }
      }
      case BINARY -> {
        report.addProblem(new ReadReport.Problem(
            name, "skipped: binary content (NUL bytes), not an audit log", false));
        if (headError != null) {
          throw headError;
        }
      }
      case DOCUMENT -> readDocument(whole, name, origin, sink, report);
      case CSV -> readCsv(whole, name, origin, sink);
      case LINES -> readLines(whole, name, origin, sink, report,
          containsAscii(head, "\"awslogs\"") ? null : prefilter, true);
    }
  }

  private void readLines(InputStream in, String name, Origin origin, ReportingSink sink,
      ReadReport report, Prefilter usePrefilter, boolean atFileStart) throws IOException {
    BlockScanner scanner = new BlockScanner(in, usePrefilter, MAX_LINE_BYTES);
    LineRecordReader lineReader =
        new LineRecordReader(factory, records, report, atFileStart, keepRaw);
    try {
      scanner.scan(new BlockScanner.LineHandler() {
        @Override
        public void line(byte[] bytes, int start, int length, long number) {
          lineReader.readLine(bytes, start, length, origin, Location.ofLine(name, number), sink);
        }

        @Override
        public void oversized(long number) {
          sink.skip(SkipReason.INVALID_JSON, Location.ofLine(name, number),
              "line longer than " + MAX_LINE_BYTES + " bytes, skipped");
        }
      });
    } finally {
      report.addLines(scanner.lines(), scanner.linesPassedOver());
    }
  }

  private void readDocument(InputStream in, String name, Origin origin, ReportingSink sink,
      ReadReport report) throws IOException {
    readDocument(in, name, origin, sink, report, 1);
  }

  private void readDocument(InputStream in, String name, Origin origin, ReportingSink sink,
      ReadReport report, long firstLine) throws IOException {
    // The events of a filter-log-events document are prefiltered one by one, as lines are: a
    // message is an audit event's JSON text, which the prefilter can rule out before parsing.
    // The log events of subscription payloads (Firehose objects) are all parsed, as those of a
    // candidate line are, so that their summary notes stay complete.
    // Messages the prefilter rules out on their raw bytes reach the decoder as "", which it
    // passes over as it would the whole message, so that most of the text is never decoded.
    records.filterMessages(prefilter);
    MessageElidingStream elided = prefilter != null && elideMessages
        ? new MessageElidingStream(in, prefilter) : null;
    try {
      readDocumentRecords(elided != null ? elided : in, elided, name, origin, sink, report,
          firstLine);
    } finally {
      records.filterMessages(null);
    }
  }

  /**
   * Reads the records of a document from {@code in}. When {@code elided} is the stream that
   * {@code in} is, the parser's columns and character counts are of the shortened text, and are
   * mapped back to the input's for messages and for finding the next record after an error.
   */
  private void readDocumentRecords(InputStream in, MessageElidingStream elided, String name,
      Origin origin, ReportingSink sink, ReadReport report, long firstLine) throws IOException {
    RecoveringReader reader =
        new RecoveringReader(new Utf8Reader(in, line -> report.addInvalidUtf8Line(
            Location.ofLine(name, firstLine + line - 1))));
    skipByteOrderMark(reader);
    long baseLine = firstLine;
    boolean resumed = false;
    int indent = 0;
    while (true) {
      long baseChar = reader.position();
      long marksBefore = records.recordMarks();
      // The parser counts characters from baseChar, and the stream from its start.
      JsonErrors.Columns columns = elided == null ? (offset, column) -> column
          : (offset, column) -> elided.inputColumn(baseChar + offset, column);
      if (keepRaw) {
        records.keepRawText((from, to) -> reader.text(baseChar + from, baseChar + to));
      }
      JsonParser parser = factory.createParser(resumed ? new ResumedReader(reader) : reader);
      try (parser) {
        records.readRoots(parser, origin, Location.ofLine(name, baseLine), sink, resumed);
        return;
      } catch (JsonEOFException e) {
        long errorLine = baseLine + Math.max(0, parser.currentLocation().getLineNr() - 1);
        sink.skip(SkipReason.INVALID_JSON, Location.ofLine(name, errorLine),
            JsonErrors.describe(e, columns));
        report.addProblem(new ReadReport.Problem(name + ":" + errorLine,
            "the JSON document ends inside a value, so the file looks truncated", true));
        return;
      } catch (JsonProcessingException e) {
        // Limit errors (nesting, number or string length) carry no location; the parser's own
        // position is where it stopped.
        JsonLocation where = e.getLocation() != null && e.getLocation().getCharOffset() >= 0
            ? e.getLocation() : parser.currentLocation();
        long errorLine = baseLine + Math.max(0, where.getLineNr() - 1);
        long errorChar = baseChar + Math.max(0, where.getCharOffset());
        sink.skip(SkipReason.INVALID_JSON, Location.ofLine(name, errorLine),
            JsonErrors.describe(e, columns));
        // A parser that met no record start reuses the last record's indentation, which an
        // earlier parser placed and mapped.
        if (records.recordMarks() != marksBefore) {
          indent = Math.max(0,
              columns.inputColumn(records.recordChar(), records.recordColumn()) - 1);
        }
        long removedBefore = elided == null ? 0 : elided.removedBefore(errorChar);
        long resumeLine = reader.skipToNextRecord(errorChar, baseChar + 1, indent);
        baseLine = resumeLine < 0 ? -1 : firstLine - 1 + resumeLine;
        if (baseLine < 0) {
          // Characters of the input: those the parser did not read, and the passed-over ones.
          long unread = reader.position() - errorChar
              + (elided == null ? 0 : elided.removedTotal() - removedBefore);
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

  private static boolean containsAscii(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
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
