package io.scanwatch.output.robust;

import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.TerminalLines;
import io.scanwatch.output.TerminalText;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the robust result for a terminal of a given width. No line is longer than the width,
 * counted in UTF-16 chars as {@link TerminalLines} explains.
 *
 * <p>Scan rows come first, in the result's order. Each is a line of severity (upper case), source
 * address, request count, {@link RobustColumns#roleName role} and {@link RobustColumns#scopeName
 * scope}, aligned across rows under a header, followed by indented lines: the severity reasons,
 * the first and last time, the reserved block of a non-public address, and the paths, response
 * codes, user agents and clusters, one value a line. An address too long for its column is cut
 * with {@code ~} and then given in full on a {@code src_ip} line. A long value is wrapped over up
 * to three lines and then cut with a count of the chars left out. A column other than the reasons
 * is cut after {@link #MAX_LINES_PER_COLUMN} lines with a count of the values left out.
 *
 * <p>Health probe rows follow under "Health probes (not scan traffic)", one line each with the
 * address, request count, user agents and paths, then the number of distinct health probe
 * requests. A request that lists several addresses is in several of these lines, so that number
 * can be smaller than their sum. Lists that do not fit end with a count of the values left out. An
 * address too long for its column is cut with {@code ~}, because these lines have no room to
 * repeat it.
 *
 * <p>All text from requests passes through {@link TerminalText#escape}.
 */
public final class RobustTableWriter implements RobustWriter {

  /** Maximum lines of one multi-value column other than the reasons, before a count of the rest. */
  public static final int MAX_LINES_PER_COLUMN = 6;

  /** Minimum table width in columns. A smaller requested width is raised to it. */
  public static final int MIN_WIDTH = 60;

  /** The message for a result without scan rows, health probes or unauthenticated events. */
  public static final String NO_ROWS = "No rows: no unauthenticated request was found.\n";

  private static final String ALL_ALLOWLISTED =
      "No rows: every unauthenticated event was allowlisted.\n";
  private static final String NO_SCAN_ROWS =
      "No scan rows: every request was a health probe or had no IP.\n";
  private static final String HEALTH_PROBES_TITLE = "Health probes (not scan traffic)\n";

  private static final String INDENT = "  ";
  private static final String GAP = "  ";
  private static final String[] HEADER = {"severity", "src_ip", "count", "role", "scope"};
  private static final int COUNT_COLUMN = 2;
  private static final String REASONS = "reasons";
  private static final int LABEL_WIDTH = RobustColumns.ADDRESS_RANGE.length();

  /** Minimum width that a health probe line keeps for its user agents and paths together. */
  private static final int MIN_PROBE_LISTS_WIDTH = 24;

  private final TimeFormat timeFormat;
  private final int width;

  /**
   * @param width the terminal width in columns, raised to {@link #MIN_WIDTH} when smaller
   */
  public RobustTableWriter(TimeFormat timeFormat, int width) {
    this.timeFormat = timeFormat;
    this.width = Math.max(MIN_WIDTH, width);
  }

  @Override
  public void write(RobustResult result, Writer out) throws IOException {
    if (result.rows().isEmpty()) {
      out.write(emptyMessage(result));
    } else {
      writeScanRows(result.rows(), out);
    }
    if (!result.healthProbes().isEmpty()) {
      out.write('\n');
      writeHealthProbes(result, out);
    }
    out.flush();
  }

  /** Returns why there are no scan rows: no unauthenticated event, the allowlist, or probes. */
  private static String emptyMessage(RobustResult result) {
    if (result.requests() == 0 && result.healthProbes().isEmpty()) {
      return result.unauthenticatedEvents() == 0 ? NO_ROWS : ALL_ALLOWLISTED;
    }
    return NO_SCAN_ROWS;
  }

  private void writeScanRows(List<RobustRow> rows, Writer out) throws IOException {
    int[] widths = keyWidths(rows);
    out.write(line(HEADER, widths, COUNT_COLUMN));
    out.write("-".repeat(Math.min(width, total(widths))) + "\n");
    for (RobustRow row : rows) {
      String address = TerminalText.escape(row.address());
      String[] key = {
        row.severity().name(),
        address,
        Long.toString(row.requests()),
        RobustColumns.roleName(row.role()),
        RobustColumns.scopeName(row.scope())
      };
      out.write(line(key, widths, COUNT_COLUMN));
      if (address.length() > widths[1]) {
        writeDetail(out, RobustColumns.SRC_IP, List.of(row.address()), MAX_LINES_PER_COLUMN);
      }
      writeDetail(out, REASONS, row.reasons(), Integer.MAX_VALUE);
      writeDetail(out, RobustColumns.FIRST_TIME, List.of(timeFormat.format(row.firstMicros())),
          MAX_LINES_PER_COLUMN);
      writeDetail(out, RobustColumns.LAST_TIME, List.of(timeFormat.format(row.lastMicros())),
          MAX_LINES_PER_COLUMN);
      if (row.addressRange() != null) {
        writeDetail(out, RobustColumns.ADDRESS_RANGE, List.of(row.addressRange()),
            MAX_LINES_PER_COLUMN);
      }
      writeDetail(out, RobustColumns.PATHS, row.paths(), MAX_LINES_PER_COLUMN);
      writeDetail(out, RobustColumns.CODES, row.codes(), MAX_LINES_PER_COLUMN);
      writeDetail(out, RobustColumns.USER_AGENTS, row.userAgents(), MAX_LINES_PER_COLUMN);
      writeDetail(out, RobustColumns.USER_GROUPS, row.groups(), MAX_LINES_PER_COLUMN);
      writeDetail(out, RobustColumns.CLUSTERS, row.clusters(), MAX_LINES_PER_COLUMN);
      out.write('\n');
    }
    out.write(rows.size() == 1 ? "1 scan row\n" : rows.size() + " scan rows\n");
  }

  /**
   * Returns the widths of the key columns. Only the address column gives up width to fit the
   * terminal. The other columns take at most 54 chars (a 19-digit count), so it keeps at least one.
   */
  private int[] keyWidths(List<RobustRow> rows) {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
    for (RobustRow row : rows) {
      widths[0] = Math.max(widths[0], row.severity().name().length());
      widths[1] = Math.max(widths[1], TerminalText.escape(row.address()).length());
      widths[2] = Math.max(widths[2], Long.toString(row.requests()).length());
      widths[3] = Math.max(widths[3], RobustColumns.roleName(row.role()).length());
      widths[4] = Math.max(widths[4], RobustColumns.scopeName(row.scope()).length());
    }
    int others = total(widths) - widths[1];
    widths[1] = Math.max(1, Math.min(widths[1], width - others));
    return widths;
  }

  private static int total(int[] widths) {
    int total = GAP.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    return total;
  }

  /** Joins cells cut and padded to their widths; one column is aligned to the right. */
  private static String line(String[] cells, int[] widths, int rightAligned) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(GAP);
      }
      String cell = TerminalLines.fit(cells[i], widths[i]);
      String padding = " ".repeat(widths[i] - cell.length());
      if (i == rightAligned) {
        text.append(padding).append(cell);
      } else {
        text.append(cell).append(padding);
      }
    }
    return text.toString().stripTrailing() + "\n";
  }

  private void writeDetail(Writer out, String label, List<String> values, int maxLines)
      throws IOException {
    TerminalLines.writeDetail(out, label, LABEL_WIDTH, values, width, maxLines);
  }

  private void writeHealthProbes(RobustResult result, Writer out) throws IOException {
    List<HealthProbeRow> probes = result.healthProbes();
    int addressWidth = RobustColumns.SRC_IP.length();
    int countWidth = RobustColumns.COUNT.length();
    int agentsWidth = RobustColumns.USER_AGENTS.length();
    int pathsWidth = RobustColumns.PATHS.length();
    for (HealthProbeRow probe : probes) {
      addressWidth = Math.max(addressWidth, TerminalText.escape(probe.address()).length());
      countWidth = Math.max(countWidth, Long.toString(probe.requests()).length());
      agentsWidth = Math.max(agentsWidth, joinedLength(probe.userAgents()));
      pathsWidth = Math.max(pathsWidth, joinedLength(probe.paths()));
    }
    int fixed = INDENT.length() + GAP.length() + countWidth + GAP.length();
    addressWidth = Math.max(1, Math.min(addressWidth, width - fixed - MIN_PROBE_LISTS_WIDTH));
    // The user agents and the paths share what is left; the paths get half, or all they need.
    int lists = width - fixed - addressWidth - GAP.length();
    agentsWidth = Math.min(agentsWidth, Math.max(lists / 2, lists - pathsWidth));
    pathsWidth = lists - agentsWidth;

    out.write(HEALTH_PROBES_TITLE);
    String[] header = {RobustColumns.SRC_IP, RobustColumns.COUNT, RobustColumns.USER_AGENTS,
        RobustColumns.PATHS};
    int[] widths = {addressWidth, countWidth, agentsWidth, pathsWidth};
    out.write(INDENT + line(header, widths, 1));
    for (HealthProbeRow probe : probes) {
      String[] cells = {
        TerminalText.escape(probe.address()),
        Long.toString(probe.requests()),
        TerminalLines.summarize(escapeAll(probe.userAgents()), agentsWidth),
        TerminalLines.summarize(escapeAll(probe.paths()), pathsWidth)
      };
      out.write(INDENT + line(cells, widths, 1));
    }
    long requests = result.healthProbeRequests();
    out.write(INDENT + "Total: " + plural(requests, "request", "requests") + " from "
        + plural(probes.size(), "address", "addresses") + "\n");
  }

  private static int joinedLength(List<String> values) {
    int length = Math.max(0, 2 * (values.size() - 1));
    for (String value : values) {
      length += TerminalText.escape(value).length();
    }
    return length;
  }

  private static List<String> escapeAll(List<String> values) {
    List<String> escaped = new ArrayList<>(values.size());
    for (String value : values) {
      escaped.add(TerminalText.escape(value));
    }
    return escaped;
  }

  private static String plural(long count, String singular, String pluralForm) {
    return count + " " + (count == 1 ? singular : pluralForm);
  }
}
