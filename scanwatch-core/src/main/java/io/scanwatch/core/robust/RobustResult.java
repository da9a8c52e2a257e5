package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.List;

/**
 * A finished, immutable snapshot of the robust detection.
 *
 * @param metadata the catalog data every finding carries
 * @param rows scan rows, sorted by severity (critical first), then requests (most first), then
 *     address by UTF-8 bytes
 * @param healthProbes health probe rows, sorted by requests (most first), then address
 * @param suppressions every allowlist entry in order, with the events it suppressed
 * @param eventsAdded events passed to {@link RobustAggregator#add}
 * @param unauthenticatedEvents of those, the unauthenticated ones, suppressed ones included
 * @param requests distinct requests remembered after the allowlist (events sharing an {@code
 *     auditID} are one)
 * @param healthProbeRequests of those, the requests that are health probes
 * @param requestsWithoutSourceIp of those, the requests with no {@code sourceIPs} value, which
 *     give no row
 */
public record RobustResult(
    DetectionMetadata metadata,
    List<RobustRow> rows,
    List<HealthProbeRow> healthProbes,
    List<Suppression> suppressions,
    long eventsAdded,
    long unauthenticatedEvents,
    long requests,
    long healthProbeRequests,
    long requestsWithoutSourceIp)
    implements Serializable {

  public RobustResult {
    rows = List.copyOf(rows);
    healthProbes = List.copyOf(healthProbes);
    suppressions = List.copyOf(suppressions);
  }

  /** Returns the events that allowlist entries suppressed, over all entries. */
  public long suppressedEvents() {
    long total = 0;
    for (Suppression suppression : suppressions) {
      total += suppression.events();
    }
    return total;
  }
}
