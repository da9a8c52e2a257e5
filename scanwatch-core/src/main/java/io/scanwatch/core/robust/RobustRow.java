package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.List;

/**
 * One source address and the unauthenticated requests that listed it in {@code sourceIPs}, health
 * probes left out. Counts are requests, not events. Lists hold distinct values sorted by their
 * UTF-8 bytes. Times are microseconds since the epoch.
 *
 * @param address the address in canonical form, or the text as written when it is invalid
 * @param scope public, non-public or invalid
 * @param addressRange the reserved block of a non-public address, else null
 * @param role whether the address was the connecting peer, only an {@code X-Forwarded-For} entry,
 *     or both
 * @param requests requests that listed the address (once each, however often it was listed)
 * @param peerRequests of those, the requests where it was the last entry
 * @param forwardedRequests of those, the requests where it was an earlier entry; a request can
 *     count here and in {@code peerRequests}
 * @param requestUris full request URIs, query strings kept
 * @param paths request URIs without their query strings; their number is the breadth that
 *     {@link SeverityRules} compares with the thresholds
 * @param statusReasons {@code responseStatus.reason} values, such as {@code Unauthorized}
 * @param userAgents user agents, with {@link RobustAggregator#NO_USER_AGENT} for a request that
 *     had none
 * @param clusters EKS cluster names; requests with an unknown cluster add none
 * @param sources Splunk {@code source} values: paths, log streams or {@code logGroup:logStream}
 * @param scannerNames names of the known scanner user agents that matched
 * @param responses requests by response code class
 * @param severity the highest level a rule of {@link SeverityRules} gave
 * @param reasons why, most severe first, such as {@code "2xx on /api/v1/secrets"}
 * @param groups distinct {@code user.groups} values, with {@link RobustAggregator#NO_GROUPS} for
 *     requests that had none (as a 401 before authentication has)
 */
public record RobustRow(
    String address,
    AddressScope scope,
    String addressRange,
    IpRole role,
    long requests,
    long peerRequests,
    long forwardedRequests,
    long firstMicros,
    long lastMicros,
    List<String> requestUris,
    List<String> paths,
    List<String> verbs,
    List<String> codes,
    List<String> statusReasons,
    List<String> userAgents,
    List<String> clusters,
    List<String> sources,
    List<String> scannerNames,
    ResponseShares responses,
    Severity severity,
    List<String> reasons,
    List<String> groups)
    implements Serializable {

  public RobustRow {
    requestUris = List.copyOf(requestUris);
    paths = List.copyOf(paths);
    verbs = List.copyOf(verbs);
    codes = List.copyOf(codes);
    statusReasons = List.copyOf(statusReasons);
    userAgents = List.copyOf(userAgents);
    clusters = List.copyOf(clusters);
    sources = List.copyOf(sources);
    scannerNames = List.copyOf(scannerNames);
    reasons = List.copyOf(reasons);
    groups = List.copyOf(groups);
  }
}
