package io.scanwatch.core.detect;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.text.Utf8Order;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The running {@code stats} of one parity row: count, time range and the distinct values of each
 * {@code values()} column. Mutable and not thread-safe; two states of the same row merge into one.
 */
final class ParityRowState implements Serializable {

  private long count;
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;
  private final Set<String> reasons = new HashSet<>();
  private final Set<String> sources = new HashSet<>();
  private final Set<String> codes = new HashSet<>();
  private final Set<String> userAgents = new HashSet<>();
  private final Set<String> verbs = new HashSet<>();
  private final Set<String> requestUris = new HashSet<>();
  private final Set<String> clusters = new HashSet<>();

  void add(AuditEvent event) {
    count++;
    firstMicros = Math.min(firstMicros, event.timeMicros());
    lastMicros = Math.max(lastMicros, event.timeMicros());
    reasons.addAll(event.reasons());
    sources.add(event.source());
    codes.addAll(event.codes());
    userAgents.addAll(event.userAgents());
    verbs.addAll(event.verbs());
    requestUris.addAll(event.requestUris());
    if (event.cluster() != null) {
      clusters.add(event.cluster());
    }
  }

  void merge(ParityRowState other) {
    count += other.count;
    firstMicros = Math.min(firstMicros, other.firstMicros);
    lastMicros = Math.max(lastMicros, other.lastMicros);
    reasons.addAll(other.reasons);
    sources.addAll(other.sources);
    codes.addAll(other.codes);
    userAgents.addAll(other.userAgents);
    verbs.addAll(other.verbs);
    requestUris.addAll(other.requestUris);
    clusters.addAll(other.clusters);
  }

  ParityRow snapshot(ParityRowKey key) {
    return new ParityRow(
        key.srcIp(),
        key.username(),
        key.group(),
        count,
        firstMicros,
        lastMicros,
        sorted(reasons),
        sorted(sources),
        sorted(codes),
        sorted(userAgents),
        sorted(verbs),
        sorted(requestUris),
        sorted(clusters));
  }

  private static List<String> sorted(Collection<String> values) {
    List<String> list = new ArrayList<>(values);
    list.sort(Utf8Order.INSTANCE);
    return list;
  }
}
