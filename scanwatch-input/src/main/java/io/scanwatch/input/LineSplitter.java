package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it. A line is handed out as a slice of an
 * internal buffer that is valid until the next call to {@link #next()}. A line longer than the
 * maximum is not kept: {@link #oversized()} reports it and the rest of it is skipped.
 */
final class LineSplitter {

  private static final int INITIAL_BUFFER = 1 << 20;

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int position;
  private int limit;
  private boolean endOfInput;
  private long lineNumber;
  private int lineStart;
  private int lineLength;
  private boolean oversized;

  LineSplitter(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; false at the end of input. A final line needs no newline. */
  boolean next() throws IOException {
    oversized = false;
    int scanFrom = position;
    while (true) {
      int newline = indexOfNewline(scanFrom, limit);
      if (newline >= 0) {
        setLine(position, newline - position);
        position = newline + 1;
        return true;
      }
      if (endOfInput) {
        if (position < limit) {
          setLine(position, limit - position);
          position = limit;
          return true;
        }
        return false;
      }
      if (limit - position > maxLineBytes) {
        skipRestOfLine();
        return true;
      }
      scanFrom = limit - position;
      fill();
      scanFrom += position;
    }
  }

  byte[] buffer() {
    return buffer;
  }

  int start() {
    return lineStart;
  }

  /** The line's length without its {@code \n} (a trailing {@code \r} is still there). */
  int length() {
    return lineLength;
  }

  /** The 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** True when the current line was longer than the maximum and was skipped. */
  boolean oversized() {
    return oversized;
  }

  private void setLine(int start, int length) {
    lineNumber++;
    lineStart = start;
    lineLength = length;
    if (length > maxLineBytes) {
      oversized = true;
      lineLength = 0;
    }
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the unread bytes to the front, grows the buffer when full, and reads more. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineBytes + 1));
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }

  private void skipRestOfLine() throws IOException {
    lineNumber++;
    oversized = true;
    lineStart = position;
    lineLength = 0;
    position = limit;
    while (true) {
      int newline = indexOfNewline(position, limit);
      if (newline >= 0) {
        position = newline + 1;
        return;
      }
      position = 0;
      limit = 0;
      fill();
      if (endOfInput) {
        return;
      }
    }
  }
}
