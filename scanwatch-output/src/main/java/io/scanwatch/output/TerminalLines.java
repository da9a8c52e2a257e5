package io.scanwatch.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits text that {@link TerminalText#escape} has made safe into terminal columns: cut to one
 * line, wrapped over a few lines, or a list summarized on one line. Cuts never
 * split a surrogate pair.
 *
 * <p>NOTE: widths count UTF-16 chars, not terminal cells, so East Asian wide characters take twice
 * the room they are counted for, and combining marks none.
 */
public final class TerminalLines {

  /** Maximum lines of one wrapped value, the last ending with a count of the chars left out. */
  public static final int MAX_LINES_PER_VALUE = 3;

  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private static final String SEPARATOR = ", ";

  private TerminalLines() {}

  /** Cuts {@code text} to at most {@code width} chars, ending with {@code ~} when it was cut. */
  public static String fit(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    if (width <= 0) {
      return "";
    }
    return text.substring(0, cutPoint(text, width - 1)) + "~";
  }

  /**
   * Splits a value into lines of at most {@code width} chars, at most {@link
   * #MAX_LINES_PER_VALUE}; the last line of a longer value ends with the number of chars left out.
   */
  public static List<String> wrap(String text, int width) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length() && pieces.size() < MAX_LINES_PER_VALUE) {
      int end = cutPoint(text, Math.min(text.length(), start + width));
      if (end <= start) {
        // A width of 1 cannot hold the surrogate pair that starts here, so the line takes both.
        end = Math.min(text.length(), start + 2);
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    if (pieces.isEmpty()) {
      pieces.add("");
    }
    if (start < text.length()) {
      // The count is smaller than the whole length, so this marker is long enough.
      int markerLength = (" ... (+" + text.length() + " chars)").length();
      String last = pieces.get(pieces.size() - 1);
      int keep = cutPoint(last, Math.min(last.length(), Math.max(0, width - markerLength)));
      int omitted = text.length() - start + last.length() - keep;
      pieces.set(pieces.size() - 1, last.substring(0, keep) + " ... (+" + omitted + " chars)");
    }
    return pieces;
  }

  /**
   * Joins values with {@code ", "} into at most {@code width} chars. Values that do not fit are
   * left out and counted, as in {@code "a, b (+3 more)"}. When not even the first fits, it is cut
   * with {@link #fit}. An empty list gives {@code "(none)"}.
   */
  public static String summarize(List<String> values, int width) {
    if (values.isEmpty()) {
      return fit("(none)", width);
    }
    String all = String.join(SEPARATOR, values);
    if (all.length() <= width) {
      return all;
    }
    StringBuilder text = new StringBuilder();
    int valuesShown = 0;
    for (String value : values) {
      String separator = valuesShown == 0 ? "" : SEPARATOR;
      int left = values.size() - valuesShown - 1;
      int needed = text.length() + separator.length() + value.length() + moreMarker(left).length();
      if (needed > width) {
        break;
      }
      text.append(separator).append(value);
      valuesShown++;
    }
    if (valuesShown == 0) {
      String marker = moreMarker(values.size() - 1);
      return fit(fit(values.get(0), width - marker.length()) + marker, width);
    }
    return text.append(moreMarker(values.size() - valuesShown)).toString();
  }

  /**
   * Writes an indented label and its escaped values, one value a line and each wrapped to fit
   * {@code width}. After {@code maxLines} lines, a count replaces the values left out. No value
   * gives {@code (none)}.
   */
  public static void writeDetail(Writer out, String label, int labelWidth, List<String> values,
      int width, int maxLines) throws IOException {
    int valueWidth = width - INDENT.length() - labelWidth - GAP.length();
    List<String> lines = detailLines(values, valueWidth, maxLines);
    String blank = " ".repeat(labelWidth);
    for (int i = 0; i < lines.size(); i++) {
      String head = i == 0 ? label + " ".repeat(labelWidth - label.length()) : blank;
      out.write((INDENT + head + GAP + lines.get(i)).stripTrailing());
      out.write('\n');
    }
  }

  /**
   * Returns the lines of escaped values, each wrapped to {@code valueWidth}. After {@code maxLines}
   * lines, a count replaces the values left out, and no value gives {@code (none)}.
   */
  public static List<String> detailLines(List<String> values, int valueWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    int valuesShown = 0;
    for (String value : values) {
      List<String> pieces = wrap(TerminalText.escape(value), valueWidth);
      if (lines.size() + pieces.size() > maxLines && valuesShown > 0) {
        break;
      }
      lines.addAll(pieces);
      valuesShown++;
    }
    if (valuesShown < values.size()) {
      lines.add("... (+" + (values.size() - valuesShown) + " more)");
    }
    if (lines.isEmpty()) {
      lines.add("(none)");
    }
    return lines;
  }

  private static String moreMarker(int count) {
    return count == 0 ? "" : " (+" + count + " more)";
  }

  /** Returns {@code limit}, or one less when that would split a surrogate pair. */
  private static int cutPoint(String text, int limit) {
    if (limit > 0 && limit < text.length() && Character.isHighSurrogate(text.charAt(limit - 1))
        && Character.isLowSurrogate(text.charAt(limit))) {
      return limit - 1;
    }
    return limit;
  }
}
