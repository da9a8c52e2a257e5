package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that reads only into arrays; a single byte is read as an array of one. */
abstract class ArrayReadInputStream extends InputStream {

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    int read = read(single, 0, 1);
    return read < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
