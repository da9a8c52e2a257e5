package io.scanwatch.output.robust;

import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.Csv;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the robust result as RFC 4180 CSV with CRLF line ends: a header of {@link
 * RobustColumns#ROW_KEYS} (the JSON keys without the detection metadata), then one record per scan
 * row and one per health probe row. Multi-values are joined by newlines inside one quoted cell,
 * an absent {@code address_range} is an empty cell, and numbers are written as in JSON.
 *
 * <p>Unless raw output is requested, a value that a spreadsheet would run as a formula (one that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a
 * leading apostrophe, as OWASP recommends against CSV injection. Every text value is defused on
 * its own, also each value of a multi-value cell, so splitting the cell keeps them safe.
 */
public final class RobustCsvWriter implements RobustWriter {

  private final TimeFormat timeFormat;
  private final boolean raw;

  /**
   * @param raw true to write values as they are, without formula defusing
   */
  public RobustCsvWriter(TimeFormat timeFormat, boolean raw) {
    this.timeFormat = timeFormat;
    this.raw = raw;
  }

  @Override
  public void write(RobustResult result, Writer out) throws IOException {
    Csv.writeRecord(RobustColumns.ROW_KEYS, out);
    for (RobustRow row : result.rows()) {
      Csv.writeRecord(cells(RobustFields.of(row, timeFormat)), out);
    }
    for (HealthProbeRow row : result.healthProbes()) {
      Csv.writeRecord(cells(RobustFields.of(row, timeFormat)), out);
    }
    out.flush();
  }

  private List<String> cells(List<RobustFields.Field> fields) {
    List<String> cells = new ArrayList<>(fields.size());
    for (RobustFields.Field field : fields) {
      cells.add(cell(field.value()));
    }
    return cells;
  }

  private String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return defuse(text);
    }
    if (value instanceof Long number) {
      return number.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof List<?> values) {
      List<String> defused = new ArrayList<>(values.size());
      for (Object element : values) {
        defused.add(defuse((String) element));
      }
      return String.join("\n", defused);
    }
    throw new IllegalArgumentException("unsupported field value: " + value.getClass());
  }

  private String defuse(String value) {
    return Csv.defuse(value, raw);
  }
}
