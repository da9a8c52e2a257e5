package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityAggregator;
import io.scanwatch.core.detect.ParityDetection;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.input.ReadReport;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parity detection over the events of one piece of input: its verdict counts, its rows and
 * its read report. Pieces read on different threads merge into one in input order.
 */
final class HuntPipeline {

  private final ParityDetection detection = new ParityDetection();
  private final ParityAggregator aggregator = new ParityAggregator();
  private final ReadReport report;
  private final EnumMap<ParityVerdict, Long> verdicts = new EnumMap<>(ParityVerdict.class);

  HuntPipeline(ReadReport report) {
    this.report = report;
  }

  void accept(AuditEvent event) {
    ParityVerdict verdict = detection.evaluate(event);
    verdicts.merge(verdict, 1L, Long::sum);
    switch (verdict) {
      case MATCHED -> aggregator.add(event);
      case MISSING_USER_AGENT -> report.skips().record(SkipReason.MISSING_USER_AGENT,
          event.location(), "anonymous request from " + describeSources(event));
      case MISSING_BY_FIELD -> report.skips().record(SkipReason.MISSING_BY_FIELD,
          event.location(), event.sourceIps().isEmpty()
              ? "anonymous request with no sourceIPs"
              : "anonymous request from " + describeSources(event) + " with no user.groups");
      default -> {}
    }
  }

  /** Adds the verdicts and rows of {@code other}, which must not be used afterwards. */
  void merge(HuntPipeline other) {
    aggregator.merge(other.aggregator);
    for (Map.Entry<ParityVerdict, Long> entry : other.verdicts.entrySet()) {
      verdicts.merge(entry.getKey(), entry.getValue(), Long::sum);
    }
  }

  private static String describeSources(AuditEvent event) {
    return event.sourceIps().isEmpty() ? "an unknown address" : String.join(", ", event.sourceIps());
  }

  ParityAggregator aggregator() {
    return aggregator;
  }

  ReadReport report() {
    return report;
  }

  long count(ParityVerdict verdict) {
    return verdicts.getOrDefault(verdict, 0L);
  }
}
