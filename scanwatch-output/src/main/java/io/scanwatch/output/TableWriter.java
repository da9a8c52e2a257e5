package io.scanwatch.output;

import io.scanwatch.core.detect.ParityRow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows for a terminal. Each row is a line of its by-fields and count, aligned across rows
 * under a header, followed by indented lines for the times and the multi-value columns, one value
 * a line. A long value is wrapped over up to three lines, and the last ends with a count of the
 * characters left out. A column with more lines than the limit is cut with a count of the values
 * left out. All text passes through {@link TerminalText#escape}.
 */
public final class TableWriter implements RowWriter {

  /** Maximum lines of one multi-value column; the rest is cut with a count. */
  public static final int MAX_LINES_PER_COLUMN = 6;

  private static final int MIN_WIDTH = 60;
  private static final String INDENT = "  ";
  private static final String GAP = "  ";
  private static final String[] HEADER = {"src_ip", "user.username", "user.groups{}", "count"};

  private final TimeFormat timeFormat;
  private final int width;

  /**
   * @param width the terminal width in columns; values below 60 are taken as 60
   */
  public TableWriter(TimeFormat timeFormat, int width) {
    this.timeFormat = timeFormat;
    this.width = Math.max(MIN_WIDTH, width);
  }

  @Override
  public void write(List<ParityRow> rows, Writer out) throws IOException {
    if (rows.isEmpty()) {
      out.write("No rows: no event matched the detection.\n");
      out.flush();
      return;
    }
    int[] widths = keyWidths(rows);
    out.write(line(HEADER, widths));
    out.write("-".repeat(Math.min(width, total(widths))) + "\n");
    int labelWidth = labelWidth();
    for (ParityRow row : rows) {
      String[] key = {
        TerminalText.escape(row.srcIp()),
        TerminalText.escape(row.username()),
        TerminalText.escape(row.group()),
        Long.toString(row.count())
      };
      out.write(line(key, widths));
      writeDetail(out, labelWidth, ParityColumns.FIRST_TIME,
          List.of(timeFormat.format(row.firstMicros())));
      writeDetail(out, labelWidth, ParityColumns.LAST_TIME,
          List.of(timeFormat.format(row.lastMicros())));
      for (ParityColumns.MultiValue column : ParityColumns.MULTI_VALUES) {
        writeDetail(out, labelWidth, column.name(), column.values().apply(row));
      }
      out.write('\n');
    }
    out.write(rows.size() == 1 ? "1 row\n" : rows.size() + " rows\n");
    out.flush();
  }

  /** Widths of the src_ip, username, group and count columns, shrunk to fit the terminal. */
  private int[] keyWidths(List<ParityRow> rows) {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
    for (ParityRow row : rows) {
      widths[0] = Math.max(widths[0], TerminalText.escape(row.srcIp()).length());
      widths[1] = Math.max(widths[1], TerminalText.escape(row.username()).length());
      widths[2] = Math.max(widths[2], TerminalText.escape(row.group()).length());
      widths[3] = Math.max(widths[3], Long.toString(row.count()).length());
    }
    // Text columns give up width, widest first, until the line fits; count is never cut.
    while (total(widths) > width) {
      int widest = 0;
      for (int i = 1; i < 3; i++) {
        if (widths[i] > widths[widest]) {
          widest = i;
        }
      }
      if (widths[widest] <= 8) {
        break;
      }
      widths[widest]--;
    }
    return widths;
  }

  private static int total(int[] widths) {
    int total = GAP.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    return total;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean last = i == cells.length - 1;
      String cell = TerminalLines.fit(cells[i], widths[i]);
      if (last) {
        text.append(" ".repeat(widths[i] - cell.length())).append(cell);
      } else {
        text.append(cell).append(" ".repeat(widths[i] - cell.length())).append(GAP);
      }
    }
    return text.append('\n').toString();
  }

  private static int labelWidth() {
    int max = ParityColumns.FIRST_TIME.length();
    for (ParityColumns.MultiValue column : ParityColumns.MULTI_VALUES) {
      max = Math.max(max, column.name().length());
    }
    return max;
  }

  private void writeDetail(Writer out, int labelWidth, String label, List<String> values)
      throws IOException {
    TerminalLines.writeDetail(out, label, labelWidth, values, width, MAX_LINES_PER_COLUMN);
  }
}
