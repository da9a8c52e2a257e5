package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.SkipLog;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.input.ReadReport;
import io.scanwatch.output.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The run summary written to standard error after the findings. */
final class Summary {

  private Summary() {}

  static void print(PrintWriter err, long files, ReadReport report, HuntPipeline pipeline,
      int rows) {
    err.printf(Locale.ROOT, "scanwatch: read %s (%s), %s; %s matched, %s%n",
        plural(files, "input"), bytes(report.bytesRead()),
        plural(report.eventsRead(), "audit event"),
        number(pipeline.count(ParityVerdict.MATCHED)), plural(rows, "row"));
    if (report.linesPassedOver() > 0) {
      err.printf(Locale.ROOT, "prefilter: %s of %s passed over unparsed, as they do not contain "
          + "system:anonymous; bad records there are not counted (--no-prefilter reads them)%n",
          number(report.linesPassedOver()), plural(report.lines(), "line"));
    }
    long excluded = pipeline.count(ParityVerdict.EXCLUDED_USER_AGENT);
    if (excluded > 0) {
      err.printf(Locale.ROOT, "excluded: %s from the AWS Security Scanner user agent%n",
          plural(excluded, "anonymous event"));
    }
    SkipLog skips = report.skips();
    if (skips.total() > 0) {
      err.printf(Locale.ROOT, "skipped: %s%n", plural(skips.total(), "record"));
      for (Map.Entry<SkipReason, Long> entry : skips.counts().entrySet()) {
        err.printf(Locale.ROOT, "  %-24s %s%n", entry.getKey().label(), number(entry.getValue()));
        for (SkipLog.Entry example : skips.examples(entry.getKey())) {
          err.printf("    at %s: %s%n", TerminalText.escape(example.location().toString()),
              TerminalText.escape(example.detail()));
        }
      }
    }
    long blind = skips.count(SkipReason.MISSING_USER_AGENT)
        + skips.count(SkipReason.MISSING_BY_FIELD);
    if (blind > 0) {
      err.printf(Locale.ROOT, "note: Splunk's analytic drops %s too (no userAgent, sourceIPs "
          + "or user.groups value); %s still be scanning.%n",
          blind == 1 ? "this anonymous event" : "these " + plural(blind, "anonymous event"),
          blind == 1 ? "it may" : "they may");
    }
    if (report.invalidUtf8Lines() > 0) {
      err.printf(Locale.ROOT, "warning: %s had invalid UTF-8, read with U+FFFD in its place "
          + "(first at %s)%n", plural(report.invalidUtf8Lines(), "line"),
          TerminalText.escape(String.valueOf(report.firstInvalidUtf8())));
    }
    for (ReadReport.Problem problem : report.problems()) {
      err.printf("%s: %s: %s%n", problem.failed() ? "error" : "warning",
          TerminalText.escape(problem.where()), TerminalText.escape(problem.message()));
    }
    err.flush();
  }

  static String plural(long count, String noun) {
    return number(count) + " " + noun + (count == 1 ? "" : "s");
  }

  static String number(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = count;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
