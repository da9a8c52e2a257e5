package io.scanwatch.core.event;

/**
 * Parses the timestamps found in audit events and their wrappers into microseconds since the
 * epoch.
 *
 * <p>Accepted: {@code YYYY-MM-DD}, then {@code T}, {@code t} or a space, then {@code hh:mm:ss},
 * an optional fraction of 1 to 9 digits (digits past the sixth are dropped, not rounded), and an
 * optional zone: {@code Z}, {@code z}, {@code +hh:mm}, {@code -hh:mm}, {@code +hhmm} or {@code
 * +hh}. A time without a zone is read as UTC, which is how pipelines that write the
 * space-separated form mean it. Only ASCII digits count as digits.
 */
public final class Timestamps {

  /** Returned for text that is not a usable time. */
  public static final long INVALID = Long.MIN_VALUE;

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Timestamps() {}

  /** Parses {@code text} as a whole; returns {@link #INVALID} if it is not a usable time. */
  public static long parseMicros(CharSequence text) {
    return text == null ? INVALID : parseMicros(text, 0, text.length());
  }

  /** Parses {@code text[start, end)}; returns {@link #INVALID} if it is not a usable time. */
  public static long parseMicros(CharSequence text, int start, int end) {
    if (end - start < 19) {
      return INVALID;
    }
    int year = digits(text, start, 4);
    int month = digits(text, start + 5, 2);
    int day = digits(text, start + 8, 2);
    int hour = digits(text, start + 11, 2);
    int minute = digits(text, start + 14, 2);
    int second = digits(text, start + 17, 2);
    char separator = text.charAt(start + 10);
    boolean shapeOk =
        text.charAt(start + 4) == '-'
            && text.charAt(start + 7) == '-'
            && (separator == 'T' || separator == 't' || separator == ' ')
            && text.charAt(start + 13) == ':'
            && text.charAt(start + 16) == ':';
    if (!shapeOk || year < 0 || month < 1 || month > 12 || day < 1) {
      return INVALID;
    }
    if (day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return INVALID;
    }
    // RFC 3339 allows a leap second; it is read as the first instant of the next minute.
    if (second < 0 || second > 60) {
      return INVALID;
    }
    int position = start + 19;
    long fractionMicros = 0;
    if (position < end && text.charAt(position) == '.') {
      position++;
      int fractionStart = position;
      while (position < end && isDigit(text.charAt(position))) {
        position++;
      }
      int length = position - fractionStart;
      if (length < 1 || length > 9) {
        return INVALID;
      }
      for (int i = 0; i < 6; i++) {
        int digit = i < length ? text.charAt(fractionStart + i) - '0' : 0;
        fractionMicros = fractionMicros * 10 + digit;
      }
    }
    long offsetSeconds = parseOffsetSeconds(text, position, end);
    if (offsetSeconds == INVALID) {
      return INVALID;
    }
    long days = daysFromCivil(year, month, day);
    long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
    return seconds * MICROS_PER_SECOND + fractionMicros;
  }

  private static long parseOffsetSeconds(CharSequence text, int position, int end) {
    if (position == end) {
      return 0;
    }
    char sign = text.charAt(position);
    if ((sign == 'Z' || sign == 'z') && position + 1 == end) {
      return 0;
    }
    if (sign != '+' && sign != '-') {
      return INVALID;
    }
    int length = end - position - 1;
    int hours = length >= 2 ? digits(text, position + 1, 2) : -1;
    int minutes;
    if (length == 2) {
      minutes = 0;
    } else if (length == 5 && text.charAt(position + 3) == ':') {
      minutes = digits(text, position + 4, 2);
    } else if (length == 4) {
      minutes = digits(text, position + 3, 2);
    } else {
      return INVALID;
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return INVALID;
    }
    long offset = hours * 3_600L + minutes * 60L;
    return sign == '-' ? -offset : offset;
  }

  private static int digits(CharSequence text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
