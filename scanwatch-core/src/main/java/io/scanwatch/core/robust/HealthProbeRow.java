package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.List;

/**
 * One source address and the unauthenticated health probes that listed it in {@code sourceIPs}:
 * requests from a known prober to {@code /healthz}, {@code /livez}, {@code /readyz} or a path
 * below them. They never add to a {@link RobustRow}; lists are distinct values sorted by their
 * UTF-8 bytes, and times are microseconds since the epoch.
 *
 * @param address the address in canonical form, or the text as written when it is invalid
 * @param addressRange the reserved block of a non-public address, else null
 * @param paths the probed paths without query strings
 */
public record HealthProbeRow(
    String address,
    AddressScope scope,
    String addressRange,
    IpRole role,
    long requests,
    long firstMicros,
    long lastMicros,
    List<String> paths,
    List<String> userAgents,
    List<String> codes,
    List<String> clusters,
    List<String> sources)
    implements Serializable {

  /** The reason given for every health probe row. */
  public static final String REASON = "only health probes";

  public HealthProbeRow {
    paths = List.copyOf(paths);
    userAgents = List.copyOf(userAgents);
    codes = List.copyOf(codes);
    clusters = List.copyOf(clusters);
    sources = List.copyOf(sources);
  }

  /** Returns {@link Severity#INFO}: traffic that is only health probes is informational. */
  public Severity severity() {
    return Severity.INFO;
  }

  /** Returns the single reason {@link #REASON}. */
  public List<String> reasons() {
    return List.of(REASON);
  }
}
