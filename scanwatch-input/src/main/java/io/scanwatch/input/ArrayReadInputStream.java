package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that reads only into arrays; a single byte is read as an array of one. */
abstract class ArrayReadInputStream extends InputStream {

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
