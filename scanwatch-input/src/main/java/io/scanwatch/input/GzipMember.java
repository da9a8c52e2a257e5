package io.scanwatch.input;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes one gzip member (RFC 1952) with the JDK's inflater and leaves the input at the byte
 * after the member's trailer. Each read returns as soon as the inflater gives any bytes, so a
 * member cut short loses none of what could be decoded before the cut, as a decoder that fills
 * the whole request first would.
 */
final class GzipMember extends ArrayReadInputStream {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final PositionedInput in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] input = new byte[8192];
  private int inputLength;
  private boolean done;

  /** Reads the member's header from {@code in}, which must support mark and reset. */
  GzipMember(PositionedInput in) throws IOException {
    this.in = in;
    try {
      readHeader();
    } catch (IOException e) {
      inflater.end();
      throw e;
    }
  }

  private void readHeader() throws IOException {
    CRC32 header = new CRC32();
    if (readByte(header) != 0x1f || readByte(header) != 0x8b) {
      throw new IOException("not in gzip format");
    }
    int method = readByte(header);
    if (method != 8) {
      throw new IOException("unsupported compression method " + method);
    }
    int flags = readByte(header);
    for (int i = 0; i < 6; i++) {
      readByte(header); // modification time, extra flags, operating system
    }
    if ((flags & FEXTRA) != 0) {
      int length = readByte(header) | readByte(header) << 8;
      for (int i = 0; i < length; i++) {
        readByte(header);
      }
    }
    if ((flags & FNAME) != 0) {
      while (readByte(header) != 0) {
        // the original file name, up to its terminating zero
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (readByte(header) != 0) {
        // the comment, up to its terminating zero
      }
    }
    if ((flags & FHCRC) != 0) {
      int expected = (int) (header.getValue() & 0xffff);
      if ((readByte(null) | readByte(null) << 8) != expected) {
        throw new IOException("header checksum mismatch");
      }
    }
  }

  private int readByte(CRC32 checksum) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    if (checksum != null) {
      checksum.update(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    while (true) {
      int decoded;
      try {
        decoded = inflater.inflate(buffer, offset, length);
      } catch (DataFormatException e) {
        throw new IOException("invalid compressed data: " + e.getMessage(), e);
      }
      if (decoded > 0) {
        crc.update(buffer, offset, decoded);
        return decoded;
      }
      if (inflater.finished()) {
        readTrailer();
        return -1;
      }
      if (inflater.needsDictionary()) {
        throw new IOException("invalid compressed data: a preset dictionary");
      }
      in.mark(input.length);
      inputLength = in.read(input, 0, input.length);
      if (inputLength < 0) {
        throw new EOFException();
      }
      inflater.setInput(input, 0, inputLength);
    }
  }

  /** Gives back the input the inflater did not use, then checks the trailer. */
  private void readTrailer() throws IOException {
    in.reset();
    long used = inputLength - inflater.getRemaining();
    while (used > 0) {
      long skipped = in.skip(used);
      if (skipped <= 0) {
        throw new EOFException();
      }
      used -= skipped;
    }
    long expectedCrc = readInt();
    long expectedSize = readInt();
    done = true;
    if (expectedCrc != crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
    if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new IOException("length mismatch");
    }
    inflater.end();
  }

  private long readInt() throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value |= (long) readByte(null) << (8 * i);
    }
    return value;
  }

  /** Frees the inflater; the input stays open. */
  @Override
  public void close() {
    inflater.end();
  }
}
