package io.scanwatch.input;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that remembers the most recent characters it delivered, so that after a parse error a
 * new parser can start again a little before the point where the old one stopped reading.
 */
final class RecoveringReader extends Reader {

  private static final int HISTORY = 1 << 20;
  private static final String PAYLOAD_START = "{\"messageType\"";

  private final Reader in;
  private final char[] ring = new char[HISTORY];
  private long produced;
  /** Line ends delivered so far, counted as the parser counts them (see {@link #isLineEnd}). */
  private long lineEndsProduced;
  /** The last character delivered for the first time, or 0. */
  private char last;
  private long position;

  RecoveringReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position < produced) {
      int count = (int) Math.min(length, produced - position);
      copyFromRing(position, target, offset, count);
      position += count;
      return count;
    }
    int count = in.read(target, offset, Math.min(length, HISTORY));
    if (count <= 0) {
      return count;
    }
    long lineEnds = 0;
    char before = last;
    for (int i = offset; i < offset + count; i++) {
      char c = target[i];
      if (isLineEnd(c, before)) {
        lineEnds++;
      }
      before = c;
    }
    last = before;
    lineEndsProduced += lineEnds;
    copyToRing(target, offset, produced, count);
    produced += count;
    position += count;
    return count;
  }

  /** Copies {@code count} characters from the history, starting at absolute index {@code from}. */
  private void copyFromRing(long from, char[] target, int offset, int count) {
    int start = (int) (from % HISTORY);
    int first = Math.min(count, HISTORY - start);
    System.arraycopy(ring, start, target, offset, first);
    System.arraycopy(ring, 0, target, offset + first, count - first);
  }

  /** Stores {@code count} characters in the history at absolute index {@code at}. */
  private void copyToRing(char[] source, int offset, long at, int count) {
    int start = (int) (at % HISTORY);
    int first = Math.min(count, HISTORY - start);
    System.arraycopy(source, offset, ring, start, first);
    System.arraycopy(source, offset + first, ring, 0, count - first);
  }

  /**
   * Returns the start of the line that contains {@code position} when only spaces and tabs come
   * between them, else -1. Looks no further back than {@code limit}.
   */
  private long blankLineStartBefore(long position, long limit) {
    for (long i = position - 1; i >= limit; i--) {
      char c = ring[(int) (i % HISTORY)];
      if (c == '\n') {
        return i + 1;
      }
      if (c != ' ' && c != '\t') {
        return -1;
      }
    }
    return position == 0 ? 0 : -1;
  }

  /**
   * Returns the characters in {@code [start, end)} while they are still in the history, else
   * null.
   */
  String text(long start, long end) {
    if (start < 0 || end > produced || start > end || produced - start > HISTORY) {
      return null;
    }
    StringBuilder text = new StringBuilder((int) (end - start));
    for (long i = start; i < end; i++) {
      text.append(ring[(int) (i % HISTORY)]);
    }
    return text.toString();
  }

  /** Steps back over the last character delivered, which must still be in the history. */
  void unread() {
    position--;
  }

  /** Returns the absolute index of the next character to be delivered. */
  long position() {
    return position;
  }

  /**
   * Moves to where the next record is likely to start after a parse error at {@code from}: a line
   * whose first character after at most {@code maxIndent} spaces or tabs is {@code &#123;} or
   * {@code [}, or the start of a CloudWatch subscription payload ({@code &#123;"messageType"}),
   * which Firehose writes with no line break between payloads.
   *
   * @param notBefore the earliest position to resume at, after the start of the last attempt
   * @return the 1-based line number there, or -1 at the end of input
   */
  long skipToNextRecord(long from, long notBefore, int maxIndent) throws IOException {
    long start = Math.max(Math.max(from, notBefore), produced - HISTORY + 1);
    long lineStart = blankLineStartBefore(start, Math.max(notBefore, produced - HISTORY + 1));
    int indent = -1;
    if (lineStart >= 0) {
      // Only blanks precede the error on its line, so that line may itself start a record.
      start = lineStart;
      indent = 0;
    } else {
      // A payload start can end just before the error: look back far enough to see all of it.
      start = Math.max(start - PAYLOAD_START.length(), Math.max(notBefore, produced - HISTORY + 1));
    }
    position = Math.min(start, produced);
    char[] one = new char[1];
    int payloadMatch = 0;
    while (read(one, 0, 1) == 1) {
      char c = one[0];
      if (c == '\n') {
        // Only lines after the error can start the next record; the text looked back over is
        // for a payload start that ends at the error.
        indent = position > from ? 0 : -1;
        payloadMatch = 0;
        continue;
      }
      if (indent >= 0 && (c == ' ' || c == '\t')) {
        indent++;
        continue;
      }
      if (indent >= 0 && indent <= maxIndent && (c == '{' || c == '[')) {
        // Back to the start of the line, so that the next parser reports the record's own
        // column and a later recovery looks for records at the same indentation.
        position -= indent + 1;
        return lineAt(position);
      }
      indent = -1;
      payloadMatch = c == PAYLOAD_START.charAt(payloadMatch) ? payloadMatch + 1
          : (c == '{' ? 1 : 0);
      if (payloadMatch == PAYLOAD_START.length()) {
        position -= PAYLOAD_START.length();
        return lineAt(position);
      }
    }
    return -1;
  }

  /**
   * Tests whether {@code c} ends a line as the JSON parser counts lines: every {@code \r}, and a
   * {@code \n} that does not follow one, so that {@code \r\n} is one line end.
   */
  private static boolean isLineEnd(char c, char before) {
    return c == '\r' || c == '\n' && before != '\r';
  }

  /** Returns the 1-based line of an absolute position that is still in the history. */
  private long lineAt(long absolute) {
    long lineEndsAfter = 0;
    char before = absolute > 0 && absolute - 1 >= produced - HISTORY
        ? ring[(int) ((absolute - 1) % HISTORY)] : 0;
    for (long i = absolute; i < produced; i++) {
      char c = ring[(int) (i % HISTORY)];
      if (isLineEnd(c, before)) {
        lineEndsAfter++;
      }
      before = c;
    }
    return lineEndsProduced - lineEndsAfter + 1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
