package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.text.Utf8Order;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the robust detection: the unauthenticated requests seen so far, and the events
 * each allowlist entry suppressed.
 *
 * <p>Use it in batch (add every event, then call {@link #snapshot} once) or incrementally (call
 * {@link #snapshot} whenever a current view is needed; it changes nothing). Only unauthenticated
 * events that no allowlist entry matched are remembered, one compact request per {@code auditID}
 * (or per event without one), so memory grows with those requests, not with the input. A snapshot
 * takes time proportional to them.
 *
 * <p>Events with the same {@code auditID}, source addresses, verb and URI are one request; its
 * fields come from its latest stage
 * ({@code RequestReceived < ResponseStarted < ResponseComplete < Panic}, an event without a known
 * stage ranking lowest), and of two events at the same stage the later one wins. Its time is the
 * earliest time of its events. Only the first {@code auditID} value of an event is used.
 *
 * <p>The state is serializable, and {@link #merge} joins two aggregators that saw consecutive
 * parts of the input, also when the stages of one request fell into different parts. Not
 * thread-safe.
 */
public final class RobustAggregator implements Serializable {

  /** The value listed among a row's user agents for requests that had no {@code userAgent}. */
  public static final String NO_USER_AGENT = "(none)";

  /** The value listed among a row's groups for requests that had no {@code user.groups}. */
  public static final String NO_GROUPS = "(none)";

  private static final Comparator<RobustRow> ROW_ORDER =
      Comparator.comparing(RobustRow::severity, Comparator.reverseOrder())
          .thenComparing(RobustRow::requests, Comparator.reverseOrder())
          .thenComparing(RobustRow::address, Utf8Order.INSTANCE);

  private static final Comparator<HealthProbeRow> PROBE_ORDER =
      Comparator.comparing(HealthProbeRow::requests, Comparator.reverseOrder())
          .thenComparing(HealthProbeRow::address, Utf8Order.INSTANCE);

  private final DetectionSettings settings;
  private final DetectionMetadata metadata;
  private final HashMap<String, UnauthenticatedRequest> requestsByAuditId = new HashMap<>();
  private final ArrayList<UnauthenticatedRequest> requestsWithoutAuditId = new ArrayList<>();
  private final long[] suppressedEvents;
  private long eventsAdded;
  private long unauthenticatedEvents;

  /** Creates an aggregator with {@link DetectionSettings#defaults()}. */
  public RobustAggregator() {
    this(DetectionSettings.defaults());
  }

  public RobustAggregator(DetectionSettings settings) {
    this(settings, DetectionMetadata.EKS_CLUSTER_SCAN);
  }

  /**
   * Creates an aggregator whose results carry {@code metadata}, as when the detection comes from
   * a detection file of its own.
   */
  public RobustAggregator(DetectionSettings settings, DetectionMetadata metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.suppressedEvents = new long[settings.allowlist().entries().size()];
  }

  public DetectionSettings settings() {
    return settings;
  }

  /**
   * Adds an event in input order: an authenticated event is only counted, an allowlisted one is
   * counted for its entry, and any other is remembered as (a stage of) a request.
   */
  public RobustVerdict add(AuditEvent event) {
    eventsAdded++;
    if (!RobustDetection.isUnauthenticated(event)) {
      return RobustVerdict.NOT_UNAUTHENTICATED;
    }
    unauthenticatedEvents++;
    int entry = settings.allowlist().firstMatch(event);
    if (entry >= 0) {
      suppressedEvents[entry]++;
      return RobustVerdict.ALLOWLISTED;
    }
    UnauthenticatedRequest request = UnauthenticatedRequest.of(event);
    if (event.auditIds().isEmpty()) {
      requestsWithoutAuditId.add(request);
    } else {
      requestsByAuditId.merge(requestKey(event), request, UnauthenticatedRequest::combine);
    }
    return RobustVerdict.ADDED;
  }

  /**
   * The key under which the stages of one request meet: its {@code auditID}, and also its
   * addresses, verb and URI, which every stage of a real request repeats. A client can choose the
   * {@code auditID} with the {@code Audit-ID} header, so the ID alone would let one address or
   * path hide behind another.
   */
  private static String requestKey(AuditEvent event) {
    return String.join("\u0000", event.auditIds().get(0), String.join(",", event.sourceIps()),
        String.join(",", event.verbs()), String.join(",", event.requestUris()));
  }

  /**
   * Adds everything {@code later} has seen, as if its events had been added to this aggregator
   * after this one's own; a stage tie between the two goes to {@code later}. {@code later} must
   * not be used afterwards.
   *
   * @throws IllegalArgumentException if the two were created with different settings
   */
  public void merge(RobustAggregator later) {
    if (!settings.equals(later.settings)) {
      throw new IllegalArgumentException("cannot merge aggregators with different settings");
    }
    eventsAdded += later.eventsAdded;
    unauthenticatedEvents += later.unauthenticatedEvents;
    for (int i = 0; i < suppressedEvents.length; i++) {
      suppressedEvents[i] += later.suppressedEvents[i];
    }
    for (Map.Entry<String, UnauthenticatedRequest> entry : later.requestsByAuditId.entrySet()) {
      requestsByAuditId.merge(entry.getKey(), entry.getValue(), UnauthenticatedRequest::combine);
    }
    requestsWithoutAuditId.addAll(later.requestsWithoutAuditId);
  }

  /** Returns the number of requests remembered so far. */
  public int requestCount() {
    return requestsByAuditId.size() + requestsWithoutAuditId.size();
  }

  /** Builds the rows from the requests seen so far; the aggregator can still take events. */
  public RobustResult snapshot() {
    Map<String, SourceAddress> classified = new HashMap<>();
    Map<String, AddressState> scans = new HashMap<>();
    Map<String, AddressState> probes = new HashMap<>();
    long probeRequests = 0;
    long withoutSourceIp = 0;
    List<UnauthenticatedRequest> all = new ArrayList<>(requestsByAuditId.values());
    all.addAll(requestsWithoutAuditId);
    for (UnauthenticatedRequest request : all) {
      boolean probe = isHealthProbe(request);
      probeRequests += probe ? 1 : 0;
      withoutSourceIp += request.sourceIps().isEmpty() ? 1 : 0;
      Map<SourceAddress, boolean[]> roles = addressRoles(request.sourceIps(), classified);
      for (Map.Entry<SourceAddress, boolean[]> role : roles.entrySet()) {
        SourceAddress address = role.getKey();
        Map<String, AddressState> states = probe ? probes : scans;
        AddressState state =
            states.computeIfAbsent(address.text(), text -> new AddressState(address));
        state.add(request, role.getValue()[0], role.getValue()[1]);
        if (!probe) {
          state.addScanDetails(request, settings);
        }
      }
    }
    return new RobustResult(
        metadata,
        scanRows(scans),
        probeRows(probes),
        suppressions(),
        eventsAdded,
        unauthenticatedEvents,
        all.size(),
        probeRequests,
        withoutSourceIp);
  }

  /**
   * Tests whether a request is a health probe: every user agent is a known prober and every
   * request URI is a health path. A request without a user agent or a URI is not a probe.
   */
  private boolean isHealthProbe(UnauthenticatedRequest request) {
    if (request.userAgents().isEmpty() || request.requestUris().isEmpty()) {
      return false;
    }
    for (String userAgent : request.userAgents()) {
      if (settings.healthProbers().match(userAgent).isEmpty()) {
        return false;
      }
    }
    for (String uri : request.requestUris()) {
      if (!ApiPaths.isHealthPath(ApiPaths.withoutQuery(uri))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Maps each distinct address of {@code sourceIps} to {peer, forwarded}: peer when it is the
   * last entry, forwarded when it is also or only an earlier one.
   */
  private static Map<SourceAddress, boolean[]> addressRoles(
      List<String> sourceIps, Map<String, SourceAddress> classified) {
    Map<SourceAddress, boolean[]> roles = new LinkedHashMap<>();
    for (int i = 0; i < sourceIps.size(); i++) {
      SourceAddress address = classified.computeIfAbsent(sourceIps.get(i), IpAddresses::classify);
      boolean[] role = roles.computeIfAbsent(address, a -> new boolean[2]);
      role[i == sourceIps.size() - 1 ? 0 : 1] = true;
    }
    return roles;
  }

  private List<RobustRow> scanRows(Map<String, AddressState> scans) {
    List<RobustRow> rows = new ArrayList<>(scans.size());
    for (AddressState state : scans.values()) {
      rows.add(state.toScanRow(settings));
    }
    rows.sort(ROW_ORDER);
    return rows;
  }

  private static List<HealthProbeRow> probeRows(Map<String, AddressState> probes) {
    List<HealthProbeRow> rows = new ArrayList<>(probes.size());
    for (AddressState state : probes.values()) {
      rows.add(state.toHealthProbeRow());
    }
    rows.sort(PROBE_ORDER);
    return rows;
  }

  private List<Suppression> suppressions() {
    List<AllowlistEntry> entries = settings.allowlist().entries();
    List<Suppression> result = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      result.add(new Suppression(entries.get(i), suppressedEvents[i]));
    }
    return result;
  }
}
