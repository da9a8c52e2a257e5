package io.scanwatch.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the raw bytes read and remembers whether the underlying read itself failed. */
final class CountingInputStream extends FilterInputStream {

  private final ReadReport report;
  private long count;
  private boolean failed;

  CountingInputStream(InputStream in, ReadReport report) {
    super(in);
    this.report = report;
  }

  @Override
  public int read() throws IOException {
    int value = guard(() -> super.read());
    if (value >= 0) {
      added(1);
    }
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = guard(() -> in.read(buffer, offset, length));
    if (read > 0) {
      added(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    added(skipped);
    return skipped;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** True when reading the underlying stream threw, as opposed to a decoder above it. */
  boolean failed() {
    return failed;
  }

  private void added(long bytes) {
    count += bytes;
    report.addBytes(bytes);
  }

  private interface Read {
    int run() throws IOException;
  }

  private int guard(Read read) throws IOException {
    try {
      return read.run();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }
}
