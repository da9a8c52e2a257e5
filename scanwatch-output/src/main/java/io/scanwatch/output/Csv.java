package io.scanwatch.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 records and spreadsheet formula defusing, shared by the CSV writers. */
public final class Csv {

  private Csv() {}

  /**
   * Returns the value with a leading apostrophe when a spreadsheet would run it as a formula: it
   * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (OWASP's
   * advice against CSV injection). Returns it unchanged when {@code raw} is true.
   */
  public static String defuse(String value, boolean raw) {
    if (raw || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }

  /** Writes one record with CRLF, quoting each cell that holds a comma, quote or line break. */
  public static void writeRecord(List<String> cells, Writer out) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  private static String quote(String cell) {
    boolean needsQuotes = false;
    for (int i = 0; i < cell.length() && !needsQuotes; i++) {
      char c = cell.charAt(i);
      needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!needsQuotes) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
