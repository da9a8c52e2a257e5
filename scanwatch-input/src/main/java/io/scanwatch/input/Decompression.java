package io.scanwatch.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Recognises gzip by its magic bytes, whatever the file is called. */
final class Decompression {

  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  /**
   * Returns the decompressed content when {@code raw} starts with the gzip magic bytes, else
   * {@code raw} itself. Concatenated gzip members, as Firehose writes them, read as one stream.
   */
  static InputStream decode(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get(),
          BUFFER);
    }
    return in;
  }
}
