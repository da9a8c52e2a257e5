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
 * @param usualShape true when the reader saw every field above in its usual JSON shape: {@code
 *     user} and {@code responseStatus} objects, {@code user.groups} and {@code sourceIPs} arrays of
 *     scalars, the others scalars (any of them may be null), and no key with a dot, a brace or no
 *     name beside them. Then each list equals what Splunk's JSON extraction gives under the
 *     field's Splunk name ({@code user.username}, {@code user.groups{}}, {@code sourceIPs{}}, and
 *     so on) once empty values are dropped, so a search can take these lists instead of parsing
 *     {@link #raw} again. False when unknown.
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
    String raw,
    boolean usualShape) {

  /** Creates an event whose fields' JSON shape is not known. */
  public AuditEvent(long timeMicros, String source, String cluster, List<String> usernames,
      List<String> groups, List<String> sourceIps, List<String> userAgents, List<String> verbs,
      List<String> requestUris, List<String> reasons, List<String> codes, List<String> auditIds,
      List<String> stages, Location location, String raw) {
    this(timeMicros, source, cluster, usernames, groups, sourceIps, userAgents, verbs, requestUris,
        reasons, codes, auditIds, stages, location, raw, false);
  }

  /** Returns this event with {@code text} as its JSON text. */
  public AuditEvent withRaw(String text) {
    return new AuditEvent(timeMicros, source, cluster, usernames, groups, sourceIps, userAgents,
        verbs, requestUris, reasons, codes, auditIds, stages, location, text, usualShape);
  }

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
