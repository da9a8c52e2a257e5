package io.scanwatch.core.robust;

/** Reads {@code responseStatus.code} values, which are JSON number text. */
final class StatusCodes {

  private StatusCodes() {}

  /**
   * Returns the code as an int: ASCII digits, optionally followed by {@code .} and zeros
   * ({@code 401.0}, as some pipelines rewrite integers). Returns -1 for anything else.
   */
  static int parse(String text) {
    int value = 0;
    int position = 0;
    while (position < text.length() && position < 4 && isDigit(text.charAt(position))) {
      value = value * 10 + (text.charAt(position) - '0');
      position++;
    }
    if (position == 0) {
      return -1;
    }
    if (position < text.length()) {
      if (text.charAt(position) != '.' || position + 1 == text.length()) {
        return -1;
      }
      for (int i = position + 1; i < text.length(); i++) {
        if (text.charAt(i) != '0') {
          return -1;
        }
      }
    }
    return value;
  }

  /** Tests whether any value parses to a code in {@code [low, high]}. */
  static boolean anyInRange(Iterable<String> codes, int low, int high) {
    for (String code : codes) {
      int value = parse(code);
      if (value >= low && value <= high) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
