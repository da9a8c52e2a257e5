package io.scanwatch.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The rest of a JSON document read from a point inside it, after a parse error. Commas, colons
 * and closing brackets that belong to the structures around the resume point are turned into
 * spaces, so that the records after it read as a sequence of root values.
 */
final class ResumedReader extends FilterReader {

  private int depth;
  private boolean inString;
  private boolean escaped;

  ResumedReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    return read(one, 0, 1) < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int count = in.read(buffer, offset, length);
    for (int i = offset; i < offset + Math.max(count, 0); i++) {
      buffer[i] = filter(buffer[i]);
    }
    return count;
  }

  private char filter(char c) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
      return c;
    }
    switch (c) {
      case '"' -> inString = true;
      case '{', '[' -> depth++;
      case '}', ']' -> {
        if (depth == 0) {
          return ' ';
        }
        depth--;
      }
      case ',', ':' -> {
        if (depth == 0) {
          return ' ';
        }
      }
      default -> {}
    }
    return c;
  }
}
