package io.scanwatch.output.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.core.robust.Severity;
import io.scanwatch.output.TerminalLines;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustTableWriterTest {

  private static final TimeFormat UTC = new TimeFormat(ZoneOffset.UTC);

  private static final String PROBE_SECTION =
      "Health probes (not scan traffic)\n"
          + "  src_ip     count  user_agents      paths\n"
          + "  10.0.0.12    120  kube-probe/1.31  /healthz, /livez\n"
          + "  Total: 120 requests from 1 address\n";

  @Test
  void scanRowsThenHealthProbes() throws IOException {
    RobustResult result = RobustResults.of(
        List.of(RobustResults.criticalRow(), RobustResults.forwardedRow()),
        List.of(RobustResults.probeRow()));

    assertThat(write(result, 60)).isEqualTo(
        "severity  src_ip            count  role       scope\n"
            + "-".repeat(56) + "\n"
            + "CRITICAL  203.0.113.7           3  peer       non_public\n"
            + "  reasons        2xx on /api/v1/secrets\n"
            + "                 sensitive path: /api/v1/secrets\n"
            + "                 2 distinct paths\n"
            + "                 known scanner user agent: curl\n"
            + "  first_time     2023-11-14T22:13:20\n"
            + "  last_time      2023-11-14T22:14:25\n"
            + "  address_range  203.0.113.0/24 documentation TEST-NET-3 (RF\n"
            + "                 C 5737)\n"
            + "  paths          /api/v1/secrets\n"
            + "                 /version\n"
            + "  codes          200\n"
            + "                 401\n"
            + "  user_agents    (none)\n"
            + "                 =HYPERLINK(\"http://x\")\n"
            + "                 curl/8.5.0\n"
            + "  user_groups    system:unauthenticated\n"
            + "  clusters       prod\n"
            + "\n"
            + "LOW       -1+x\\e[31m\\u202e      1  forwarded  invalid\n"
            + "  reasons        1 distinct path\n"
            + "  first_time     2023-11-14T22:13:20\n"
            + "  last_time      2023-11-14T22:13:20\n"
            + "  paths          /api\n"
            + "  codes          401\n"
            + "  user_agents    @evil\\x07\n"
            + "  user_groups    system:unauthenticated\n"
            + "  clusters       (none)\n"
            + "\n"
            + "2 scan rows\n"
            + "\n"
            + PROBE_SECTION);
  }

  @Test
  void emptyResult() throws IOException {
    assertThat(write(RobustResults.empty(), 100))
        .isEqualTo("No rows: no unauthenticated request was found.\n");
  }

  @Test
  void onlyHealthProbes() throws IOException {
    RobustResult result = RobustResults.of(List.of(), List.of(RobustResults.probeRow()));

    assertThat(write(result, 60)).isEqualTo(
        "No scan rows: every request was a health probe or had no IP.\n\n" + PROBE_SECTION);
  }

  @Test
  void everyEventAllowlisted() throws IOException {
    RobustResult result = new RobustResult(DetectionMetadata.EKS_CLUSTER_SCAN, List.of(),
        List.of(), List.of(), 7, 5, 0, 0, 0);

    assertThat(write(result, 60))
        .isEqualTo("No rows: every unauthenticated event was allowlisted.\n");
  }

  @Test
  void longValuesCutWithCounts() throws IOException {
    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      paths.add("/p" + i);
    }
    RobustRow row = row("x".repeat(30), paths, List.of("A".repeat(150)));

    assertThat(write(RobustResults.of(List.of(row), List.of()), 60)).isEqualTo(
        "severity  src_ip                        count  role  scope\n"
            + "-".repeat(60) + "\n"
            + "MEDIUM    " + "x".repeat(27) + "~      4  both  invalid\n"
            + "  src_ip         " + "x".repeat(30) + "\n"
            + "  reasons        8 distinct paths\n"
            + "  first_time     2023-11-14T22:13:20\n"
            + "  last_time      2023-11-14T22:14:25\n"
            + "  paths          /p1\n"
            + "                 /p2\n"
            + "                 /p3\n"
            + "                 /p4\n"
            + "                 /p5\n"
            + "                 /p6\n"
            + "                 ... (+2 more)\n"
            + "  codes          401\n"
            + "  user_agents    " + "A".repeat(43) + "\n"
            + "                 " + "A".repeat(43) + "\n"
            + "                 " + "A".repeat(26) + " ... (+38 chars)\n"
            + "  user_groups    system:unauthenticated\n"
            + "  clusters       (none)\n"
            + "\n"
            + "1 scan row\n");
  }

  @Test
  void noLineLongerThanWidth() throws IOException {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      paths.add("/api/v1/namespaces/kube-system/" + "s".repeat(i * 7));
    }
    RobustRow row = row("\u001b".repeat(200) + "\u202e", paths,
        List.of("\ud83d\ude00".repeat(90), "b".repeat(500)));
    HealthProbeRow probe = new HealthProbeRow("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
        AddressScope.NON_PUBLIC, "2001:db8::/32 documentation (RFC 3849)", IpRole.BOTH,
        9_999_999_999L, 0, 0, paths, List.of("kube-probe/1.31", "ELB-HealthChecker/2.0"),
        List.of("200"), List.of(), List.of());
    RobustResult result = RobustResults.of(List.of(row), List.of(probe));

    for (int width : new int[] {10, 60, 61, 80, 133}) {
      String table = write(result, width);
      for (String line : table.split("\n", -1)) {
        assertThat(line.length()).as("width %d: %s", width, line)
            .isLessThanOrEqualTo(Math.max(60, width));
        assertThat(line).doesNotContain("\u001b", "\u202e");
      }
      assertThat(table).doesNotContain("\ud83d\n").doesNotContain("\n\ude00");
    }
  }

  @Test
  void probeListsSummarizedWithCount() throws IOException {
    HealthProbeRow probe = new HealthProbeRow("10.0.0.12", AddressScope.NON_PUBLIC,
        "10.0.0.0/8 private (RFC 1918)", IpRole.CONNECTING_PEER, 3, 0, 0,
        List.of("/healthz", "/livez", "/readyz", "/readyz/etcd", "/readyz/ping"),
        List.of("ELB-HealthChecker/2.0", "kube-probe/1.30", "kube-probe/1.31"), List.of("200"),
        List.of(), List.of());
    RobustResult result = RobustResults.of(List.of(), List.of(probe));

    assertThat(write(result, 60)).endsWith(
        "Health probes (not scan traffic)\n"
            + "  src_ip     count  user_agents          paths\n"
            + "  10.0.0.12      3  ELB-Heal~ (+2 more)  /healthz (+4 more)\n"
            + "  Total: 3 requests from 1 address\n");
    assertThat(write(result, 100)).endsWith(
        "Health probes (not scan traffic)\n"
            + "  src_ip     count  user_agents" + " ".repeat(30) + "paths\n"
            + "  10.0.0.12      3  ELB-HealthChecker/2.0 (+2 more)" + " ".repeat(10)
            + "/healthz, /livez, /readyz (+2 more)\n"
            + "  Total: 3 requests from 1 address\n");
  }

  @Test
  void summarizeFitsWidth() {
    assertThat(TerminalLines.summarize(List.of("aaa", "bbb"), 8)).isEqualTo("aaa, bbb");
    assertThat(TerminalLines.summarize(List.of("aaa", "bbb", "ccccc"), 14))
        .isEqualTo("aaa (+2 more)");
    assertThat(TerminalLines.summarize(List.of("abcdefghij", "bbbbbbbbbb"), 15))
        .isEqualTo("abcd~ (+1 more)");
    assertThat(TerminalLines.summarize(List.of(), 10)).isEqualTo("(none)");
  }

  private static RobustRow row(String address, List<String> paths, List<String> userAgents) {
    return new RobustRow(address, AddressScope.INVALID, null, IpRole.BOTH, 4, 3, 2,
        RobustResults.FIRST_MICROS, RobustResults.LAST_MICROS, paths, paths, List.of("get"),
        List.of("401"), List.of("Unauthorized"), userAgents, List.of(), List.of("audit.log"),
        List.of(), new ResponseShares(4, 0, 4, 0, 0), Severity.MEDIUM,
        List.of(paths.size() + " distinct paths"),
        List.of("system:unauthenticated"));
  }

  private static String write(RobustResult result, int width) throws IOException {
    StringWriter out = new StringWriter();
    new RobustTableWriter(UTC, width).write(result, out);
    return out.toString();
  }
}
