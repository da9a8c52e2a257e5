package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityAggregator;
import io.scanwatch.core.detect.ParityDetection;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.robust.Allowlist;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.DetectionSettings;
import io.scanwatch.core.robust.RobustAggregator;
import io.scanwatch.core.robust.RobustDetection;
import io.scanwatch.core.robust.RobustVerdict;
import io.scanwatch.input.ReadReport;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The detections over the events of one piece of input: parity's verdict counts and rows, the
 * robust aggregator, allowlist counts and, when comparing, what parity dropped per address.
 * Pieces read on different threads merge into one in input order.
 */
final class HuntPipeline {

  /** The detections to run (parity, robust or both) with their allowlist and settings. */
  record Settings(boolean parity, boolean robust, boolean compare, Allowlist userAllowlist,
      DetectionSettings robustSettings, DetectionMetadata robustMetadata) {}

  private final Settings settings;
  private final ParityDetection detection = new ParityDetection();
  private final ParityAggregator aggregator = new ParityAggregator();
  private final RobustAggregator robust;
  private final ReadReport report;
  private final EnumMap<ParityVerdict, Long> verdicts = new EnumMap<>(ParityVerdict.class);
  private final long[] paritySuppressed;
  private long rejectedWithoutUser;
  private final Set<String> suppressedAddresses = new LinkedHashSet<>();
  private final Map<String, EnumMap<ParityVerdict, Long>> droppedByParity = new HashMap<>();

  HuntPipeline(ReadReport report, Settings settings) {
    this.report = report;
    this.settings = settings;
    this.robust = settings.robust()
        ? new RobustAggregator(settings.robustSettings(), settings.robustMetadata()) : null;
    this.paritySuppressed = new long[settings.userAllowlist().entries().size()];
  }

  void accept(AuditEvent event) {
    if (robust != null && robust.add(event) == RobustVerdict.ALLOWLISTED) {
      suppressedAddresses.addAll(event.sourceIps());
    }
    if (settings.parity()) {
      acceptParity(event);
    }
  }

  private void acceptParity(AuditEvent event) {
    ParityVerdict verdict = detection.evaluate(event);
    if (verdict == ParityVerdict.MATCHED) {
      int entry = settings.userAllowlist().firstMatch(event);
      if (entry >= 0) {
        paritySuppressed[entry]++;
        suppressedAddresses.addAll(event.sourceIps());
        return;
      }
    }
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
    if (verdict == ParityVerdict.NOT_ANONYMOUS && event.usernames().isEmpty()
        && RobustDetection.isUnauthenticated(event)) {
      rejectedWithoutUser++;
    }
    if (settings.compare() && verdict != ParityVerdict.MATCHED
        && RobustDetection.isUnauthenticated(event)) {
      for (String address : event.sourceIps()) {
        droppedByParity.computeIfAbsent(address, a -> new EnumMap<>(ParityVerdict.class))
            .merge(verdict, 1L, Long::sum);
      }
    }
  }

  /** Adds everything {@code other} saw, which came later in the input; do not use it after. */
  void merge(HuntPipeline other) {
    aggregator.merge(other.aggregator);
    for (Map.Entry<ParityVerdict, Long> entry : other.verdicts.entrySet()) {
      verdicts.merge(entry.getKey(), entry.getValue(), Long::sum);
    }
    if (robust != null) {
      robust.merge(other.robust);
    }
    for (int i = 0; i < paritySuppressed.length; i++) {
      paritySuppressed[i] += other.paritySuppressed[i];
    }
    suppressedAddresses.addAll(other.suppressedAddresses);
    rejectedWithoutUser += other.rejectedWithoutUser;
    for (Map.Entry<String, EnumMap<ParityVerdict, Long>> entry
        : other.droppedByParity.entrySet()) {
      EnumMap<ParityVerdict, Long> mine =
          droppedByParity.computeIfAbsent(entry.getKey(), a -> new EnumMap<>(ParityVerdict.class));
      entry.getValue().forEach((verdict, count) -> mine.merge(verdict, count, Long::sum));
    }
  }

  private static String describeSources(AuditEvent event) {
    return event.sourceIps().isEmpty() ? "an unknown address" : String.join(", ", event.sourceIps());
  }

  Settings settings() {
    return settings;
  }

  ParityAggregator aggregator() {
    return aggregator;
  }

  /** Returns the robust aggregator, or null when the robust detection does not run. */
  RobustAggregator robust() {
    return robust;
  }

  ReadReport report() {
    return report;
  }

  long count(ParityVerdict verdict) {
    return verdicts.getOrDefault(verdict, 0L);
  }

  /** Events of each user allowlist entry that parity would have kept, by entry index. */
  long[] paritySuppressed() {
    return paritySuppressed.clone();
  }

  /** Events parity read that were rejected with 401 before a user was known. */
  long rejectedWithoutUser() {
    return rejectedWithoutUser;
  }

  /** Source addresses of suppressed events, in the order first seen. */
  Set<String> suppressedAddresses() {
    return suppressedAddresses;
  }

  /** Unauthenticated events parity dropped, by source address and reason. */
  Map<String, EnumMap<ParityVerdict, Long>> droppedByParity() {
    return droppedByParity;
  }
}
