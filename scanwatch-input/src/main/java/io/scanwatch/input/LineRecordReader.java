package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.event.Timestamps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of a line-oriented log: a bare event or wrapper, a CloudWatch export line
 * ({@code <time> <event>}), an {@code aws logs tail} line ({@code <time> <stream> <event>}), or a
 * line with some other prefix before the event.
 */
final class LineRecordReader {

  private static final byte[] TRUNCATION_MARK =
      JsonRecordReader.TRUNCATION_MARK.getBytes(StandardCharsets.US_ASCII);

  private static final int DATE_LENGTH = "2024-11-13".length();

  /** Maximum braces tried as the start of the event in a line with a prefix. */
  private static final int MAX_PREFIX_BRACES = 8;

  private final JsonFactory factory;
  private final JsonRecordReader records;
  private final ReadReport report;
  private final LineBuffer pending = new LineBuffer();
  private boolean bomAllowed;
  private final boolean keepRaw;

  /**
   * @param atFileStart whether the first line read is the first line of the file, the only place
   *     where a UTF-8 byte order mark is skipped
   * @param keepRaw whether events keep their JSON text
   */
  LineRecordReader(JsonFactory factory, JsonRecordReader records, ReadReport report,
      boolean atFileStart, boolean keepRaw) {
    this.keepRaw = keepRaw;
    this.factory = factory;
    this.records = records;
    this.report = report;
    this.bomAllowed = atFileStart;
  }

  void readLine(byte[] bytes, int start, int length, Origin origin, Location location,
      RecordSink sink) {
    int end = start + length;
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    int i = skipSpaces(bytes, start, end);
    boolean firstLine = bomAllowed;
    bomAllowed = false;
    if (firstLine && end - i >= 3 && (bytes[i] & 0xff) == 0xef
        && (bytes[i + 1] & 0xff) == 0xbb && (bytes[i + 2] & 0xff) == 0xbf) {
      i = skipSpaces(bytes, i + 3, end);
    }
    if (i == end) {
      return;
    }
    byte first = bytes[i];
    if (first == '{' || first == '[') {
      readJson(bytes, i, end, origin, location, sink, true);
      return;
    }
    if (first >= '0' && first <= '9' && readTimePrefixed(bytes, i, end, origin, location, sink)) {
      return;
    }
    readPrefixed(bytes, i, end, origin, location, sink);
  }

  /**
   * Reads {@code <time> <event>} and {@code <time> <stream> <event>}; false when the line does
   * not start with a time or has more than a stream name before the event, so it is read as a
   * line with some other prefix.
   */
  private boolean readTimePrefixed(byte[] bytes, int start, int end, Origin origin,
      Location location, RecordSink sink) {
    int timeEnd = indexOf(bytes, (byte) ' ', start, end);
    if (timeEnd - start == DATE_LENGTH) {
      // The space-separated form: "2024-11-13 18:34:10.595141000".
      timeEnd = indexOf(bytes, (byte) ' ', timeEnd + 1, end);
    }
    if (timeEnd < 0) {
      return false;
    }
    long time = Timestamps.parseMicros(ascii(bytes, start, timeEnd));
    if (time == Timestamps.INVALID) {
      return false;
    }
    int next = skipSpaces(bytes, timeEnd, end);
    if (next < end && bytes[next] == '{') {
      readJson(bytes, next, end, origin.withTime(time), location, sink, true);
      return true;
    }
    int streamEnd = indexOf(bytes, (byte) ' ', next, end);
    String stream = new String(bytes, next, (streamEnd < 0 ? end : streamEnd) - next,
        StandardCharsets.UTF_8);
    int message = streamEnd < 0 ? end : skipSpaces(bytes, streamEnd, end);
    Location streamLocation = location.withCloudWatchEvent(stream, null);
    if (message < end && bytes[message] == '{') {
      readJson(bytes, message, end, origin.withTime(time).withSource(stream), streamLocation,
          sink, true);
      return true;
    }
    if (indexOf(bytes, (byte) '{', message, end) >= 0) {
      return false;
    }
    sink.skip(SkipReason.NOT_AUDIT_EVENT, streamLocation, "text line of log stream " + stream);
    return true;
  }

  /**
   * Reads a line with some text before the event. The text may hold braces of its own, so each
   * brace is tried in turn, up to a limit, until the rest of the line parses.
   */
  private void readPrefixed(byte[] bytes, int start, int end, Origin origin, Location location,
      RecordSink sink) {
    int brace = indexOf(bytes, (byte) '{', start, end);
    if (brace < 0) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "text line without JSON");
      return;
    }
    boolean auditLike = looksLikeAuditJson(bytes, brace, end);
    int tries = 0;
    for (int candidate = brace; candidate >= 0 && tries < MAX_PREFIX_BRACES; tries++) {
      pending.clear();
      keepRawFrom(bytes, candidate);
      try (JsonParser parser = factory.createParser(bytes, candidate, end - candidate)) {
        records.readRoots(parser, origin, location, pending);
        pending.flushTo(sink);
        return;
      } catch (IOException e) {
        candidate = indexOf(bytes, (byte) '{', candidate + 1, end);
      }
    }
    // No brace starts valid JSON: report the error of the first one, as a plain line would.
    readJson(bytes, brace, end, origin, location, sink, auditLike);
  }

  /**
   * Parses the JSON in {@code bytes[start, end)}. Events go to the sink only when the whole line
   * has been read, so a line that is parsed again after a UTF-8 repair does not give them twice.
   *
   * @param auditLike whether a parse error counts as invalid JSON (true) or as a line that is not
   *     an audit event at all
   */
  private void readJson(byte[] bytes, int start, int end, Origin origin, Location location,
      RecordSink sink, boolean auditLike) {
    if (endsWith(bytes, start, end, TRUNCATION_MARK)) {
      sink.skip(SkipReason.TRUNCATED, location, "only the first " + (end - start)
          + " bytes of the event were delivered");
      return;
    }
    pending.clear();
    keepRawFrom(bytes, start);
    try (JsonParser parser = factory.createParser(bytes, start, end - start)) {
      records.readRoots(parser, origin, location, pending);
      pending.flushTo(sink);
      return;
    } catch (IOException e) {
      if (isValidUtf8(bytes, start, end)) {
        pending.flushTo(sink);
        SkipReason reason = auditLike ? SkipReason.INVALID_JSON : SkipReason.NOT_AUDIT_EVENT;
        sink.skip(reason, location, JsonErrors.describe(e));
        return;
      }
    }
    // Invalid UTF-8: read the line again with each bad sequence replaced by U+FFFD.
    report.addInvalidUtf8Line(location);
    pending.clear();
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    if (keepRaw) {
      records.keepRawText((from, to) -> text.substring((int) from, (int) to));
    }
    try (JsonParser parser = factory.createParser(text)) {
      records.readRoots(parser, origin, location, pending);
      pending.flushTo(sink);
    } catch (IOException e) {
      pending.flushTo(sink);
      sink.skip(auditLike ? SkipReason.INVALID_JSON : SkipReason.NOT_AUDIT_EVENT, location,
          JsonErrors.describe(e));
    }
  }

  /** Gives events parsed from {@code bytes} at {@code start} their JSON text, when kept. */
  private void keepRawFrom(byte[] bytes, int start) {
    if (keepRaw) {
      // Byte offsets of a parser over part of an array count from the start of that part.
      records.keepRawText((from, to) -> new String(bytes, start + (int) from, (int) (to - from),
          StandardCharsets.UTF_8));
    }
  }

  private static boolean looksLikeAuditJson(byte[] bytes, int start, int end) {
    String text = ascii(bytes, start, Math.min(end, start + 4096));
    return text.contains("\"auditID\"") || text.contains("\"kind\"")
        || text.contains("\"messageType\"");
  }

  private static boolean isValidUtf8(byte[] bytes, int start, int end) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean endsWith(byte[] bytes, int start, int end, byte[] suffix) {
    int trimmed = end;
    while (trimmed > start && (bytes[trimmed - 1] == ' ' || bytes[trimmed - 1] == '\t')) {
      trimmed--;
    }
    if (trimmed - start < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[trimmed - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String ascii(byte[] bytes, int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** Holds what one line produced until the line has been read without error. */
  private static final class LineBuffer implements RecordSink {
    private record Skip(SkipReason reason, Location location, String detail) {}

    private final List<AuditEvent> events = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();

    @Override
    public void accept(AuditEvent event) {
      events.add(event);
    }

    @Override
    public void skip(SkipReason reason, Location location, String detail) {
      skips.add(new Skip(reason, location, detail));
    }

    void clear() {
      events.clear();
      skips.clear();
    }

    void flushTo(RecordSink sink) {
      for (AuditEvent event : events) {
        sink.accept(event);
      }
      for (Skip skip : skips) {
        sink.skip(skip.reason(), skip.location(), skip.detail());
      }
      clear();
    }
  }
}
