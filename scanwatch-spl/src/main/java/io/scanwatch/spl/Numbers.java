package io.scanwatch.spl;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Reads field text as a number and writes numbers back as SPL shows them. */
final class Numbers {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private Numbers() {}

  /** Returns the number a text holds, or null when it is not a decimal number. */
  static Double parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 400 || !NUMBER.matcher(text).matches()) {
      return null;
    }
    return Double.valueOf(text);
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
