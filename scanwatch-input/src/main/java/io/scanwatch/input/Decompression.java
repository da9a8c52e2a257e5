package io.scanwatch.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Recognises gzip by its magic bytes, whatever the file is called. */
final class Decompression {

  private static final int BUFFER = 1 << 16;

  private Decompression() {}

  /**
   * Returns the decompressed content when {@code raw} starts with the gzip magic bytes, else
   * {@code raw} itself. Concatenated gzip members, as Firehose writes them, read as one stream.
   *
   * @throws GzipMembersInputStream.CorruptMemberException from reads, for a member that cannot
   *     be decoded
   */
  static InputStream decode(CountingInputStream raw) throws IOException {
    PositionedInput in = new PositionedInput(raw, raw::count);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(new GzipMembersInputStream(in), BUFFER);
    }
    return in;
  }
}
