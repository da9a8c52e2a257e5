package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robust detection, the allowlist and the comparison with parity, end to end. Expected values
 * come from the fixed traffic of {@link SampleGenerator}, counted by hand: in prod, 12 requests
 * of a python-requests scanner at 198.51.100.23 (one also naming 203.0.113.99 in
 * X-Forwarded-For) plus 2 of its requests without a user agent, 20 ELB health checks from
 * 10.0.12.7 and 6 AWS Security Scanner requests; in staging, 9 zgrab requests from 203.0.113.45
 * rejected with 401 and no user, and 20 ELB health checks from 10.1.40.9.
 */
class RobustHuntTest {

  private static final String SAMPLE = Path.of(System.getProperty("scanwatch.project.dir", ".."))
      .resolve("samples/eks-firehose-sample.gz").toString();

  @TempDir Path dir;

  @Test
  void robust_sampleRowsBySeverityAndCount() {
    CliRun run = CliRun.of("hunt", "--detection", "robust", "--format", "ndjson", SAMPLE);

    List<String> rows = run.out().lines().toList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0)).startsWith("{\"row_type\":\"scan\",\"src_ip\":\"198.51.100.23\","
        + "\"count\":14,\"severity\":\"high\",");
    assertThat(rows.get(0)).contains("\"first_time\":\"2026-11-20T08:02:00\","
        + "\"last_time\":\"2026-11-20T08:06:40\"", "\"ip_role\":\"peer\"",
        "\"user_agents\":[\"(none)\",\"python-requests/2.31.0\"]",
        "\"known scanner user agent: python-requests\"", "\"14 distinct paths\"");
    assertThat(rows.get(1)).startsWith("{\"row_type\":\"scan\",\"src_ip\":\"203.0.113.45\","
        + "\"count\":9,\"severity\":\"high\",");
    assertThat(rows.get(1)).contains("\"codes\":[\"401\"]", "\"share_401\":1,",
        "\"clusters\":[\"staging-us-east-1\"]", "\"known scanner user agent: zgrab\"");
    assertThat(rows.get(2)).startsWith("{\"row_type\":\"scan\",\"src_ip\":\"203.0.113.99\","
        + "\"count\":1,");
    assertThat(rows.get(2)).contains("\"ip_role\":\"forwarded\"", "\"forwarded_requests\":1");
    assertThat(rows.get(3)).startsWith("{\"row_type\":\"health_probe\",\"src_ip\":\"10.0.12.7\","
        + "\"count\":20,\"severity\":\"info\",");
    assertThat(rows.get(4)).startsWith("{\"row_type\":\"health_probe\",\"src_ip\":\"10.1.40.9\","
        + "\"count\":20,");
    // 20 + 12 + 6 + 2 + 20 + 9 = 69 unauthenticated events; the 6 allowlisted leave 63.
    assertThat(run.err()).contains("69 unauthenticated events; after the allowlist 63 requests, "
        + "40 of them from health probes; 3 scanning sources, 2 health-probe sources");
    assertThat(run.err()).contains("allowlist: 6 unauthenticated events suppressed by "
        + "\"AWS Security Scanner (excluded by the Splunk analytic)\"");
    assertThat(run.err()).contains("allowlist: no row left for 52.94.133.131");
  }

  @Test
  void robust_failOnFindingsCountsScanRows() {
    assertThat(CliRun.of("hunt", "--detection", "robust", "--fail-on-findings", SAMPLE)
        .exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void allowlist_suppressesExactlyItsEntries() throws Exception {
    Path allowlist = dir.resolve("allow.yaml");
    Files.writeString(allowlist, "allow:\n"
        + "  - reason: internal load balancers\n"
        + "    cidrs: [10.0.0.0/8]\n"
        + "    user_agents: [\"ELB-HealthChecker/*\"]\n"
        + "  - reason: staging is a honeypot\n"
        + "    clusters: [staging-us-east-1]\n");

    CliRun robust = CliRun.of("hunt", "--detection", "robust", "--allowlist", allowlist.toString(),
        "--format", "ndjson", SAMPLE);
    CliRun parity = CliRun.of("hunt", "--allowlist", allowlist.toString(), "--format", "ndjson",
        SAMPLE);

    assertThat(robust.out().lines()).extracting(line -> line.substring(0, 60))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("\"row_type\":\"scan\""));
    // 20 + 20 ELB checks match the first entry; the staging one takes only the 9 zgrab
    // requests, because the staging ELB checks matched the first entry already.
    assertThat(robust.err()).contains("allowlist: 40 unauthenticated events suppressed by "
        + "\"internal load balancers\"");
    assertThat(robust.err()).contains("allowlist: 9 unauthenticated events suppressed by "
        + "\"staging is a honeypot\"");
    assertThat(robust.err()).contains(
        "allowlist: no row left for 10.0.12.7, 10.1.40.9, 203.0.113.45, 52.94.133.131");
    // Parity kept 52 events; the 40 ELB checks go, and the staging entry matches none of the
    // 12 that are left, all in prod.
    assertThat(parity.out().lines()).hasSize(2);
    assertThat(parity.err()).contains("12 matched, 2 rows",
        "allowlist: 40 events suppressed by \"internal load balancers\"");
  }

  @Test
  void allowlist_invalidFileIsUsageError() throws Exception {
    Path allowlist = dir.resolve("bad.yaml");
    Files.writeString(allowlist, "allow:\n  - reason: everything\n  - cidrs: [10.0.0.0/8]\n");

    CliRun run = CliRun.of("hunt", "--allowlist", allowlist.toString(), SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("scanwatch hunt: " + allowlist + ": entry 1: allowlist "
        + "entry 'everything' sets no criterion: give at least one of cidrs, user_agents, paths or "
        + "clusters (see 'scanwatch hunt --help')\n");
  }

  @Test
  void allowlist_ambiguousEntriesRejected() throws Exception {
    Path both = dir.resolve("both.yaml");
    Files.writeString(both, "allow:\n  - reason: elb only\n    userAgents: [\"ELB*\"]\n"
        + "    user_agents: []\n    cidrs: [0.0.0.0/0]\n");
    Path coerced = dir.resolve("coerced.yaml");
    Files.writeString(coerced, "allow:\n  - reason: norway\n    clusters: [no]\n");
    Path hostBits = dir.resolve("host-bits.yaml");
    Files.writeString(hostBits, "allow:\n  - reason: one host\n    cidrs: [10.0.0.7/8]\n");

    CliRun twoKeys = CliRun.of("hunt", "--allowlist", both.toString(), SAMPLE);
    CliRun coercedRun = CliRun.of("hunt", "--allowlist", coerced.toString(), SAMPLE);
    CliRun widened = CliRun.of("hunt", "--allowlist", hostBits.toString(), SAMPLE);

    assertThat(twoKeys.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twoKeys.err()).startsWith("scanwatch hunt: " + both + ": entry 1: both "
        + "user_agents and userAgents; give the user agents once");
    assertThat(coercedRun.err()).startsWith("scanwatch hunt: " + coerced + ": entry 1: clusters: "
        + "false is read as a boolean, not text; put it in quotes");
    assertThat(CliRun.of("hunt", "--allowlist", Files.writeString(dir.resolve("yes.yaml"),
        "allow:\n  - reason: yes\n    clusters: [a]\n").toString(), SAMPLE).err())
        .contains(": entry 1: reason: true is read as a boolean, not text; put it in quotes");
    assertThat(widened.err()).startsWith("scanwatch hunt: " + hostBits + ": entry 1: invalid CIDR "
        + "'10.0.0.7/8': bits are set after the /8 prefix");
  }

  @Test
  void allowlist_aliasRejectedAndIdleEntryListed() throws Exception {
    Path aliased = dir.resolve("aliased.yaml");
    Files.writeString(aliased,
        "x: &paths [\"/api\"]\nallow:\n  - reason: aliased\n    paths: *paths\n");
    Path idle = dir.resolve("idle.yaml");
    Files.writeString(idle, "allow:\n  - reason: nothing matches\n    clusters: [no-such]\n");

    CliRun alias = CliRun.of("hunt", "--allowlist", aliased.toString(), SAMPLE);
    CliRun unused = CliRun.of("hunt", "--allowlist", idle.toString(), SAMPLE);

    assertThat(alias.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(alias.err()).startsWith("scanwatch hunt: " + aliased + ":4: YAML aliases (*name) "
        + "are not supported; write the values out");
    assertThat(unused.err()).contains("allowlist: 0 events suppressed by \"nothing matches\"");
  }

  @Test
  void sameFileTwice_readOnce() {
    CliRun run = CliRun.of("hunt", "--format", "ndjson", SAMPLE, SAMPLE);

    assertThat(run.err()).contains("read 1 input", "52 matched, 4 rows");
    assertThat(run.err()).contains("warning: " + SAMPLE + ": named more than once; read once");
  }

  @Test
  void compare_namesWhatParityMissed() {
    CliRun text = CliRun.of("hunt", "--compare", SAMPLE);
    CliRun json = CliRun.of("hunt", "--compare", "--format", "json", SAMPLE);

    assertThat(text.out()).isEqualTo("parity (the Splunk analytic): 4 source addresses\n"
        + "robust: 3 scanning source addresses, 2 health-probe sources\n"
        + "parity missed 1:\n"
        + "  high     203.0.113.45                                 9 requests\n"
        + "           9 events: no user.username (rejected with 401 before a user was known)\n");
    assertThat(json.out()).isEqualTo("{\"parity_source_addresses\":4,"
        + "\"robust_source_addresses\":3,\"health_probe_sources\":2,\"missed_by_parity\":"
        + "[{\"src_ip\":\"203.0.113.45\",\"count\":9,\"severity\":\"high\",\"dropped_events\":"
        + "{\"no user.username (rejected with 401 before a user was known)\":9}}]}\n");
  }

  @Test
  void ocsf_oneFindingPerScanRow() {
    CliRun run = CliRun.of("hunt", "--detection", "robust", "--format", "ocsf", SAMPLE);

    List<String> findings = run.out().lines().toList();
    assertThat(findings).hasSize(3);
    assertThat(findings).allSatisfy(line -> assertThat(line)
        .startsWith("{\"class_uid\":2004,\"class_name\":\"Detection Finding\",")
        .contains("\"technique\":{\"uid\":\"T1526\",\"name\":\"Cloud Service Discovery\"}"));
    assertThat(findings.get(0)).contains(
        "\"uid\":\"c61e0f7a-2d94-4b3b-8e57-6a0d1f9b2e88/198.51.100.23\"", "\"count\":14,",
        "\"severity_id\":4,");
    assertThat(findings.get(1)).contains("/203.0.113.45\"");
  }

  @Test
  void robustByName_labelledAsTheBundledFile() {
    Path folder = dir.resolve("bundled");
    CliRun.of("detections", "export", folder.toString());

    CliRun byName = CliRun.of("hunt", "--detection", "robust", "--format", "ocsf", SAMPLE);
    CliRun byFile = CliRun.of("hunt", "--detection",
        folder.resolve("eks_unauthenticated_scan.yml").toString(), "--format", "ocsf", SAMPLE);

    assertThat(byName.out()).isNotEmpty().isEqualTo(byFile.out());
    assertThat(byName.out()).contains("\"analytic\":{\"uid\":\"c61e0f7a-2d94-4b3b-8e57-"
        + "6a0d1f9b2e88\",\"name\":\"EKS unauthenticated scan (robust)\"");
  }

  @Test
  void ocsf_needsRobustDetection() {
    CliRun run = CliRun.of("hunt", "--format", "ocsf", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: --format ocsf reports the robust "
        + "detection: add --detection robust");
  }

  @Test
  void html_selfContainedReportToFile() throws Exception {
    Path report = dir.resolve("report.html");

    CliRun run = CliRun.of("hunt", "--detection", "robust", "--format", "html", "--output",
        report.toString(), SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    String html = Files.readString(report);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("Content-Security-Policy", "script-src 'sha256-");
    assertThat(html).contains("203.0.113.45", "198.51.100.23");
    assertThat(html).doesNotContain("https://").doesNotContain("http://");
  }

  @Test
  void robust_apiServerWithAnonymousAuthOff() {
    Path log = Path.of(System.getProperty("scanwatch.shared.dir", "../../shared"))
        .resolve("corpus/apiserver/dev-anon-off.log");
    assumeTrue(Files.exists(log), "corpus file not present: " + log);

    CliRun run = CliRun.of("hunt", "--detection", "robust", "--format", "ndjson", log.toString());

    // jq over the capture: 152 events with no user and code 401, one request each; 25 of them
    // are health probes (20 kube-probe, 5 ELB), all from 127.0.0.1; 41 name 192.0.2.44 in
    // X-Forwarded-For.
    List<String> rows = run.out().lines().toList();
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(
        "{\"row_type\":\"scan\",\"src_ip\":\"127.0.0.1\",\"count\":127,"));
    assertThat(rows).anySatisfy(row -> assertThat(row)
        .startsWith("{\"row_type\":\"scan\",\"src_ip\":\"192.0.2.44\",\"count\":41,")
        .contains("\"ip_role\":\"forwarded\""));
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(
        "{\"row_type\":\"health_probe\",\"src_ip\":\"127.0.0.1\",\"count\":25,"));
    assertThat(run.err()).contains("152 unauthenticated events; after the allowlist 152 "
        + "requests, 25 of them from health probes");
  }
}
