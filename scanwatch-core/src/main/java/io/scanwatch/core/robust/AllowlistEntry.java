package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One allowlist entry: traffic that is known and accepted, with the reason it is.
 *
 * <p>An event matches when it meets every criterion the entry sets; an empty list sets none. At
 * least one criterion must be set, so that no entry suppresses everything by accident.
 *
 * <ul>
 *   <li>{@code cidrs}: the connecting peer, the last {@code sourceIPs} value, lies in one of the
 *       blocks. The {@code X-Forwarded-For} entries before it are not compared, because a client
 *       writes them and could otherwise suppress its own requests.
 *   <li>{@code userAgents}: globs (see below) compared ignoring the case of ASCII letters. The
 *       event needs a {@code userAgent} value, and each of its values must match one glob.
 *   <li>{@code paths}: globs compared with case against each {@code requestURI} without its query
 *       string. The event needs a value, and each value must match one glob.
 *   <li>{@code clusters}: the event's EKS cluster name equals one of them exactly; an event whose
 *       cluster is unknown does not match.
 * </ul>
 *
 * <p>Globs: {@code *} matches any run of characters, {@code ?} one character, a backslash makes
 * the next character literal, and the glob must match the whole value. Globs, not regular
 * expressions, because they cannot backtrack without bound on attacker-written text. A glob
 * without wildcards is an exact match.
 *
 * @param reason why this traffic is accepted, reported with the count of events it suppressed
 */
public record AllowlistEntry(
    String reason,
    List<Cidr> cidrs,
    List<String> userAgents,
    List<String> paths,
    List<String> clusters)
    implements Serializable {

  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException if the reason is blank, no criterion is set, or a glob is
   *     invalid
   */
  public AllowlistEntry {
    Objects.requireNonNull(reason, "reason");
    cidrs = List.copyOf(cidrs);
    userAgents = List.copyOf(userAgents);
    paths = List.copyOf(paths);
    clusters = List.copyOf(clusters);
    if (reason.isBlank()) {
      throw new IllegalArgumentException("allowlist entry needs a reason");
    }
    if (cidrs.isEmpty() && userAgents.isEmpty() && paths.isEmpty() && clusters.isEmpty()) {
      throw new IllegalArgumentException("allowlist entry '" + reason + "' sets no criterion:"
          + " give at least one of cidrs, user_agents, paths or clusters");
    }
    userAgents.forEach(Glob::validate);
    paths.forEach(Glob::validate);
  }

  /**
   * Creates an entry from text, parsing each CIDR with {@link Cidr#parseExact}, so that a block
   * with host bits set is rejected rather than silently widened.
   *
   * @throws IllegalArgumentException as {@link Cidr#parseExact} and the canonical constructor do
   */
  public static AllowlistEntry of(
      String reason,
      List<String> cidrs,
      List<String> userAgents,
      List<String> paths,
      List<String> clusters) {
    List<Cidr> blocks = new ArrayList<>(cidrs.size());
    for (String cidr : cidrs) {
      blocks.add(Cidr.parseExact(cidr));
    }
    return new AllowlistEntry(reason, blocks, userAgents, paths, clusters);
  }

  /** Creates an entry that matches user agents only. */
  public static AllowlistEntry ofUserAgents(String reason, String... userAgentGlobs) {
    return new AllowlistEntry(reason, List.of(), List.of(userAgentGlobs), List.of(), List.of());
  }

  /** Tests whether {@code event} meets every criterion this entry sets. */
  public boolean matches(AuditEvent event) {
    return (cidrs.isEmpty() || peerInBlocks(event.sourceIps()))
        && (userAgents.isEmpty() || allMatch(event.userAgents(), userAgents, true, false))
        && (paths.isEmpty() || allMatch(event.requestUris(), paths, false, true))
        && (clusters.isEmpty() || (event.cluster() != null && clusters.contains(event.cluster())));
  }

  private boolean peerInBlocks(List<String> sourceIps) {
    if (sourceIps.isEmpty()) {
      return false;
    }
    IpAddress peer = IpAddresses.parse(sourceIps.get(sourceIps.size() - 1));
    if (peer == null) {
      return false;
    }
    for (Cidr cidr : cidrs) {
      if (cidr.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allMatch(
      List<String> values, List<String> globs, boolean ignoreAsciiCase, boolean pathOnly) {
    if (values.isEmpty()) {
      return false;
    }
    for (String value : values) {
      String compared = pathOnly ? ApiPaths.withoutQuery(value) : value;
      if (!anyMatch(globs, compared, ignoreAsciiCase)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyMatch(List<String> globs, String value, boolean ignoreAsciiCase) {
    for (String glob : globs) {
      if (Glob.matches(glob, value, ignoreAsciiCase)) {
        return true;
      }
    }
    return false;
  }
}
