package io.scanwatch.output.html;

import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.AllowlistEntry;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.core.robust.Severity;
import io.scanwatch.core.robust.Suppression;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;

/** Results for report tests, with attacker-written markup in paths, user agents and reasons. */
final class ReportFixtures {

  static final String SCRIPT_BREAKOUT = "</script><script>alert(1)</script>";
  static final String IMG_PATH = "<img src=x onerror=\"document.title='pwned'\">";
  static final String SCRIPT_AGENT = "<script>document.title='pwned'</script>";
  static final String JAVASCRIPT_URL = "javascript:alert(1)";
  /** A user agent with a line separator and a right-to-left override. */
  static final String SPOOFING_AGENT = "curl/8.5.0\u2028line\u202eevil";
  /** An address kept as written because it is not an IP address, with a lone surrogate. */
  static final String INVALID_ADDRESS = "not-an-ip</script>\ud800";

  /** 2024-10-27T03:33:20Z in microseconds since the epoch. */
  static final long START_MICROS = 1_730_000_000_000_000L;
  static final long SECOND = 1_000_000L;

  private ReportFixtures() {}

  static String write(RobustResult result) throws IOException {
    StringWriter out = new StringWriter();
    new HtmlReportWriter(new TimeFormat(ZoneOffset.UTC)).write(result, out);
    return out.toString();
  }

  /** Four scan rows (critical, high, medium, low), two health probe rows, two suppressions. */
  static RobustResult hostileResult() {
    RobustRow critical = new RobustRow("198.51.100.23", AddressScope.PUBLIC, null,
        IpRole.CONNECTING_PEER, 120, 120, 0, START_MICROS, START_MICROS + 3600 * SECOND,
        List.of("/api/v1/secrets", "/api/v1/secrets?watch=1", "/version", IMG_PATH),
        List.of("/api/v1/secrets", "/version", IMG_PATH),
        List.of("get", "list"),
        List.of("200", "401", "403"),
        List.of("Forbidden", "Unauthorized"),
        List.of(SCRIPT_AGENT, "kube-hunter"),
        List.of(JAVASCRIPT_URL, "prod"),
        List.of("/aws/eks/prod/cluster:kube-apiserver-audit-1"),
        List.of("kube-hunter"),
        new ResponseShares(120, 5, 80, 30, 5),
        Severity.CRITICAL,
        List.of("2xx on /api/v1/secrets", SCRIPT_BREAKOUT),
        List.of("system:unauthenticated"));
    RobustRow high = new RobustRow("203.0.113.7", AddressScope.PUBLIC, null,
        IpRole.CONNECTING_PEER, 42, 42, 0, START_MICROS + 600 * SECOND,
        START_MICROS + 1800 * SECOND,
        List.of("/api", "/apis"), List.of("/api", "/apis"), List.of("get"), List.of("401"),
        List.of("Unauthorized"), List.of(SPOOFING_AGENT), List.of("prod"),
        List.of("audit.log"), List.of(), new ResponseShares(42, 0, 42, 0, 0), Severity.HIGH,
        List.of("42 requests to 2 paths"),
        List.of("system:unauthenticated"));
    RobustRow medium = new RobustRow("10.0.0.5", AddressScope.NON_PUBLIC, "10.0.0.0/8",
        IpRole.FORWARDED_FOR_ONLY, 7, 0, 7, START_MICROS + 1200 * SECOND,
        START_MICROS + 7200 * SECOND,
        List.of("/version"), List.of("/version"), List.of("get"), List.of("403"),
        List.of(), List.of("python-requests/2.32"), List.of(), List.of("audit.log"),
        List.of(), new ResponseShares(7, 0, 0, 7, 0), Severity.MEDIUM,
        List.of("only X-Forwarded-For"),
        List.of("system:unauthenticated"));
    RobustRow low = new RobustRow(INVALID_ADDRESS, AddressScope.INVALID, null,
        IpRole.CONNECTING_PEER, 1, 1, 0, START_MICROS + 5000 * SECOND,
        START_MICROS + 5000 * SECOND,
        List.of("/"), List.of("/"), List.of("get"), List.of("401"), List.of("Unauthorized"),
        List.of("(none)"), List.of(), List.of("audit.log"), List.of(),
        new ResponseShares(1, 0, 1, 0, 0), Severity.LOW, List.of("invalid source address"),
        List.of("system:unauthenticated"));

    HealthProbeRow probe = new HealthProbeRow("10.0.0.9", AddressScope.NON_PUBLIC, "10.0.0.0/8",
        IpRole.CONNECTING_PEER, 300, START_MICROS, START_MICROS + 7000 * SECOND,
        List.of("/healthz", "/readyz"), List.of("kube-probe/1.31"), List.of("200"),
        List.of("prod"), List.of("audit.log"));
    HealthProbeRow balancer = new HealthProbeRow("10.0.0.10", AddressScope.NON_PUBLIC,
        "10.0.0.0/8", IpRole.CONNECTING_PEER, 150, START_MICROS, START_MICROS + 6000 * SECOND,
        List.of("/livez"), List.of("ELB-HealthChecker/2.0"), List.of("200"), List.of("prod"),
        List.of("audit.log"));

    List<Suppression> suppressions = List.of(
        new Suppression(AllowlistEntry.of("Security team scanner", List.of("192.0.2.0/24"),
            List.of(), List.of(), List.of()), 17),
        new Suppression(AllowlistEntry.ofUserAgents("Monitoring <b>agent</b>", "Datadog*"),
            0));
    return new RobustResult(DetectionMetadata.EKS_CLUSTER_SCAN,
        List.of(critical, high, medium, low), List.of(probe, balancer), suppressions,
        1000, 640, 623, 450, 3);
  }

  static RobustResult emptyResult() {
    return new RobustResult(DetectionMetadata.EKS_CLUSTER_SCAN, List.of(), List.of(), List.of(),
        0, 0, 0, 0, 0);
  }
}
