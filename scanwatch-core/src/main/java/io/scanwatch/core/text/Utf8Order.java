package io.scanwatch.core.text;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, as Splunk sorts {@code values()} and rows.
 *
 * <p>UTF-8 byte order is Unicode code point order, which differs from {@link String#compareTo}
 * (UTF-16 code units) for characters above U+FFFF. A lone surrogate sorts as its code unit value.
 */
public final class Utf8Order implements Comparator<String> {

  public static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String left, String right) {
    // Code units and code points agree until a surrogate is involved, so compare code units and
    // step back to code points only where a surrogate differs.
    int common = Math.min(left.length(), right.length());
    for (int i = 0; i < common; i++) {
      char a = left.charAt(i);
      char b = right.charAt(i);
      if (a != b) {
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
          return byCodePoints(left, right);
        }
        return Character.compare(a, b);
      }
    }
    return Integer.compare(left.length(), right.length());
  }

  private static int byCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}
