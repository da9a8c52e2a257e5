package io.scanwatch.input;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.Timestamps;
import java.util.ArrayList;
import java.util.List;

/** The fields of one audit event as they are read, before its time and origin are settled. */
final class EventBuilder {
  final List<String> kinds = new ArrayList<>(1);
  final List<String> auditIds = new ArrayList<>(1);
  final List<String> stages = new ArrayList<>(1);
  final List<String> usernames = new ArrayList<>(1);
  final List<String> groups = new ArrayList<>(2);
  final List<String> sourceIps = new ArrayList<>(2);
  final List<String> userAgents = new ArrayList<>(1);
  final List<String> verbs = new ArrayList<>(1);
  final List<String> requestUris = new ArrayList<>(1);
  final List<String> reasons = new ArrayList<>(1);
  final List<String> codes = new ArrayList<>(1);
  final List<String> requestReceivedTimestamps = new ArrayList<>(1);
  final List<String> stageTimestamps = new ArrayList<>(1);
  final List<String> legacyTimestamps = new ArrayList<>(1);
  final List<String> creationTimestamps = new ArrayList<>(1);

  /** True when the object says it is an audit event: {@code "kind":"Event"} or an auditID. */
  boolean isAuditEvent() {
    return kinds.contains("Event") || !auditIds.isEmpty();
  }

  /**
   * Returns the event's own time: {@code requestReceivedTimestamp}, else {@code stageTimestamp},
   * else {@code timestamp} (v1beta1), else {@code metadata.creationTimestamp}; the first usable
   * one wins. Returns {@link Timestamps#INVALID} when none is usable.
   */
  long ownTimeMicros() {
    for (List<String> candidates :
        List.of(requestReceivedTimestamps, stageTimestamps, legacyTimestamps, creationTimestamps)) {
      for (String candidate : candidates) {
        long micros = Timestamps.parseMicros(candidate);
        if (micros != Timestamps.INVALID) {
          return micros;
        }
      }
    }
    return Timestamps.INVALID;
  }

  /** Set when a field of the event had a shape other than the usual (see AuditEvent). */
  boolean unusualShape;

  AuditEvent build(long timeMicros, String source, String cluster, Location location) {
    return new AuditEvent(
        timeMicros,
        source,
        cluster,
        usernames,
        groups,
        sourceIps,
        userAgents,
        verbs,
        requestUris,
        reasons,
        codes,
        auditIds,
        stages,
        location,
        null,
        !unusualShape);
  }
}
