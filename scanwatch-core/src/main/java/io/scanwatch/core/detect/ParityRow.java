package io.scanwatch.core.detect;

import java.util.List;

/**
 * One finished row of the parity table. Multi-value columns are distinct values sorted by their
 * UTF-8 bytes. Times are microseconds since the epoch; rendering them is up to the output.
 *
 * @param reasons {@code values(responseStatus.reason)}
 * @param clusterNames {@code cluster_name}, which the seed fills with {@code values(source)}
 * @param codes {@code values(responseStatus.code)}
 * @param userAgents {@code http_user_agent}
 * @param verbs {@code values(verb)}
 * @param requestUris {@code values(requestURI)}
 * @param clusters EKS cluster names taken from log groups or {@code --cluster}
 */
public record ParityRow(
    String srcIp,
    String username,
    String group,
    long count,
    long firstMicros,
    long lastMicros,
    List<String> reasons,
    List<String> clusterNames,
    List<String> codes,
    List<String> userAgents,
    List<String> verbs,
    List<String> requestUris,
    List<String> clusters) {

  public ParityRow {
    reasons = List.copyOf(reasons);
    clusterNames = List.copyOf(clusterNames);
    codes = List.copyOf(codes);
    userAgents = List.copyOf(userAgents);
    verbs = List.copyOf(verbs);
    requestUris = List.copyOf(requestUris);
    clusters = List.copyOf(clusters);
  }
}
