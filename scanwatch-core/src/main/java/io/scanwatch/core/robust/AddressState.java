package io.scanwatch.core.robust;

import io.scanwatch.core.text.Utf8Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The running totals of one address, for its scan row or its health probe row. Built afresh by
 * each {@link RobustAggregator#snapshot}, so it needs neither merging nor serialization.
 */
final class AddressState {

  private final SourceAddress address;
  private boolean seenAsPeer;
  private boolean seenAsForwarded;
  private long requests;
  private long peerRequests;
  private long forwardedRequests;
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;
  private final Set<String> requestUris = new HashSet<>();
  private final Set<String> paths = new HashSet<>();
  private final Set<String> verbs = new HashSet<>();
  private final Set<String> codes = new HashSet<>();
  private final Set<String> statusReasons = new HashSet<>();
  private final Set<String> userAgents = new HashSet<>();
  private final Set<String> groups = new HashSet<>();
  private final Set<String> clusters = new HashSet<>();
  private final Set<String> sources = new HashSet<>();
  private final Set<String> scannerNames = new HashSet<>();
  private final Set<String> sensitivePaths = new HashSet<>();
  private final TreeMap<String, String> grantedPaths = new TreeMap<>(Utf8Order.INSTANCE);
  private long success;
  private long unauthorized;
  private long forbidden;
  private long notFound;

  /** The path named in reasons for a request that had no {@code requestURI}. */
  static final String NO_PATH = "(no path)";

  AddressState(SourceAddress address) {
    this.address = address;
  }

  /** Adds a request that listed this address, as the last entry and/or an earlier one. */
  void add(UnauthenticatedRequest request, boolean asPeer, boolean asForwarded) {
    requests++;
    seenAsPeer |= asPeer;
    seenAsForwarded |= asForwarded;
    peerRequests += asPeer ? 1 : 0;
    forwardedRequests += asForwarded ? 1 : 0;
    firstMicros = Math.min(firstMicros, request.timeMicros());
    lastMicros = Math.max(lastMicros, request.timeMicros());
    requestUris.addAll(request.requestUris());
    for (String uri : request.requestUris()) {
      paths.add(ApiPaths.withoutQuery(uri));
    }
    verbs.addAll(request.verbs());
    codes.addAll(request.codes());
    statusReasons.addAll(request.reasons());
    if (request.userAgents().isEmpty()) {
      userAgents.add(RobustAggregator.NO_USER_AGENT);
    }
    userAgents.addAll(request.userAgents());
    if (request.groups().isEmpty()) {
      groups.add(RobustAggregator.NO_GROUPS);
    }
    groups.addAll(request.groups());
    if (request.cluster() != null) {
      clusters.add(request.cluster());
    }
    sources.add(request.source());
    countCodes(request.codes());
  }

  /** Adds what only scan rows need: scanner names, sensitive and granted paths. */
  void addScanDetails(UnauthenticatedRequest request, DetectionSettings settings) {
    for (String userAgent : request.userAgents()) {
      settings.scannerAgents().match(userAgent).ifPresent(match -> scannerNames.add(match.name()));
    }
    String granted = grantLabel(request.codes());
    if (granted != null && request.requestUris().isEmpty()) {
      // A success without a path is not a success on a public path.
      grantedPaths.merge(NO_PATH, granted, (left, right) -> left.equals("2xx") ? left : right);
    }
    for (String uri : request.requestUris()) {
      String path = ApiPaths.withoutQuery(uri);
      if (ApiPaths.sensitiveSegment(path, settings.sensitiveSegments()) != null) {
        sensitivePaths.add(path);
      }
      if (granted != null && !ApiPaths.isPublicPath(path)) {
        // "2xx" outranks "101" when a path got both.
        grantedPaths.merge(path, granted, (left, right) -> left.equals("2xx") ? left : right);
      }
    }
  }

  RobustRow toScanRow(DetectionSettings settings) {
    List<String> sortedPaths = sorted(paths);
    SeverityRules.Rating rating =
        SeverityRules.rate(
            sortedPaths, grantedPaths, sorted(sensitivePaths), sorted(scannerNames), settings);
    return new RobustRow(
        address.text(),
        address.scope(),
        address.range(),
        IpRole.of(seenAsPeer, seenAsForwarded),
        requests,
        peerRequests,
        forwardedRequests,
        firstMicros,
        lastMicros,
        sorted(requestUris),
        sortedPaths,
        sorted(verbs),
        sorted(codes),
        sorted(statusReasons),
        sorted(userAgents),
        sorted(clusters),
        sorted(sources),
        sorted(scannerNames),
        new ResponseShares(requests, success, unauthorized, forbidden, notFound),
        rating.severity(),
        rating.reasons(),
        sorted(groups));
  }

  HealthProbeRow toHealthProbeRow() {
    return new HealthProbeRow(
        address.text(),
        address.scope(),
        address.range(),
        IpRole.of(seenAsPeer, seenAsForwarded),
        requests,
        firstMicros,
        lastMicros,
        sorted(paths),
        sorted(userAgents),
        sorted(codes),
        sorted(clusters),
        sorted(sources));
  }

  private void countCodes(List<String> requestCodes) {
    success += StatusCodes.anyInRange(requestCodes, 200, 299) ? 1 : 0;
    unauthorized += StatusCodes.anyInRange(requestCodes, 401, 401) ? 1 : 0;
    forbidden += StatusCodes.anyInRange(requestCodes, 403, 403) ? 1 : 0;
    notFound += StatusCodes.anyInRange(requestCodes, 404, 404) ? 1 : 0;
  }

  /** Returns "2xx" or "101" when a code shows that access was granted, else null. */
  private static String grantLabel(List<String> requestCodes) {
    if (StatusCodes.anyInRange(requestCodes, 200, 299)) {
      return "2xx";
    }
    return StatusCodes.anyInRange(requestCodes, 101, 101) ? "101" : null;
  }

  private static List<String> sorted(Collection<String> values) {
    List<String> list = new ArrayList<>(values);
    list.sort(Utf8Order.INSTANCE);
    return list;
  }
}
