package io.scanwatch.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a large {@code aws logs filter-log-events} document between threads. Its entries are
 * written one after another in the {@code events} array, each starting on a line of its own at
 * the same indentation, as the AWS CLI writes them. A JSON string cannot contain a line break,
 * so a line that starts with {@code &#123;} at that indentation, after a comma, is taken to start
 * an entry.
 *
 * <p>A piece is read as a document of its own. The pieces after the first start at the comma
 * before their first entry, which is read (so that its byte is counted) but replaced by the text
 * {@code &#123;"events":[}, and the pieces before the last get {@code ]&#125;} behind. When the
 * splits fall between entries, each piece is whole JSON and the pieces read every entry once, as
 * one read of the whole document does. A hand-made document can defeat the layout check, and then
 * a piece meets invalid JSON or the end of the events array, and its report requires a whole read
 * (see {@link ReadReport#readAgainWhole}).
 */
final class EventsDocument {

  private static final byte[] OPEN = "{\"events\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);
  /** How far after an entry's brace its {@code "timestamp"} key is looked for. */
  private static final int ENTRY_LOOKAHEAD = 4096;
  private static final int WINDOW = 1 << 16;

  private EventsDocument() {}

  /**
   * Returns the indentation of the first entry of a document that starts with an {@code events}
   * array whose first entry begins a line, or -1 for any other content.
   */
  static int entryIndent(byte[] head) {
    int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf ? 3 : 0;
    i = skipBlanks(head, i);
    if (i >= head.length || head[i] != '{') {
      return -1;
    }
    i = skipBlanks(head, i + 1);
    byte[] key = "\"events\"".getBytes(StandardCharsets.US_ASCII);
    if (!startsWith(head, i, key)) {
      return -1;
    }
    i = skipBlanks(head, i + key.length);
    if (i >= head.length || head[i] != ':') {
      return -1;
    }
    i = skipBlanks(head, i + 1);
    if (i >= head.length || head[i] != '[') {
      return -1;
    }

    // The first entry must start a line of its own, after the array's opening bracket.
    int lineStart = -1;
    for (i = i + 1; i < head.length; i++) {
      byte b = head[i];
      if (b == '\n') {
        lineStart = i + 1;
      } else if (b == '{') {
        return lineStart < 0 ? -1 : i - lineStart;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Returns offsets that split the document into about {@code count} pieces: 0, the offset of
   * the comma before each chosen entry, and the size. Empty when no entry start is found.
   */
  static List<Long> split(FileChannel channel, long size, int count, int indent)
      throws IOException {
    List<Long> offsets = new ArrayList<>();
    offsets.add(0L);
    for (int i = 1; i < count; i++) {
      long comma = commaBeforeEntry(channel, size * i / count, size, indent);
      if (comma > offsets.get(offsets.size() - 1) && comma < size) {
        offsets.add(comma);
      }
    }
    offsets.add(size);
    return offsets.size() > 2 ? offsets : Collections.emptyList();
  }

  /**
   * Returns the offset of the comma before the first entry that starts a line at or after
   * {@code from}, or -1.
   */
  private static long commaBeforeEntry(FileChannel channel, long from, long size, int indent)
      throws IOException {
    long position = from;
    ByteBuffer buffer = ByteBuffer.allocate(WINDOW + ENTRY_LOOKAHEAD);
    while (position < size) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return -1;
      }
      byte[] bytes = buffer.array();
      int scanEnd = Math.min(read, WINDOW);
      for (int i = 0; i < scanEnd; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        int brace = i + 1 + indent;
        if (brace < read && blanks(bytes, i + 1, brace) && bytes[brace] == '{'
            && isEntry(bytes, brace, read)) {
          long comma = commaBefore(channel, position + i);
          if (comma >= 0) {
            return comma;
          }
        }
      }
      position += scanEnd;
    }
    return -1;
  }

  /** Tests that the object at {@code brace} has a {@code "timestamp"} key near its start. */
  private static boolean isEntry(byte[] bytes, int brace, int end) {
    byte[] key = "\"timestamp\"".getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(end, brace + ENTRY_LOOKAHEAD);
    for (int i = brace + 1; i + key.length <= limit; i++) {
      if (bytes[i] == '}' || bytes[i] == '{') {
        return false;
      }
      if (startsWith(bytes, i, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the offset of the comma that ends the line at {@code newline}, after a closing brace
   * and blanks, or -1.
   */
  private static long commaBefore(FileChannel channel, long newline) throws IOException {
    int back = (int) Math.min(newline, 256);
    ByteBuffer buffer = ByteBuffer.allocate(back);
    channel.read(buffer, newline - back);
    byte[] bytes = buffer.array();
    int i = back - 1;
    while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r')) {
      i--;
    }
    if (i < 1 || bytes[i] != ',') {
      return -1;
    }
    int comma = i;
    i--;
    while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r')) {
      i--;
    }
    return i >= 0 && bytes[i] == '}' ? newline - back + comma : -1;
  }

  /**
   * Returns the piece in {@code [start, end)} of a document of {@code size} bytes as whole JSON.
   * A piece after the first must start at the comma before an entry.
   */
  static InputStream piece(InputStream range, long start, long end, long size)
      throws IOException {
    InputStream in = range;
    if (start > 0) {
      int comma = range.read();
      if (comma != ',') {
        throw new IOException("a filter-log-events piece starts with byte " + comma
            + ", not the comma before an entry");
      }
      in = new SequenceInputStream(new ByteArrayInputStream(OPEN), in);
    }
    if (end < size) {
      in = new SequenceInputStream(in, new ByteArrayInputStream(CLOSE));
    }
    return in;
  }

  /** Counts the line breaks in the first {@code end} bytes of the file. */
  static long newlinesBefore(FileChannel channel, long end) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    long position = 0;
    long newlines = 0;
    while (position < end) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), end - position));
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      newlines += Prefilter.countNewlines(buffer.array(), 0, read);
      position += read;
    }
    return newlines;
  }

  private static int skipBlanks(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n'
        || bytes[i] == '\r')) {
      i++;
    }
    return i;
  }

  private static boolean blanks(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
