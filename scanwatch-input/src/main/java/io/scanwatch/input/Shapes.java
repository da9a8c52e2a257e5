package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Decides how to read a file from its first bytes. */
final class Shapes {

  enum Kind {
    EMPTY,
    BINARY,
    LINES,
    DOCUMENT,
    CSV
  }

  private Shapes() {}

  /**
   * Classifies content by its first bytes. A document is JSON that starts with {@code [}, an
   * object that does not end on its first line, or one followed by more JSON on that line. An
   * Insights CSV header makes CSV, and everything else is read line by line. NUL bytes make the
   * content binary, unless it starts as JSON and they are rare, so that a stray NUL in a log of
   * JSON lines costs only the record that contains it.
   */
  static Kind sniff(byte[] head, JsonFactory factory) {
    int start = skipBomAndWhitespace(head);
    if (start == head.length) {
      return Kind.EMPTY;
    }
    long nuls = 0;
    for (byte b : head) {
      if (b == 0) {
        nuls++;
      }
    }
    byte first = head[start];
    boolean json = first == '{' || first == '[';
    if (nuls > 0 && (!json || nuls * 1000 > head.length)) {
      return Kind.BINARY;
    }
    int lineEnd = indexOf(head, (byte) '\n', start);
    if (first == '[') {
      return Kind.DOCUMENT;
    }
    if (first == '{') {
      return firstObjectEndsOnItsLine(head, start, lineEnd, factory) ? Kind.LINES : Kind.DOCUMENT;
    }
    String firstLine = new String(head, start, (lineEnd < 0 ? head.length : lineEnd) - start,
        StandardCharsets.UTF_8);
    if (InsightsColumns.isHeader(firstLine)) {
      return Kind.CSV;
    }
    return Kind.LINES;
  }

  private static boolean firstObjectEndsOnItsLine(
      byte[] head, int start, int lineEnd, JsonFactory factory) {
    if (lineEnd < 0 && head.length >= (1 << 20)) {
      return false;
    }
    int end = lineEnd < 0 ? head.length : lineEnd;
    String lineTail = new String(head, Math.max(start, end - 32), end - Math.max(start, end - 32),
        StandardCharsets.ISO_8859_1).stripTrailing();
    if (lineTail.endsWith(JsonRecordReader.TRUNCATION_MARK)) {
      return true;
    }
    try (JsonParser parser = factory.createParser(head, start, end - start)) {
      parser.nextToken();
      parser.skipChildren();
      // Objects concatenated on one line, as in a Firehose object, are read as a document, so
      // that a large object is streamed rather than held as one line.
      return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
    } catch (StreamReadException e) {
      // An object cut by the end of the line continues on the next one; any other error is a
      // bad first line that line mode will count and skip.
      return !e.getOriginalMessage().contains("end-of-input");
    } catch (IOException e) {
      return true;
    }
  }

  private static int skipBomAndWhitespace(byte[] head) {
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r'
        || head[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
