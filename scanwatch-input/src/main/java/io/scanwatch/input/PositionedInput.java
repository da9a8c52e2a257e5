package io.scanwatch.input;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.function.LongSupplier;

/** A buffered stream that knows how many bytes its reader has consumed. */
final class PositionedInput extends BufferedInputStream {

  private final LongSupplier rawCount;

  /**
   * @param raw the stream to buffer
   * @param rawCount how many bytes have been read from {@code raw} so far
   */
  PositionedInput(InputStream raw, LongSupplier rawCount) {
    super(raw, 1 << 16);
    this.rawCount = rawCount;
  }

  /** The offset in {@code raw} of the next byte this stream will return. */
  synchronized long position() {
    return rawCount.getAsLong() - (count - pos);
  }
}
