package io.scanwatch.output;

import io.scanwatch.core.detect.ParityRow;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows as RFC 4180 CSV with CRLF line ends, as a Splunk CSV export does: a header of
 * Splunk's column names, and multi-values joined by newlines inside one quoted cell.
 *
 * <p>Unless raw output is asked for, a value that a spreadsheet would run as a formula (one that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a
 * leading apostrophe, as OWASP recommends against CSV injection. Each value of a multi-value cell
 * is defused on its own, so splitting the cell keeps them safe.
 */
public final class CsvRowWriter implements RowWriter {

  private final TimeFormat timeFormat;
  private final boolean raw;

  public CsvRowWriter(TimeFormat timeFormat, boolean raw) {
    this.timeFormat = timeFormat;
    this.raw = raw;
  }

  @Override
  public void write(List<ParityRow> rows, Writer out) throws IOException {
    List<String> header = new ArrayList<>(List.of(
        ParityColumns.SRC_IP, ParityColumns.USERNAME, ParityColumns.GROUP, ParityColumns.COUNT,
        ParityColumns.FIRST_TIME, ParityColumns.LAST_TIME));
    for (ParityColumns.MultiValue column : ParityColumns.MULTI_VALUES) {
      header.add(column.name());
    }
    Csv.writeRecord(header, out);
    for (ParityRow row : rows) {
      List<String> cells = new ArrayList<>(header.size());
      cells.add(defuse(row.srcIp()));
      cells.add(defuse(row.username()));
      cells.add(defuse(row.group()));
      cells.add(Long.toString(row.count()));
      cells.add(timeFormat.format(row.firstMicros()));
      cells.add(timeFormat.format(row.lastMicros()));
      for (ParityColumns.MultiValue column : ParityColumns.MULTI_VALUES) {
        List<String> values = new ArrayList<>();
        for (String value : column.values().apply(row)) {
          values.add(defuse(value));
        }
        cells.add(String.join("\n", values));
      }
      Csv.writeRecord(cells, out);
    }
    out.flush();
  }

  private String defuse(String value) {
    return Csv.defuse(value, raw);
  }
}
