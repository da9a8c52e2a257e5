package io.scanwatch.input;

import java.io.IOException;

/**
 * Decompresses concatenated gzip members (as Firehose writes them) one member at a time.
 *
 * <p>A decoder that reads across member boundaries in one call loses the bytes it had already
 * decoded in that call when a later member is corrupt. Reading each member on its own returns
 * every byte of the intact members first, and a failure names the byte offset where the bad
 * member starts.
 */
final class GzipMembersInputStream extends ArrayReadInputStream {

  /** A gzip member that could not be decoded. */
  static final class CorruptMemberException extends IOException {
    private final long offset;
    private final long failedAt;

    CorruptMemberException(long offset, long failedAt, String message, Throwable cause) {
      super(message, cause);
      this.offset = offset;
      this.failedAt = failedAt;
    }

    /** Returns the byte offset in the compressed input that had been read when decoding failed. */
    long failedAt() {
      return failedAt;
    }

    /** Returns the byte offset in the compressed input where the bad member starts. */
    long offset() {
      return offset;
    }
  }

  private final PositionedInput in;
  private GzipMember member;
  private long memberStart;

  GzipMembersInputStream(PositionedInput in) {
    this.in = in;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      if (member == null && !openNextMember()) {
        return -1;
      }
      int read;
      try {
        read = member.read(buffer, offset, length);
      } catch (IOException e) {
        member.close();
        member = null;
        throw new CorruptMemberException(memberStart, in.position(), describe(e), e);
      }
      if (read > 0) {
        return read;
      }
      member.close();
      member = null;
    }
  }

  private boolean openNextMember() throws IOException {
    long start = in.position();
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first < 0) {
      return false;
    }
    if (first != 0x1f || second != 0x8b) {
      // Skip the rest so the error is raised once.
      in.skip(Long.MAX_VALUE);
      throw new CorruptMemberException(start, start, "data after the last gzip member is not gzip",
          null);
    }
    memberStart = start;
    try {
      member = new GzipMember(in);
    } catch (IOException e) {
      throw new CorruptMemberException(start, in.position(), describe(e), e);
    }
    return true;
  }

  private static String describe(IOException error) {
    if (error instanceof java.io.EOFException) {
      return "the data ends inside the member";
    }
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }

  @Override
  public void close() throws IOException {
    if (member != null) {
      member.close();
    }
    in.close();
  }
}
