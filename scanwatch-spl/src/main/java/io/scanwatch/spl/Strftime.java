package io.scanwatch.spl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Formats epoch seconds with the {@code %} conversions of Splunk's {@code strftime} and
 * {@code convert timeformat}, in English. Seconds are truncated toward the past, never rounded:
 * {@code 59.9} stays in second 59.
 */
final class Strftime {

  /** The conversions this class supports; {@code %3N}, {@code %6N} and {@code %9N} take a width. */
  static final List<String> SUPPORTED = List.of("%Y", "%y", "%m", "%d", "%e", "%H", "%I", "%M",
      "%S", "%p", "%j", "%a", "%A", "%b", "%B", "%h", "%z", "%Z", "%s", "%F", "%T", "%D", "%N",
      "%3N", "%6N", "%9N", "%%");

  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("xx", Locale.ENGLISH);

  private Strftime() {}

  /**
   * Checks a format and returns the first unsupported conversion, or null when all are known.
   */
  static String firstUnsupported(String format) {
    for (int i = 0; i < format.length(); i++) {
      if (format.charAt(i) != '%') {
        continue;
      }
      int width = widthEnd(format, i + 1);
      if (width >= format.length()) {
        return format.substring(i);
      }
      String conversion = format.substring(i, width + 1);
      if (!SUPPORTED.contains(conversion)) {
        return conversion;
      }
      i = width;
    }
    return null;
  }

  private static int widthEnd(String format, int start) {
    int index = start;
    while (index < format.length() && Character.isDigit(format.charAt(index))) {
      index++;
    }
    return index;
  }

  /** Formats exact epoch seconds in a zone; unsupported conversions are copied as written. */
  static String format(BigDecimal epochSeconds, String format, ZoneId zone) {
    BigDecimal seconds = epochSeconds.setScale(0, RoundingMode.FLOOR);
    int nanos = epochSeconds.subtract(seconds).movePointRight(9).intValue();
    ZonedDateTime time = Instant.ofEpochSecond(seconds.longValueExact(), nanos).atZone(zone);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      int width = widthEnd(format, i + 1);
      if (c != '%' || width >= format.length()) {
        out.append(c);
        continue;
      }
      String conversion = format.substring(i, width + 1);
      String text = convert(conversion, time);
      out.append(text == null ? conversion : text);
      i = width;
    }
    return out.toString();
  }

  private static String convert(String conversion, ZonedDateTime time) {
    return switch (conversion) {
      case "%Y" -> Integer.toString(time.getYear());
      case "%y" -> two(time.getYear() % 100);
      case "%m" -> two(time.getMonthValue());
      case "%d" -> two(time.getDayOfMonth());
      case "%e" -> String.format(Locale.ROOT, "%2d", time.getDayOfMonth());
      case "%H" -> two(time.getHour());
      case "%I" -> two(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12);
      case "%M" -> two(time.getMinute());
      case "%S" -> two(time.getSecond());
      case "%p" -> time.getHour() < 12 ? "AM" : "PM";
      case "%j" -> String.format(Locale.ROOT, "%03d", time.getDayOfYear());
      case "%a" -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "%A" -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "%b", "%h" -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "%B" -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "%z" -> OFFSET.format(time);
      case "%Z" -> time.getZone().normalized().equals(ZoneOffset.UTC) ? "UTC"
          : ZONE_NAME.format(time);
      case "%s" -> Long.toString(time.toEpochSecond());
      case "%F" -> time.getYear() + "-" + two(time.getMonthValue()) + "-"
          + two(time.getDayOfMonth());
      case "%T" -> two(time.getHour()) + ":" + two(time.getMinute()) + ":"
          + two(time.getSecond());
      case "%D" -> two(time.getMonthValue()) + "/" + two(time.getDayOfMonth()) + "/"
          + two(time.getYear() % 100);
      case "%N", "%9N" -> String.format(Locale.ROOT, "%09d", time.getNano());
      case "%3N" -> String.format(Locale.ROOT, "%03d", time.getNano() / 1_000_000);
      case "%6N" -> String.format(Locale.ROOT, "%06d", time.getNano() / 1_000);
      case "%%" -> "%";
      default -> null;
    };
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
