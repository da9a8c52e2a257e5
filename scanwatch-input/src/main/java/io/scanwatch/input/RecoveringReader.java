package io.scanwatch.input;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that remembers the most recent characters it delivered, so that after a parse error a
 * new parser can start again a little before the point where the old one stopped reading.
 */
final class RecoveringReader extends Reader {

  private static final int HISTORY = 1 << 20;

  private final Reader in;
  private final char[] ring = new char[HISTORY];
  private long produced;
  private long newlinesProduced;
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
      for (int i = 0; i < count; i++) {
        target[offset + i] = ring[(int) ((position + i) % HISTORY)];
      }
      position += count;
      return count;
    }
    int count = in.read(target, offset, length);
    if (count <= 0) {
      return count;
    }
    for (int i = 0; i < count; i++) {
      char c = target[offset + i];
      ring[(int) ((produced + i) % HISTORY)] = c;
      if (c == '\n') {
        newlinesProduced++;
      }
    }
    produced += count;
    position += count;
    return count;
  }

  /** The absolute index of the next character to be delivered. */
  long position() {
    return position;
  }

  /**
   * Moves to the start of the first line after {@code from} that begins with {@code &#123;} or
   * {@code [}, where the next root value is likely to start.
   *
   * @return the 1-based line number there, or -1 at the end of input
   */
  long skipToNextRecordLine(long from) throws IOException {
    long start = Math.max(from, produced - HISTORY + 1);
    position = Math.min(start, produced);
    boolean atLineStart = false;
    char[] one = new char[1];
    while (read(one, 0, 1) == 1) {
      char c = one[0];
      if (atLineStart && (c == '{' || c == '[')) {
        position--;
        return lineAt(position);
      }
      atLineStart = c == '\n';
    }
    return -1;
  }

  /** The 1-based line of an absolute position that is still in the history. */
  private long lineAt(long absolute) {
    long newlinesAfter = 0;
    for (long i = absolute; i < produced; i++) {
      if (ring[(int) (i % HISTORY)] == '\n') {
        newlinesAfter++;
      }
    }
    return newlinesProduced - newlinesAfter + 1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
