package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Decodes UTF-8 as {@link java.io.InputStreamReader} does, with U+FFFD for each invalid sequence,
 * and reports the line of every line that had one, so that a JSON document's invalid bytes are
 * counted as those of a line-oriented input are.
 */
final class Utf8Reader extends Reader {

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final LongConsumer invalidLine;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private boolean endOfInput;
  private boolean flushed;
  /** Line breaks in the bytes before index {@link #countedUpTo} of {@link #bytes}' array. */
  private long newlines;
  private int countedUpTo;
  private long lastInvalidLine;

  /**
   * @param invalidLine receives the 1-based line of each line with invalid UTF-8, once per line
   */
  Utf8Reader(InputStream in, LongConsumer invalidLine) {
    this.in = in;
    this.invalidLine = invalidLine;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int count = Math.min(length, chars.remaining());
    chars.get(target, offset, count);
    return count;
  }

  /** Decodes more characters into {@link #chars}, which is empty. */
  private void fill() throws IOException {
    chars.clear();
    while (chars.position() == 0) {
      if (!endOfInput && bytes.remaining() < 4) {
        countNewlinesUpTo(bytes.position());
        countedUpTo = 0;
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
          endOfInput = true;
        } else {
          bytes.position(bytes.position() + read);
        }
        bytes.flip();
      }
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        if (!chars.hasRemaining()) {
          break;
        }
        markInvalid();
        bytes.position(bytes.position() + result.length());
        chars.put('\uFFFD');
      } else if (endOfInput && !bytes.hasRemaining()) {
        decoder.flush(chars);
        flushed = true;
        break;
      } else if (result.isOverflow()) {
        break;
      }
    }
    chars.flip();
  }

  /** Reports the line of the invalid sequence at the position of {@link #bytes}, once a line. */
  private void markInvalid() {
    // Line breaks are ASCII, so counting them in the bytes before the sequence gives its line.
    countNewlinesUpTo(bytes.position());
    long line = 1 + newlines;
    if (line != lastInvalidLine) {
      lastInvalidLine = line;
      invalidLine.accept(line);
    }
  }

  private void countNewlinesUpTo(int end) {
    newlines += Prefilter.countNewlines(bytes.array(), countedUpTo, end);
    countedUpTo = end;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
