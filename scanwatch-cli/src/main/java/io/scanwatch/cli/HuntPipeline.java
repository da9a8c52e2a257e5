package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityAggregator;
import io.scanwatch.core.detect.ParityDetection;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads inputs through the parity detection into one aggregator. */
final class HuntPipeline {

  private final AuditLogReader reader;
  private final ParityDetection detection = new ParityDetection();
  private final ParityAggregator aggregator = new ParityAggregator();
  private final ReadReport report;
  private final EnumMap<ParityVerdict, Long> verdicts = new EnumMap<>(ParityVerdict.class);

  HuntPipeline(String defaultCluster, ReadReport report) {
    this.reader = new AuditLogReader(defaultCluster);
    this.report = report;
  }

  void readAll(List<InputSource> sources) {
    for (InputSource source : sources) {
      reader.read(source, this::accept, report);
    }
  }

  private void accept(AuditEvent event) {
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

  private static String describeSources(AuditEvent event) {
    return event.sourceIps().isEmpty() ? "an unknown address" : String.join(", ", event.sourceIps());
  }

  ParityAggregator aggregator() {
    return aggregator;
  }

  Map<ParityVerdict, Long> verdicts() {
    return verdicts;
  }

  long count(ParityVerdict verdict) {
    return verdicts.getOrDefault(verdict, 0L);
  }
}
