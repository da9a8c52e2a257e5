package io.scanwatch.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 4180 records line by line, for CloudWatch Logs Insights CSV exports. A quoted field
 * may hold commas, doubled quotes and line breaks, so a record can span several lines.
 */
final class CsvRecords {

  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private boolean inQuotes;
  private boolean pending;

  /**
   * Adds one line; returns the fields when it completes a record, else null (the record goes on
   * in the next line).
   */
  List<String> add(String line) {
    if (pending) {
      field.append('\n');
    }
    pending = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\r' || i != line.length() - 1) {
        field.append(c);
      }
    }
    if (inQuotes) {
      return null;
    }
    fields.add(field.toString());
    List<String> record = new ArrayList<>(fields);
    fields.clear();
    field.setLength(0);
    pending = false;
    return record;
  }

  /** True when a quoted field was still open at the end of the input. */
  boolean unfinished() {
    return pending;
  }
}
