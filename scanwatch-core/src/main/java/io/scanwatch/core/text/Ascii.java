package io.scanwatch.core.text;

/** ASCII-only case rules, as Splunk applies them to field=value terms. */
public final class Ascii {

  private Ascii() {}

  /** Compares ignoring the case of ASCII letters only; other characters must match exactly. */
  public static boolean equalsIgnoreCase(String left, String right) {
    if (left.length() != right.length()) {
      return false;
    }
    for (int i = 0; i < left.length(); i++) {
      if (toLower(left.charAt(i)) != toLower(right.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
