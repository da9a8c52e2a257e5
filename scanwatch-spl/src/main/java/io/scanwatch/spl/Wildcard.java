package io.scanwatch.spl;

import io.scanwatch.core.text.Ascii;

/** Matches text against a pattern where {@code *} stands for any run of characters. */
final class Wildcard {

  private Wildcard() {}

  /** Tests a whole-text match; {@code ignoreCase} folds ASCII letters only. */
  static boolean matches(String pattern, String text, boolean ignoreCase) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starT = t;
      } else if (p < pattern.length() && same(pattern.charAt(p), text.charAt(t), ignoreCase)) {
        p++;
        t++;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return ignoreCase ? Ascii.toLower(a) == Ascii.toLower(b) : a == b;
  }
}
