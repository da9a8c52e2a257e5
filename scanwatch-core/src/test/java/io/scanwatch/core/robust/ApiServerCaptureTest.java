package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.scanwatch.core.event.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the robust detection over audit logs written by a real kube-apiserver v1.20.2 on loopback:
 * health probes (20 kube-probe, 5 ELB), a 125-request scan sweep of which 41 requests carried
 * {@code X-Forwarded-For: 192.0.2.44}, and two anonymous watches. Expected values were counted
 * from the files with jq, not with this code.
 */
class ApiServerCaptureTest {

  private static final String CENSYS_AGENT =
      "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)";

  private static RobustResult detect(String fileName) throws IOException {
    String shared = System.getProperty("scanwatch.shared.dir");
    assumeThat(shared).as("system property scanwatch.shared.dir").isNotNull();
    Path file = Path.of(shared, "corpus", "apiserver", fileName);
    assumeThat(Files.isRegularFile(file)).as("%s exists", file).isTrue();

    RobustAggregator aggregator = new RobustAggregator();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = lines.readLine()) != null) {
        aggregator.add(AuditJson.parse(line, fileName, ++number));
      }
    }
    return aggregator.snapshot();
  }

  private static long micros(String time) {
    return Timestamps.parseMicros(time);
  }

  @Test
  void anonymousAuthOff_rejectedRequestsFound() throws IOException {
    RobustResult result = detect("dev-anon-off.log");

    assertThat(result.eventsAdded()).isEqualTo(588);
    assertThat(result.unauthenticatedEvents()).isEqualTo(152);
    assertThat(result.requests()).isEqualTo(152);
    assertThat(result.healthProbeRequests()).isEqualTo(25);
    assertThat(result.suppressedEvents()).isZero();
    assertThat(result.rows()).extracting(RobustRow::address)
        .containsExactly("127.0.0.1", "192.0.2.44");

    RobustRow peer = result.rows().get(0);
    assertThat(peer.requests()).isEqualTo(127);
    assertThat(peer.role()).isEqualTo(IpRole.CONNECTING_PEER);
    assertThat(peer.peerRequests()).isEqualTo(127);
    assertThat(peer.scope()).isEqualTo(AddressScope.NON_PUBLIC);
    assertThat(peer.addressRange()).isEqualTo("127.0.0.0/8 loopback (RFC 1122)");
    assertThat(peer.firstMicros()).isEqualTo(micros("2026-12-04T16:01:38.667638Z"));
    assertThat(peer.lastMicros()).isEqualTo(micros("2026-12-04T16:01:40.873004Z"));
    assertThat(peer.requestUris()).hasSize(27);
    assertThat(peer.paths()).hasSize(25);
    assertThat(peer.verbs()).containsExactly("get", "list", "watch");
    assertThat(peer.codes()).containsExactly("401");
    assertThat(peer.statusReasons()).containsExactly("Unauthorized");
    assertThat(peer.userAgents()).containsExactly(
        "(none)",
        CENSYS_AGENT,
        "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)",
        "Wget/1.21.3",
        "masscan/1.3 (https://github.com/robertdavidgraham/masscan)");
    assertThat(peer.scannerNames()).containsExactly("Nuclei", "Wget", "censys", "masscan");
    assertThat(peer.responses()).isEqualTo(new ResponseShares(127, 0, 127, 0, 0));
    assertThat(peer.severity()).isEqualTo(Severity.HIGH);
    assertThat(peer.reasons()).containsExactly(
        "sensitive path: /api/v1/namespaces/default/secrets",
        "sensitive path: /api/v1/nodes/proxy",
        "25 distinct paths",
        "known scanner user agent: Nuclei",
        "known scanner user agent: Wget",
        "known scanner user agent: censys",
        "known scanner user agent: masscan");

    RobustRow forwarded = result.rows().get(1);
    assertThat(forwarded.requests()).isEqualTo(41);
    assertThat(forwarded.role()).isEqualTo(IpRole.FORWARDED_FOR_ONLY);
    assertThat(forwarded.peerRequests()).isZero();
    assertThat(forwarded.forwardedRequests()).isEqualTo(41);
    assertThat(forwarded.addressRange())
        .isEqualTo("192.0.2.0/24 documentation TEST-NET-1 (RFC 5737)");
    assertThat(forwarded.paths()).hasSize(24);
    assertThat(forwarded.verbs()).containsExactly("get", "list");
    assertThat(forwarded.firstMicros()).isEqualTo(micros("2026-12-04T16:01:38.707613Z"));
    assertThat(forwarded.lastMicros()).isEqualTo(micros("2026-12-04T16:01:40.801695Z"));
    assertThat(forwarded.severity()).isEqualTo(Severity.HIGH);

    assertThat(result.healthProbes()).hasSize(1);
    HealthProbeRow probes = result.healthProbes().get(0);
    assertThat(probes.address()).isEqualTo("127.0.0.1");
    assertThat(probes.requests()).isEqualTo(25);
    assertThat(probes.paths()).containsExactly("/healthz", "/livez", "/readyz");
    assertThat(probes.userAgents()).containsExactly("ELB-HealthChecker/2.0", "kube-probe/1.20");
    assertThat(probes.codes()).containsExactly("401");
    assertThat(probes.firstMicros()).isEqualTo(micros("2026-12-04T16:01:28.176114Z"));
    assertThat(probes.lastMicros()).isEqualTo(micros("2026-12-04T16:01:37.630121Z"));
  }

  @Test
  void anonymousAuthOn_watchStagesCountOnce() throws IOException {
    RobustResult result = detect("dev-anon-on.log");

    assertThat(result.eventsAdded()).isEqualTo(968);
    assertThat(result.unauthenticatedEvents()).isEqualTo(155);
    assertThat(result.requests()).isEqualTo(153);
    assertThat(result.healthProbeRequests()).isEqualTo(25);

    RobustRow peer = result.rows().get(0);
    assertThat(peer.address()).isEqualTo("127.0.0.1");
    assertThat(peer.requests()).isEqualTo(128);
    assertThat(peer.verbs()).containsExactly("get", "list", "watch", "xbzk");
    assertThat(peer.responses()).isEqualTo(new ResponseShares(128, 10, 0, 118, 0));
    assertThat(peer.scannerNames()).containsExactly("Nmap", "Nuclei", "Wget", "censys",
        "masscan");
    // 200 on /version is public information, not access granted.
    assertThat(peer.severity()).isEqualTo(Severity.HIGH);
    assertThat(result.healthProbes().get(0).codes()).containsExactly("200");
  }
}
