package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {

  @Test
  void defaults_awsScannerAnyCase_matches() {
    Allowlist allowlist = Allowlist.defaults();

    assertThat(allowlist.entries()).hasSize(1);
    assertThat(allowlist.entries().get(0).reason())
        .isEqualTo("AWS Security Scanner (excluded by the Splunk analytic)");
    assertThat(allowlist.firstMatch(RobustEvents.rejected().agents("AWS Security Scanner").build()))
        .isEqualTo(0);
    assertThat(allowlist.firstMatch(
        RobustEvents.rejected().agents("aws security SCANNER").build())).isEqualTo(0);
  }

  @Test
  void defaults_otherOrMissingAgent_noMatch() {
    Allowlist allowlist = Allowlist.defaults();

    assertThat(allowlist.firstMatch(
        RobustEvents.rejected().agents("AWS Security Scanner 2").build())).isEqualTo(-1);
    assertThat(allowlist.firstMatch(RobustEvents.rejected().agents().build())).isEqualTo(-1);
    assertThat(allowlist.firstMatch(
        RobustEvents.rejected().agents("AWS Security Scanner", "zgrab").build())).isEqualTo(-1);
  }

  @Test
  void cidr_comparesConnectingPeerOnly() {
    AllowlistEntry entry = AllowlistEntry.of("office NAT", List.of("198.51.100.0/24"), List.of(),
        List.of(), List.of());

    assertThat(entry.matches(RobustEvents.rejected().ips("198.51.100.20").build())).isTrue();
    assertThat(entry.matches(RobustEvents.rejected().ips("203.0.113.9", "198.51.100.20").build()))
        .isTrue();
    assertThat(entry.matches(RobustEvents.rejected().ips("198.51.100.20", "203.0.113.9").build()))
        .isFalse();
    assertThat(entry.matches(RobustEvents.rejected().ips().build())).isFalse();
    assertThat(entry.matches(RobustEvents.rejected().ips("not-an-ip").build())).isFalse();
  }

  @Test
  void userAgentGlob_wildcardsAndEscapes() {
    AllowlistEntry entry = AllowlistEntry.ofUserAgents("uptime checks", "Uptime-? *", "a\\*b");

    assertThat(entry.matches(RobustEvents.rejected().agents("uptime-1 robot/2.0").build()))
        .isTrue();
    assertThat(entry.matches(RobustEvents.rejected().agents("Uptime-12 robot").build())).isFalse();
    assertThat(entry.matches(RobustEvents.rejected().agents("a*b").build())).isTrue();
    assertThat(entry.matches(RobustEvents.rejected().agents("axb").build())).isFalse();
  }

  @Test
  void pathGlob_ignoresQueryAndKeepsCase() {
    AllowlistEntry entry = AllowlistEntry.of("metrics scraper", List.of(), List.of(),
        List.of("/metrics", "/apis/metrics.k8s.io/*"), List.of());

    assertThat(entry.matches(RobustEvents.rejected().uri("/metrics?x=1").build())).isTrue();
    assertThat(entry.matches(RobustEvents.rejected().uri("/apis/metrics.k8s.io/v1beta1").build()))
        .isTrue();
    assertThat(entry.matches(RobustEvents.rejected().uri("/Metrics").build())).isFalse();
    assertThat(entry.matches(RobustEvents.rejected().uri().build())).isFalse();
  }

  @Test
  void everyCriterion_mustMatch() {
    AllowlistEntry entry = AllowlistEntry.of("staging prober", List.of("10.0.0.0/8"),
        List.of("prober/*"), List.of("/api"), List.of("staging"));
    RobustEvents base = RobustEvents.rejected().ips("10.1.1.1").agents("prober/1").uri("/api")
        .cluster("staging");

    assertThat(entry.matches(base.build())).isTrue();
    assertThat(entry.matches(base.cluster("prod").build())).isFalse();
    assertThat(entry.matches(base.cluster(null).build())).isFalse();
    assertThat(entry.matches(base.cluster("staging").uri("/apis").build())).isFalse();
    assertThat(entry.matches(base.uri("/api").agents("curl/8").build())).isFalse();
    assertThat(entry.matches(base.agents("prober/1").ips("11.1.1.1").build())).isFalse();
  }

  @Test
  void entry_withoutCriterion_rejected() {
    assertThatThrownBy(() -> AllowlistEntry.of("everything", List.of(), List.of(), List.of(),
        List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sets no criterion");
  }

  @Test
  void entry_invalidInput_rejected() {
    assertThatThrownBy(() -> AllowlistEntry.ofUserAgents(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowlist entry needs a reason");
    assertThatThrownBy(() -> AllowlistEntry.ofUserAgents("bad glob", "trailing\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone backslash");
    assertThatThrownBy(() -> AllowlistEntry.of("bad cidr", List.of("10.0.0.0/99"), List.of(),
        List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.0.0.0/99");
  }

  @Test
  void firstMatch_returnsEarliestEntry() {
    Allowlist allowlist = Allowlist.defaults().plus(List.of(
        AllowlistEntry.ofUserAgents("all AWS tools", "AWS*")));

    assertThat(allowlist.firstMatch(RobustEvents.rejected().agents("AWS Security Scanner").build()))
        .isEqualTo(0);
    assertThat(allowlist.firstMatch(RobustEvents.rejected().agents("AWS Config").build()))
        .isEqualTo(1);
  }

  @Test
  void glob_starHeavyPattern_staysFast() {
    String text = "a".repeat(5_000) + "b";

    assertThat(Glob.matches("*a*a*a*a*a*a*a*c", text, false)).isFalse();
    assertThat(Glob.matches("*a*a*a*a*a*a*a*b", text, false)).isTrue();
  }
}
