package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scanwatch.core.event.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustAggregatorTest {

  private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";

  private static RobustResult run(AuditEvent... events) {
    RobustAggregator aggregator = new RobustAggregator();
    for (AuditEvent event : events) {
      aggregator.add(event);
    }
    return aggregator.snapshot();
  }

  private static RobustRow onlyRow(RobustResult result) {
    assertThat(result.rows()).hasSize(1);
    return result.rows().get(0);
  }

  private static RobustRow row(RobustResult result, String address) {
    return result.rows().stream().filter(r -> r.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + address));
  }

  @Test
  void add_watchTwoStages_countsOnce() {
    RobustEvents watch = RobustEvents.anonymous().auditId("w-1").verbs("watch")
        .uri("/api/v1/pods?watch=true").agents(BROWSER);

    RobustResult result = run(
        watch.stage("ResponseComplete").codes("500").reasons("InternalError").time(5_000_000)
            .build(),
        watch.stage("ResponseStarted").codes("200").reasons().time(4_000_000).build());

    RobustRow row = onlyRow(result);
    assertThat(result.requests()).isEqualTo(1);
    assertThat(row.requests()).isEqualTo(1);
    assertThat(row.codes()).containsExactly("500");
    assertThat(row.statusReasons()).containsExactly("InternalError");
    assertThat(row.firstMicros()).isEqualTo(4_000_000);
    assertThat(row.lastMicros()).isEqualTo(4_000_000);
    assertThat(row.responses().success()).isZero();
    assertThat(row.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void add_idReusedByOtherAddress_separate() {
    // The Audit-ID header lets a client pick the ID; a probe must not swallow a secret read.
    RobustResult result = run(
        RobustEvents.anonymous().auditId("shared").ips("198.51.100.10").codes("200")
            .uri("/api/v1/secrets").agents("zgrab").build(),
        RobustEvents.anonymous().auditId("shared").ips("10.0.0.5").codes("200").uri("/livez")
            .agents("kube-probe/1.30").build());

    assertThat(result.requests()).isEqualTo(2);
    assertThat(onlyRow(result).address()).isEqualTo("198.51.100.10");
    assertThat(onlyRow(result).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(result.healthProbes()).extracting(HealthProbeRow::address).containsExactly("10.0.0.5");
  }

  @Test
  void add_idReusedOnOtherPath_separate() {
    RobustResult result = run(
        RobustEvents.anonymous().auditId("Z").ips("203.0.113.66").codes("200")
            .uri("/api/v1/namespaces/a/secrets").build(),
        RobustEvents.anonymous().auditId("Z").ips("203.0.113.66").codes("200")
            .uri("/api/v1/namespaces/b/secrets").build(),
        RobustEvents.anonymous().auditId("Z").ips("203.0.113.66").codes("200").uri("/healthz")
            .agents("kube-probe/1.30").build());

    assertThat(result.requests()).isEqualTo(3);
    assertThat(onlyRow(result).requests()).isEqualTo(2);
    assertThat(onlyRow(result).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void add_successWithoutPath_critical() {
    RobustRow row = onlyRow(run(RobustEvents.anonymous().auditId("n").ips("198.51.100.2")
        .codes("200").uri().build()));

    assertThat(row.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(row.reasons()).contains("2xx on (no path)");
  }

  @Test
  void add_sameStageTwice_laterEventWins() {
    RobustEvents request = RobustEvents.anonymous().auditId("t-1").stage("ResponseComplete");

    RobustResult result = run(request.codes("403").build(), request.codes("404").build());

    assertThat(onlyRow(result).codes()).containsExactly("404");
  }

  @Test
  void add_noAuditId_separateRequests() {
    AuditEvent event = RobustEvents.rejected().build();

    RobustResult result = run(event, event);

    assertThat(result.requests()).isEqualTo(2);
    assertThat(onlyRow(result).requests()).isEqualTo(2);
  }

  @Test
  void add_authenticatedEvent_notRemembered() {
    RobustAggregator aggregator = new RobustAggregator();

    RobustVerdict verdict =
        aggregator.add(RobustEvents.anonymous().users("kubernetes-admin").codes("200").build());

    assertThat(verdict).isEqualTo(RobustVerdict.NOT_UNAUTHENTICATED);
    assertThat(aggregator.requestCount()).isZero();
    RobustResult result = aggregator.snapshot();
    assertThat(result.eventsAdded()).isEqualTo(1);
    assertThat(result.unauthenticatedEvents()).isZero();
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void rows_forwardedForBeforePeer_roles() {
    RobustResult result = run(
        RobustEvents.rejected().auditId("a").ips("198.51.100.1", "203.0.113.5", "10.0.0.5")
            .build(),
        RobustEvents.rejected().auditId("b").ips("203.0.113.5").build());

    assertThat(result.rows())
        .extracting(RobustRow::address, RobustRow::role, RobustRow::requests,
            RobustRow::peerRequests, RobustRow::forwardedRequests)
        .containsExactlyInAnyOrder(
            tuple("198.51.100.1", IpRole.FORWARDED_FOR_ONLY, 1L, 0L, 1L),
            tuple("203.0.113.5", IpRole.BOTH, 2L, 1L, 1L),
            tuple("10.0.0.5", IpRole.CONNECTING_PEER, 1L, 1L, 0L));
  }

  @Test
  void rows_sameIpTwice_countsOnce() {
    RobustResult result = run(RobustEvents.rejected().ips("203.0.113.7", "203.0.113.7").build());

    RobustRow row = onlyRow(result);
    assertThat(row.requests()).isEqualTo(1);
    assertThat(row.role()).isEqualTo(IpRole.BOTH);
    assertThat(row.peerRequests()).isEqualTo(1);
    assertThat(row.forwardedRequests()).isEqualTo(1);
  }

  @Test
  void rows_invalidIpText_keptAndMarkedInvalid() {
    RobustResult result = run(RobustEvents.rejected().ips("unknown", "203.0.113.7").build());

    RobustRow row = row(result, "unknown");
    assertThat(row.scope()).isEqualTo(AddressScope.INVALID);
    assertThat(row.addressRange()).isNull();
    assertThat(row.role()).isEqualTo(IpRole.FORWARDED_FOR_ONLY);
    assertThat(row(result, "203.0.113.7").scope()).isEqualTo(AddressScope.NON_PUBLIC);
  }

  @Test
  void rows_ipv6_canonicalAndScoped() {
    RobustResult result = run(
        RobustEvents.rejected().ips("2600:1F18::1").build(),
        RobustEvents.rejected().ips("2600:1f18:0:0::1").build(),
        RobustEvents.rejected().ips("fd00::5").build());

    RobustRow publicRow = row(result, "2600:1f18::1");
    assertThat(publicRow.requests()).isEqualTo(2);
    assertThat(publicRow.scope()).isEqualTo(AddressScope.PUBLIC);
    assertThat(publicRow.addressRange()).isNull();
    RobustRow privateRow = row(result, "fd00::5");
    assertThat(privateRow.scope()).isEqualTo(AddressScope.NON_PUBLIC);
    assertThat(privateRow.addressRange()).isEqualTo("fc00::/7 unique local (RFC 4193)");
    assertThat(result.rows()).hasSize(2);
  }

  @Test
  void rows_noSourceIp_countedWithoutRow() {
    RobustResult result = run(RobustEvents.rejected().ips().build());

    assertThat(result.rows()).isEmpty();
    assertThat(result.requests()).isEqualTo(1);
    assertThat(result.requestsWithoutSourceIp()).isEqualTo(1);
  }

  @Test
  void healthProbes_listedApartFromScanRows() {
    RobustResult result = run(
        RobustEvents.anonymous().ips("10.0.0.5").agents("kube-probe/1.29")
            .uri("/readyz?verbose=true").codes("200").time(3_000_000).build(),
        RobustEvents.rejected().ips("10.0.0.5").agents("kube-probe/1.29").uri("/healthz")
            .time(1_000_000).build(),
        RobustEvents.anonymous().ips("52.95.110.1").agents("ELB-HealthChecker/2.0")
            .uri("/livez/ping").codes("200").build(),
        RobustEvents.rejected().ips("10.0.0.6").agents("curl/8.5.0").uri("/healthz").build(),
        RobustEvents.anonymous().ips("10.0.0.7").agents("kube-probe/1.29")
            .uri("/api/v1/secrets").build());

    assertThat(result.healthProbeRequests()).isEqualTo(3);
    assertThat(result.healthProbes())
        .extracting(HealthProbeRow::address, HealthProbeRow::scope, HealthProbeRow::requests)
        .containsExactly(
            tuple("10.0.0.5", AddressScope.NON_PUBLIC, 2L),
            tuple("52.95.110.1", AddressScope.PUBLIC, 1L));
    HealthProbeRow kubelet = result.healthProbes().get(0);
    assertThat(kubelet.paths()).containsExactly("/healthz", "/readyz");
    assertThat(kubelet.codes()).containsExactly("200", "401");
    assertThat(kubelet.userAgents()).containsExactly("kube-probe/1.29");
    assertThat(kubelet.firstMicros()).isEqualTo(1_000_000);
    assertThat(kubelet.lastMicros()).isEqualTo(3_000_000);
    assertThat(kubelet.severity()).isEqualTo(Severity.INFO);
    assertThat(kubelet.reasons()).containsExactly("only health probes");
    assertThat(result.healthProbes().get(1).paths()).containsExactly("/livez/ping");

    assertThat(result.rows()).extracting(RobustRow::address, RobustRow::severity)
        .containsExactly(tuple("10.0.0.7", Severity.HIGH), tuple("10.0.0.6", Severity.LOW));
    assertThat(row(result, "10.0.0.6").reasons())
        .containsExactly("only public paths", "known scanner user agent: curl");
    assertThat(row(result, "10.0.0.7").reasons())
        .containsExactly("sensitive path: /api/v1/secrets", "1 distinct path");
  }

  @Test
  void healthProbes_extraProber_fromSettings() {
    DetectionSettings settings = DetectionSettings.defaults().withHealthProbers(
        UserAgentCatalog.defaultHealthProbers()
            .plus(UserAgentCatalog.parse("prefix GoogleHC GoogleHC/", "probers.txt")));
    RobustAggregator aggregator = new RobustAggregator(settings);

    aggregator.add(RobustEvents.rejected().agents("GoogleHC/1.0").uri("/healthz").build());

    assertThat(aggregator.snapshot().healthProbes()).hasSize(1);
    assertThat(aggregator.snapshot().rows()).isEmpty();
  }

  @Test
  void severity_anonymous2xxOnVersion_info() {
    RobustRow row = onlyRow(run(RobustEvents.anonymous().agents(BROWSER)
        .uri("/version?timeout=32s").codes("200").build()));

    assertThat(row.severity()).isEqualTo(Severity.INFO);
    assertThat(row.reasons()).containsExactly("only public paths");
    assertThat(row.responses().success()).isEqualTo(1);
    assertThat(row.responses().successShare()).isEqualTo(1.0);
  }

  @Test
  void severity_anonymous2xxOnSecrets_critical() {
    RobustRow row = onlyRow(run(RobustEvents.anonymous().agents(BROWSER)
        .uri("/api/v1/secrets?limit=500").codes("200").build()));

    assertThat(row.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(row.reasons()).containsExactly(
        "2xx on /api/v1/secrets", "sensitive path: /api/v1/secrets", "1 distinct path");
  }

  @Test
  void severity_upgradedExecStream_critical() {
    RobustRow row = onlyRow(run(RobustEvents.anonymous().agents(BROWSER).verbs("create")
        .uri("/api/v1/namespaces/default/pods/web/exec?command=sh&stdin=true").codes("101")
        .build()));

    assertThat(row.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(row.reasons()).containsExactly(
        "101 on /api/v1/namespaces/default/pods/web/exec",
        "sensitive path: /api/v1/namespaces/default/pods/web/exec",
        "1 distinct path");
  }

  @Test
  void severity_grantedPathsBeyondExamples_counted() {
    RobustAggregator aggregator = new RobustAggregator();
    for (String path : List.of("/a", "/b", "/c", "/d", "/e")) {
      aggregator.add(RobustEvents.anonymous().agents(BROWSER).uri(path).codes("200").build());
    }

    RobustRow row = onlyRow(aggregator.snapshot());

    assertThat(row.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(row.reasons()).containsExactly("2xx on /a", "2xx on /b", "2xx on /c",
        "access granted on 2 more non-public paths", "5 distinct paths");
  }

  @Test
  void severity_breadthThresholds() {
    assertThat(severityForDistinctPaths(1)).isEqualTo(Severity.LOW);
    assertThat(severityForDistinctPaths(4)).isEqualTo(Severity.LOW);
    assertThat(severityForDistinctPaths(5)).isEqualTo(Severity.MEDIUM);
    assertThat(severityForDistinctPaths(19)).isEqualTo(Severity.MEDIUM);
    assertThat(severityForDistinctPaths(20)).isEqualTo(Severity.HIGH);
  }

  private static Severity severityForDistinctPaths(int count) {
    RobustAggregator aggregator = new RobustAggregator();
    for (int i = 0; i < count; i++) {
      aggregator.add(RobustEvents.anonymous().agents(BROWSER).uri("/p" + i).build());
    }
    RobustRow row = onlyRow(aggregator.snapshot());
    assertThat(row.paths()).hasSize(count);
    return row.severity();
  }

  @Test
  void severity_breadthReason_namesCount() {
    RobustAggregator aggregator = new RobustAggregator();
    for (int i = 0; i < 47; i++) {
      aggregator.add(RobustEvents.anonymous().agents(BROWSER).uri("/p" + i).build());
    }

    assertThat(onlyRow(aggregator.snapshot()).reasons()).containsExactly("47 distinct paths");
  }

  @Test
  void severity_queryVariants_oneDistinctPath() {
    RobustRow row = onlyRow(run(
        RobustEvents.anonymous().agents(BROWSER).uri("/api?a=1").build(),
        RobustEvents.anonymous().agents(BROWSER).uri("/api?a=2").build(),
        RobustEvents.anonymous().agents(BROWSER).uri("/api").build()));

    assertThat(row.paths()).containsExactly("/api");
    assertThat(row.requestUris()).containsExactly("/api", "/api?a=1", "/api?a=2");
    assertThat(row.reasons()).containsExactly("1 distinct path");
  }

  @Test
  void severity_customThresholds_fromSettings() {
    RobustAggregator aggregator =
        new RobustAggregator(DetectionSettings.defaults().withDistinctPathThresholds(2, 3));
    for (String path : List.of("/a", "/b", "/c")) {
      aggregator.add(RobustEvents.anonymous().agents(BROWSER).uri(path).build());
    }

    assertThat(onlyRow(aggregator.snapshot()).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void severity_knownScannerAgent_raisesOneLevel() {
    RobustRow row = onlyRow(run(RobustEvents.rejected().agents("Mozilla/5.0 zgrab/0.x")
        .uri("/").build()));

    assertThat(row.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(row.scannerNames()).containsExactly("zgrab");
    assertThat(row.reasons()).containsExactly("1 distinct path", "known scanner user agent: zgrab");
  }

  @Test
  void severity_knownScannerAgent_staysBelowCritical() {
    RobustAggregator aggregator = new RobustAggregator();
    for (int i = 0; i < 20; i++) {
      aggregator.add(RobustEvents.rejected().agents("masscan/1.3").uri("/p" + i).build());
    }
    aggregator.add(RobustEvents.rejected().agents("kube-hunter").uri("/p0").build());

    RobustRow row = onlyRow(aggregator.snapshot());

    assertThat(row.severity()).isEqualTo(Severity.HIGH);
    assertThat(row.scannerNames()).containsExactly("kube-hunter", "masscan");
    assertThat(row.reasons()).containsExactly("20 distinct paths",
        "known scanner user agent: kube-hunter", "known scanner user agent: masscan");
  }

  @Test
  void rows_missingUserAgent_shownAsNoneMarker() {
    RobustRow row = onlyRow(run(
        RobustEvents.rejected().agents().build(),
        RobustEvents.rejected().agents(BROWSER).build()));

    assertThat(row.userAgents()).containsExactly("(none)", BROWSER);
    assertThat(row.scannerNames()).isEmpty();
  }

  @Test
  void rows_collectDistinctValuesAndShares() {
    RobustRow row = onlyRow(run(
        RobustEvents.anonymous().time(7_000_000).source("b.log").cluster("prod").verbs("list")
            .uri("/api/v1/pods").codes("403").reasons("Forbidden").agents(BROWSER).build(),
        RobustEvents.anonymous().time(2_000_000).source("a.log").verbs("get").uri("/nope")
            .codes("404").reasons("NotFound").agents(BROWSER).build(),
        RobustEvents.rejected().time(9_000_000).source("a.log").uri("/api").agents(BROWSER)
            .build(),
        RobustEvents.anonymous().time(5_000_000).source("a.log").uri("/version").codes("200")
            .agents(BROWSER).build()));

    assertThat(row.requests()).isEqualTo(4);
    assertThat(row.firstMicros()).isEqualTo(2_000_000);
    assertThat(row.lastMicros()).isEqualTo(9_000_000);
    assertThat(row.verbs()).containsExactly("get", "list");
    assertThat(row.codes()).containsExactly("200", "401", "403", "404");
    assertThat(row.statusReasons()).containsExactly("Forbidden", "NotFound", "Unauthorized");
    assertThat(row.clusters()).containsExactly("prod");
    assertThat(row.sources()).containsExactly("a.log", "b.log");
    assertThat(row.responses()).isEqualTo(new ResponseShares(4, 1, 1, 1, 1));
    assertThat(row.responses().forbiddenShare()).isEqualTo(0.25);
    assertThat(row.responses().notFoundShare()).isEqualTo(0.25);
    assertThat(row.responses().unauthorizedShare()).isEqualTo(0.25);
  }

  @Test
  void rows_sortedBySeverityThenRequestsThenAddress() {
    RobustResult result = run(
        RobustEvents.rejected().ips("10.0.0.9").agents(BROWSER).build(),
        RobustEvents.rejected().ips("10.0.0.10").agents(BROWSER).build(),
        RobustEvents.rejected().ips("10.0.0.10").agents(BROWSER).build(),
        RobustEvents.rejected().ips("10.0.0.2").agents(BROWSER).build(),
        RobustEvents.anonymous().ips("10.0.0.3").agents(BROWSER).uri("/api/v1/secrets").build(),
        RobustEvents.anonymous().ips("10.0.0.4").agents(BROWSER).uri("/version").build());

    assertThat(result.rows()).extracting(RobustRow::address).containsExactly(
        "10.0.0.3", "10.0.0.10", "10.0.0.2", "10.0.0.9", "10.0.0.4");
  }

  @Test
  void allowlist_suppressesExactlyItsMatchesWithCounts() {
    AllowlistEntry internal = AllowlistEntry.of("internal scanner", List.of("10.0.0.0/8"),
        List.of(), List.of(), List.of());
    RobustAggregator aggregator = new RobustAggregator(DetectionSettings.defaults()
        .withAllowlist(Allowlist.defaults().plus(List.of(internal))));

    List<RobustVerdict> verdicts = new ArrayList<>();
    verdicts.add(aggregator.add(RobustEvents.anonymous().ips("203.0.113.7")
        .agents("AWS Security Scanner").build()));
    verdicts.add(aggregator.add(RobustEvents.anonymous().ips("203.0.113.7")
        .agents("aws security scanner").build()));
    verdicts.add(aggregator.add(RobustEvents.rejected().ips("10.1.1.1").build()));
    verdicts.add(aggregator.add(RobustEvents.rejected().ips("10.1.1.1").build()));
    verdicts.add(aggregator.add(RobustEvents.rejected().ips("203.0.113.9", "10.1.1.1").build()));
    verdicts.add(aggregator.add(RobustEvents.rejected().ips("10.1.1.1", "198.51.100.7").build()));
    verdicts.add(aggregator.add(RobustEvents.anonymous().users("admin").ips("10.1.1.1").build()));
    RobustResult result = aggregator.snapshot();

    assertThat(verdicts).containsExactly(RobustVerdict.ALLOWLISTED, RobustVerdict.ALLOWLISTED,
        RobustVerdict.ALLOWLISTED, RobustVerdict.ALLOWLISTED, RobustVerdict.ALLOWLISTED,
        RobustVerdict.ADDED, RobustVerdict.NOT_UNAUTHENTICATED);
    assertThat(result.suppressions()).extracting(s -> s.entry().reason(), Suppression::events)
        .containsExactly(
            tuple("AWS Security Scanner (excluded by the Splunk analytic)", 2L),
            tuple("internal scanner", 3L));
    assertThat(result.suppressedEvents()).isEqualTo(5);
    assertThat(result.eventsAdded()).isEqualTo(7);
    assertThat(result.unauthenticatedEvents()).isEqualTo(6);
    assertThat(result.requests()).isEqualTo(1);
    assertThat(result.rows()).extracting(RobustRow::address, RobustRow::role)
        .containsExactlyInAnyOrder(
            tuple("10.1.1.1", IpRole.FORWARDED_FOR_ONLY),
            tuple("198.51.100.7", IpRole.CONNECTING_PEER));
  }

  @Test
  void allowlist_emptySettings_reportsNoSuppressions() {
    RobustAggregator aggregator =
        new RobustAggregator(DetectionSettings.defaults().withAllowlist(Allowlist.empty()));

    aggregator.add(RobustEvents.anonymous().agents("AWS Security Scanner").build());

    assertThat(aggregator.snapshot().suppressions()).isEmpty();
    assertThat(aggregator.snapshot().rows()).hasSize(1);
  }

  @Test
  void snapshot_isImmutableAndAggregatorKeepsGoing() {
    RobustAggregator aggregator = new RobustAggregator();
    aggregator.add(RobustEvents.rejected().build());

    RobustResult first = aggregator.snapshot();
    aggregator.add(RobustEvents.rejected().build());
    RobustResult second = aggregator.snapshot();

    assertThat(first.rows().get(0).requests()).isEqualTo(1);
    assertThat(second.rows().get(0).requests()).isEqualTo(2);
    assertThatThrownBy(() -> second.rows().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(first.metadata()).isEqualTo(DetectionMetadata.EKS_CLUSTER_SCAN);
    assertThat(first.metadata().riskScore()).isEqualTo(25);
  }

  @Test
  void merge_differentSettings_rejected() {
    RobustAggregator defaults = new RobustAggregator();
    RobustAggregator other =
        new RobustAggregator(DetectionSettings.defaults().withAllowlist(Allowlist.empty()));

    assertThatThrownBy(() -> defaults.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge aggregators with different settings");
  }
}
