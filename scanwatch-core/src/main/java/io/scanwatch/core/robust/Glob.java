package io.scanwatch.core.robust;

import io.scanwatch.core.text.Ascii;

/**
 * Glob patterns of allowlist entries: {@code *} matches any run of characters (also none),
 * {@code ?} one character, and a backslash makes the next character literal ({@code \*}). Every
 * other character matches itself. The pattern must match the whole text. Matching takes at most
 * time proportional to the product of the two lengths, whatever the pattern.
 */
final class Glob {

  private static final int ANY_RUN = -1;
  private static final int ANY_CHAR = -2;

  private Glob() {}

  /**
   * Checks that {@code pattern} is a valid glob.
   *
   * @throws IllegalArgumentException if it is empty or ends in a lone backslash
   */
  static void validate(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("empty glob pattern");
    }
    compile(pattern);
  }

  static boolean matches(String pattern, String text, boolean ignoreAsciiCase) {
    int[] tokens = compile(pattern);
    int t = 0;
    int p = 0;
    int starToken = -1;
    int starText = 0;
    while (t < text.length()) {
      if (p < tokens.length && tokens[p] != ANY_RUN
          && (tokens[p] == ANY_CHAR || same(tokens[p], text.charAt(t), ignoreAsciiCase))) {
        p++;
        t++;
      } else if (p < tokens.length && tokens[p] == ANY_RUN) {
        starToken = p++;
        starText = t;
      } else if (starToken >= 0) {
        p = starToken + 1;
        t = ++starText;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY_RUN) {
      p++;
    }
    return p == tokens.length;
  }

  private static boolean same(int token, char c, boolean ignoreAsciiCase) {
    if (ignoreAsciiCase) {
      return Ascii.toLower((char) token) == Ascii.toLower(c);
    }
    return token == c;
  }

  private static int[] compile(String pattern) {
    int[] tokens = new int[pattern.length()];
    int count = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 == pattern.length()) {
          throw new IllegalArgumentException("glob pattern ends in a lone backslash: " + pattern);
        }
        tokens[count++] = pattern.charAt(++i);
      } else if (c == '*') {
        tokens[count++] = ANY_RUN;
      } else if (c == '?') {
        tokens[count++] = ANY_CHAR;
      } else {
        tokens[count++] = c;
      }
    }
    return java.util.Arrays.copyOf(tokens, count);
  }
}
