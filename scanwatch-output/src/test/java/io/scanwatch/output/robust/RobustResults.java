package io.scanwatch.output.robust;

import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.core.robust.Severity;
import java.util.List;

/** Robust results built by hand for the writer tests. */
final class RobustResults {

  /** 2023-11-14T22:13:20Z. */
  static final long FIRST_MICROS = 1_700_000_000_000_000L;

  /** 2023-11-14T22:14:25Z, with a fraction that the time format drops. */
  static final long LAST_MICROS = FIRST_MICROS + 65_900_000L;

  private RobustResults() {}

  /** Returns a critical row: a documentation address, a 2xx on secrets, a formula user agent. */
  static RobustRow criticalRow() {
    return new RobustRow(
        "203.0.113.7",
        AddressScope.NON_PUBLIC,
        "203.0.113.0/24 documentation TEST-NET-3 (RFC 5737)",
        IpRole.CONNECTING_PEER,
        3,
        3,
        0,
        FIRST_MICROS,
        LAST_MICROS,
        List.of("/api/v1/secrets?limit=1", "/version"),
        List.of("/api/v1/secrets", "/version"),
        List.of("get", "list"),
        List.of("200", "401"),
        List.of("Unauthorized"),
        List.of("(none)", "=HYPERLINK(\"http://x\")", "curl/8.5.0"),
        List.of("prod"),
        List.of("audit.log"),
        List.of("curl"),
        new ResponseShares(3, 1, 2, 0, 0),
        Severity.CRITICAL,
        List.of("2xx on /api/v1/secrets", "sensitive path: /api/v1/secrets", "2 distinct paths",
            "known scanner user agent: curl"),
        List.of("system:unauthenticated"));
  }

  /**
   * Returns a low row for an invalid address that a client wrote into {@code X-Forwarded-For},
   * with an escape sequence and a right-to-left override in it.
   */
  static RobustRow forwardedRow() {
    return new RobustRow(
        "-1+x\u001b[31m\u202e",
        AddressScope.INVALID,
        null,
        IpRole.FORWARDED_FOR_ONLY,
        1,
        0,
        1,
        FIRST_MICROS,
        FIRST_MICROS,
        List.of("/api"),
        List.of("/api"),
        List.of("get"),
        List.of("401"),
        List.of("Unauthorized"),
        List.of("@evil\u0007"),
        List.of(),
        List.of("stdin"),
        List.of(),
        new ResponseShares(1, 0, 1, 0, 0),
        Severity.LOW,
        List.of("1 distinct path"),
        List.of("system:unauthenticated"));
  }

  static HealthProbeRow probeRow() {
    return new HealthProbeRow(
        "10.0.0.12",
        AddressScope.NON_PUBLIC,
        "10.0.0.0/8 private (RFC 1918)",
        IpRole.CONNECTING_PEER,
        120,
        FIRST_MICROS,
        LAST_MICROS,
        List.of("/healthz", "/livez"),
        List.of("kube-probe/1.31"),
        List.of("200"),
        List.of("prod"),
        List.of("audit.log"));
  }

  /** Returns a result with the given rows and counts that agree with them. */
  static RobustResult of(List<RobustRow> rows, List<HealthProbeRow> probes) {
    long scanRequests = rows.stream().mapToLong(RobustRow::requests).sum();
    long probeRequests = probes.stream().mapToLong(HealthProbeRow::requests).sum();
    long requests = scanRequests + probeRequests;
    return new RobustResult(DetectionMetadata.EKS_CLUSTER_SCAN, rows, probes, List.of(),
        requests, requests, requests, probeRequests, 0);
  }

  static RobustResult empty() {
    return of(List.of(), List.of());
  }
}
