package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.Suppression;
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
      int rows, RobustResult robust) {
    if (pipeline.settings().parity()) {
      err.printf(Locale.ROOT, "scanwatch: read %s (%s), parsed %s; %s matched, %s%n",
          plural(files, "input"), bytes(report.bytesRead()),
          plural(report.eventsRead(), "audit event"),
          number(pipeline.count(ParityVerdict.MATCHED)), plural(rows, "row"));
    }
    if (robust != null) {
      err.printf(Locale.ROOT, "%s%s unauthenticated events; after the allowlist %s, %s of "
          + "them from health probes; %s, %s%n",
          pipeline.settings().parity() ? "robust: " : "scanwatch: read " + plural(files, "input")
              + " (" + bytes(report.bytesRead()) + "), parsed " + plural(report.eventsRead(),
              "audit event") + "; ",
          number(robust.unauthenticatedEvents()), plural(robust.requests(), "request"),
          number(robust.healthProbeRequests()),
          plural(robust.rows().size(), "scanning source"),
          plural(robust.healthProbes().size(), "health-probe source"));
    }
    printSuppressions(err, pipeline, robust);
    printPrefilter(err, report,
        pipeline.settings().robust() ? "system:anonymous or 401" : "system:anonymous", true);
    long excluded = pipeline.count(ParityVerdict.EXCLUDED_USER_AGENT);
    if (excluded > 0) {
      err.printf(Locale.ROOT, "excluded: %s from the AWS Security Scanner user agent%n",
          plural(excluded, "anonymous event"));
    }
    printSkips(err, report);
    SkipLog skips = report.skips();
    long blind = skips.count(SkipReason.MISSING_USER_AGENT)
        + skips.count(SkipReason.MISSING_BY_FIELD);
    if (blind > 0) {
      err.printf(Locale.ROOT, "note: Splunk's analytic drops %s too (no userAgent, sourceIPs "
          + "or user.groups value); %s still be scanning.%n",
          blind == 1 ? "this anonymous event" : "these " + plural(blind, "anonymous event"),
          blind == 1 ? "it may" : "they may");
    }
    if (robust == null && pipeline.rejectedWithoutUser() > 0) {
      err.printf(Locale.ROOT, "note: %s rejected with 401 before a user was known (as on EKS 1.32 "
          + "and later), which the Splunk analytic cannot see; --detection robust or --compare "
          + "shows them%n", pipeline.rejectedWithoutUser() == 1 ? "1 event was"
              : number(pipeline.rejectedWithoutUser()) + " events were");
    }
    printInvalidUtf8(err, report);
    printProblems(err, report);
    err.flush();
  }

  /** Prints how many lines had invalid UTF-8, if any, and where the first was. */
  static void printInvalidUtf8(PrintWriter err, ReadReport report) {
    if (report.invalidUtf8Lines() > 0) {
      err.printf(Locale.ROOT, "warning: %s had invalid UTF-8, read with U+FFFD in its place "
          + "(first at %s)%n", plural(report.invalidUtf8Lines(), "line"),
          TerminalText.escape(String.valueOf(report.firstInvalidUtf8())));
    }
  }

  /** Prints the skipped records by reason and the problems with whole inputs. */
  /**
   * Prints how many lines and CloudWatch log events the prefilter passed over, if any, and that
   * bad records among them are not counted (only when {@code noteUncounted} is set).
   */
  static void printPrefilter(PrintWriter err, ReadReport report, String literal,
      boolean noteUncounted) {
    String uncounted = noteUncounted
        ? "; bad records there are not counted (--no-prefilter reads them)" : "";
    if (report.linesPassedOver() > 0) {
      err.printf(Locale.ROOT, "prefilter: %s of %s passed over unparsed, as they do not contain "
          + "%s%s%n", number(report.linesPassedOver()), plural(report.lines(), "line"), literal,
          uncounted);
    }
    if (report.logEventsPassedOver() > 0) {
      err.printf(Locale.ROOT, "prefilter: %s of %s passed over unparsed, as their messages do "
          + "not contain %s%s%n", number(report.logEventsPassedOver()),
          plural(report.logEvents(), "CloudWatch log event"), literal, uncounted);
    }
  }

  static void printSkipsAndProblems(PrintWriter err, ReadReport report) {
    printSkips(err, report);
    printProblems(err, report);
    err.flush();
  }

  private static void printSkips(PrintWriter err, ReadReport report) {
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
  }

  private static void printProblems(PrintWriter err, ReadReport report) {
    for (ReadReport.Problem problem : report.problems()) {
      err.printf("%s: %s: %s%n", problem.failed() ? "error" : "warning",
          TerminalText.escape(problem.where()), TerminalText.escape(problem.message()));
    }
  }

  private static void printSuppressions(PrintWriter err, HuntPipeline pipeline,
      RobustResult robust) {
    if (robust != null) {
      // Every entry is listed, so that one that matches nothing shows up as such.
      for (Suppression suppression : robust.suppressions()) {
        err.printf(Locale.ROOT, "allowlist: %s suppressed by \"%s\"%n",
            plural(suppression.events(), "unauthenticated event"),
            TerminalText.escape(suppression.entry().reason()));
      }
    } else {
      long[] counts = pipeline.paritySuppressed();
      for (int i = 0; i < counts.length; i++) {
        err.printf(Locale.ROOT, "allowlist: %s suppressed by \"%s\"%n",
            plural(counts[i], "event"), TerminalText.escape(
                pipeline.settings().userAllowlist().entries().get(i).reason()));
      }
    }
    java.util.Set<String> shown = new java.util.HashSet<>();
    if (robust != null) {
      robust.rows().forEach(row -> shown.add(row.address()));
      robust.healthProbes().forEach(row -> shown.add(row.address()));
    } else {
      pipeline.aggregator().rows().forEach(row -> shown.add(row.srcIp()));
    }
    java.util.List<String> gone = pipeline.suppressedAddresses().stream()
        .filter(address -> !shown.contains(address))
        .sorted(io.scanwatch.core.text.Utf8Order.INSTANCE).limit(20).toList();
    if (!gone.isEmpty()) {
      err.printf("allowlist: no row left for %s%n",
          TerminalText.escape(String.join(", ", gone)));
    }
  }

  static String plural(long count, String noun) {
    return plural(count, noun, noun + "s");
  }

  /** Writes a count with the singular or plural noun, for nouns whose plural is not noun + s. */
  static String plural(long count, String singular, String pluralNoun) {
    return number(count) + " " + (count == 1 ? singular : pluralNoun);
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
