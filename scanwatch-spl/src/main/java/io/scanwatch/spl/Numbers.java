package io.scanwatch.spl;

import java.math.BigDecimal;

/** Reads field text as a number and writes numbers back as SPL shows them. */
final class Numbers {

  private Numbers() {}

  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};

  /** Returns the number a text holds, or null when it is not a decimal number. */
  static Double parse(String text) {
    if (text == null || text.length() > 400 || !isDecimal(text)) {
      return null;
    }
    double simple = simpleDecimal(text);
    return Double.isNaN(simple) ? Double.valueOf(text) : simple;
  }

  /**
   * Returns the value of an unsigned decimal without an exponent whose digits, read as an integer,
   * are at most 2<sup>53</sup>, such as an epoch time with microseconds; NaN for any other text.
   * Both that integer and the power of ten are exact doubles, so their one quotient is the
   * correctly rounded value, the same double that {@link Double#valueOf(String)} gives, at a
   * fraction of its cost.
   */
  static double simpleDecimal(String text) {
    long digits = 0;
    int count = 0;
    int fractionDigits = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++count > 16) {
          return Double.NaN;
        }
        digits = digits * 10 + (c - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || digits > 1L << 53) {
      return Double.NaN;
    }
    return fractionDigits <= 0 ? digits : digits / POWERS_OF_TEN[fractionDigits];
  }

  /**
   * Returns whether the text is a decimal number: an optional sign, digits with an optional
   * fraction or a fraction alone, and an optional exponent ({@code 7}, {@code -0.5}, {@code .5},
   * {@code 5.}, {@code 1e-3}). Statistics test every value of every event this way, so it is a
   * plain scan rather than a regular expression, whose compiled form costs the compiler more than
   * the whole search.
   */
  static boolean isDecimal(String text) {
    int length = text.length();
    int i = 0;
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int integerDigits = digits(text, i);
    i += integerDigits;
    int fractionDigits = 0;
    if (i < length && text.charAt(i) == '.') {
      i++;
      fractionDigits = digits(text, i);
      i += fractionDigits;
    }
    if (integerDigits == 0 && fractionDigits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = digits(text, i);
      if (exponentDigits == 0) {
        return false;
      }
      i += exponentDigits;
    }
    return i == length;
  }

  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  /** Returns the exact decimal a text holds, or null when it is not a decimal number. */
  static BigDecimal parseExact(String text) {
    if (parse(text) == null) {
      return null;
    }
    return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
  }

  /** Formats a number without a trailing {@code .0}; integral values print as integers. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
