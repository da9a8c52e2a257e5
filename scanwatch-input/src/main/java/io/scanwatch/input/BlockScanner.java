package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a line-oriented stream in large blocks and hands lines to a handler: every line, or with
 * the {@link Prefilter} only the lines that can hold a kept event. Lines are counted either way,
 * so each handed line carries its 1-based number. A line that does not fit the buffer, which grows
 * up to the maximum line length, is reported by number and skipped.
 */
final class BlockScanner {

  /** Receives the lines of a stream. */
  interface LineHandler {
    /** A line without its {@code \n}, valid only during the call. */
    void line(byte[] bytes, int start, int length, long number);

    void oversized(long number);
  }

  private static final int BLOCK_BYTES = 4 << 20;

  private final InputStream in;
  private final Prefilter prefilter;
  private final int maxLineBytes;
  private byte[] buffer;
  private long lines;
  private long linesHanded;

  /**
   * @param prefilter the filter of the lines handed on, or null to hand on every line
   */
  BlockScanner(InputStream in, Prefilter prefilter, int maxLineBytes) {
    this(in, prefilter, maxLineBytes, BLOCK_BYTES);
  }

  /** Creates a scanner with a smaller first block, so that tests can reach the line limit. */
  BlockScanner(InputStream in, Prefilter prefilter, int maxLineBytes, int blockBytes) {
    this.in = in;
    this.prefilter = prefilter;
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.min(blockBytes, maxLineBytes + 1)];
  }

  /** Lines read, the last one counted even without a final newline. */
  long lines() {
    return lines;
  }

  /** Lines the prefilter passed over without handing them on. */
  long linesPassedOver() {
    return lines - linesHanded;
  }

  /**
   * Reads to the end of the stream. When reading fails, the lines read before the failure are
   * handed on first, and then the error is thrown.
   */
  void scan(LineHandler handler) throws IOException {
    int limit = 0;
    boolean endOfInput = false;
    IOException failure = null;
    while (!endOfInput || limit > 0) {
      while (!endOfInput && limit < buffer.length) {
        int read;
        try {
          read = in.read(buffer, limit, buffer.length - limit);
        } catch (IOException e) {
          failure = e;
          read = -1;
          // The partial last line is cut by the failure, so it is not handed on.
          limit = lastNewline(limit) + 1;
        }
        if (read < 0) {
          endOfInput = true;
        } else {
          limit += read;
        }
      }
      if (endOfInput && limit == 0) {
        break;
      }
      int end = endOfInput ? limit : lastNewline(limit) + 1;
      if (end == 0) {
        if (buffer.length <= maxLineBytes) {
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2,
              maxLineBytes + 1L));
          continue;
        }
        lines++;
        handler.oversized(lines);
        limit = skipRestOfLine();
        endOfInput = limit < 0;
        limit = Math.max(limit, 0);
        continue;
      }
      if (prefilter != null) {
        scanCandidates(end, handler);
      } else {
        scanAll(end, handler);
      }
      System.arraycopy(buffer, end, buffer, 0, limit - end);
      limit -= end;
      if (endOfInput && limit == 0) {
        break;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void scanAll(int end, LineHandler handler) {
    int start = 0;
    while (start < end) {
      int newline = Prefilter.nextNewline(buffer, start, end);
      int lineEnd = newline < 0 ? end : newline;
      lines++;
      linesHanded++;
      handler.line(buffer, start, lineEnd - start, lines);
      start = lineEnd + 1;
    }
  }

  private void scanCandidates(int end, LineHandler handler) {
    long firstLine = lines + 1;
    int[] handedEnd = {0};
    long newlines = prefilter.scan(buffer, 0, end, (index, newlinesBefore) -> {
      if (index < handedEnd[0]) {
        return;
      }
      int lineStart = index;
      while (lineStart > 0 && buffer[lineStart - 1] != '\n') {
        lineStart--;
      }
      int newline = Prefilter.nextNewline(buffer, index, end);
      int lineEnd = newline < 0 ? end : newline;
      handedEnd[0] = lineEnd + 1;
      linesHanded++;
      handler.line(buffer, lineStart, lineEnd - lineStart, firstLine + newlinesBefore);
    });
    boolean partialLast = end > 0 && buffer[end - 1] != '\n';
    lines += newlines + (partialLast ? 1 : 0);
  }

  private int lastNewline(int limit) {
    for (int i = limit - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Discards input up to and including the next newline; returns how many bytes after it are now
   * at the front of the buffer, or -1 at the end of input.
   */
  private int skipRestOfLine() throws IOException {
    while (true) {
      int read = in.read(buffer, 0, buffer.length);
      if (read < 0) {
        return -1;
      }
      int newline = Prefilter.nextNewline(buffer, 0, read);
      if (newline >= 0) {
        System.arraycopy(buffer, newline + 1, buffer, 0, read - newline - 1);
        return read - newline - 1;
      }
    }
  }
}
