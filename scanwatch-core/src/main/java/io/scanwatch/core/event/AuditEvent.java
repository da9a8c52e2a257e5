package io.scanwatch.core.event;

import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes audit event with the fields the detections read, as Splunk's JSON extraction
 * gives them.
 *
 * <p>Every field is a list of values: a scalar gives one value, an array gives its scalar members
 * in order with duplicates kept, and a missing field, {@code null}, the empty string, an object
 * and an array nested in an array give none. Numbers and booleans are their JSON text.
 *
 * @param timeMicros {@code _time} in microseconds since the epoch, from the field its input shape
 *     names
 * @param source Splunk's {@code source}: the path, log stream or {@code logGroup:logStream}
 * @param cluster the EKS cluster name, or null when the input does not tell it
 * @param location where the event was read, for messages
 * @param raw the event's JSON text when the reader was asked to keep it (for searches over any
 *     field), else null
 */
public record AuditEvent(
    long timeMicros,
    String source,
    String cluster,
    List<String> usernames,
    List<String> groups,
    List<String> sourceIps,
    List<String> userAgents,
    List<String> verbs,
    List<String> requestUris,
    List<String> reasons,
    List<String> codes,
    List<String> auditIds,
    List<String> stages,
    Location location,
    String raw) {

  public AuditEvent {
    Objects.requireNonNull(source, "source");
    usernames = List.copyOf(usernames);
    groups = List.copyOf(groups);
    sourceIps = List.copyOf(sourceIps);
    userAgents = List.copyOf(userAgents);
    verbs = List.copyOf(verbs);
    requestUris = List.copyOf(requestUris);
    reasons = List.copyOf(reasons);
    codes = List.copyOf(codes);
    auditIds = List.copyOf(auditIds);
    stages = List.copyOf(stages);
  }
}
