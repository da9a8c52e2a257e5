package io.scanwatch.spl;

/**
 * A read position in one command of the expanded search, with the token readers that the
 * command parsers share. Positions are indexes into the whole expanded search.
 */
final class Cursor {

  private final String search;
  private final int end;
  private int index;

  Cursor(String search, int start, int end) {
    this.search = search;
    this.index = start;
    this.end = end;
  }

  String search() {
    return search;
  }

  int index() {
    return index;
  }

  void reset(int position) {
    index = position;
  }

  boolean atEnd() {
    skipSpace();
    return index >= end;
  }

  /** Tests for the end without skipping spaces first. */
  boolean atEndRaw() {
    return index >= end;
  }

  void skipSpace() {
    while (index < end && Character.isWhitespace(search.charAt(index))) {
      index++;
    }
  }

  char peek() {
    return index < end ? search.charAt(index) : '\0';
  }

  char peekAt(int offset) {
    return index + offset < end ? search.charAt(index + offset) : '\0';
  }

  void advance(int count) {
    index += count;
  }

  /** Consumes {@code text} after optional spaces and returns whether it was there. */
  boolean consume(String text) {
    skipSpace();
    if (search.startsWith(text, index) && index + text.length() <= end) {
      index += text.length();
      return true;
    }
    return false;
  }

  /** Consumes a keyword such as {@code by} or {@code as} when a word boundary follows it. */
  boolean consumeKeyword(String keyword, boolean ignoreCase) {
    skipSpace();
    int after = index + keyword.length();
    if (after > end || !search.regionMatches(ignoreCase, index, keyword, 0, keyword.length())) {
      return false;
    }
    if (after < end && !isBoundary(search.charAt(after))) {
      return false;
    }
    index = after;
    return true;
  }

  private static boolean isBoundary(char c) {
    return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '"';
  }

  void expect(String text, String what) {
    if (!consume(text)) {
      throw error("expected " + what);
    }
  }

  /** Reads a double-quoted string at the cursor, undoing backslash escapes. */
  String readQuoted() {
    int start = index;
    index++;
    StringBuilder text = new StringBuilder();
    while (index < end) {
      char c = search.charAt(index++);
      if (c == '"') {
        return text.toString();
      }
      if (c == '\\' && index < end) {
        text.append(search.charAt(index++));
      } else {
        text.append(c);
      }
    }
    throw SplException.at("unterminated quoted string", null, start, search);
  }

  /**
   * Reads a field name or word: a quoted string, or a run of characters up to a space, comma,
   * parenthesis, {@code =}, {@code |} or one of {@code extraStops}.
   */
  String readWord(String extraStops) {
    skipSpace();
    if (peek() == '"') {
      return readQuoted();
    }
    int start = index;
    while (index < end) {
      char c = search.charAt(index);
      if (Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '='
          || extraStops.indexOf(c) >= 0) {
        break;
      }
      index++;
    }
    return search.substring(start, index);
  }

  /** Reads a word that must not be empty; {@code what} names it in the error. */
  String requireWord(String what) {
    int start = index;
    String word = readWord("");
    if (word.isEmpty()) {
      reset(start);
      skipSpace();
      throw error("expected " + what);
    }
    return word;
  }

  SplException error(String reason) {
    return SplException.at(reason + describeHere(), null, Math.min(index, search.length()),
        search);
  }

  private String describeHere() {
    if (index >= end) {
      return " but the command ends";
    }
    int stop = Math.min(end, index + 20);
    return " at '" + search.substring(index, stop) + "'";
  }
}
