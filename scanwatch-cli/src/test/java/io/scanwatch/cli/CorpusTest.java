package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hunts over real third-party audit logs kept outside the repository, in the folder named by
 * the system property {@code scanwatch.shared.dir}. Each test skips when its file is absent.
 * Expected values were computed once with jq over the same files, independently of scanwatch.
 */
class CorpusTest {

  private static final Path SHARED = Path.of(System.getProperty("scanwatch.shared.dir",
      "../../shared"));

  @TempDir Path dir;

  private static Path corpus(String relative) {
    Path file = SHARED.resolve("corpus").resolve(relative);
    assumeTrue(Files.exists(file), "corpus file not present: " + file);
    return file;
  }

  @Test
  void apiServerAnonymousOn_twoRows() {
    Path log = corpus("apiserver/dev-anon-on.log");

    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "ndjson", log.toString());

    List<String> rows = run.out().lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("{\"src_ip\":\"127.0.0.1\",\"user.username\":"
        + "\"system:anonymous\",\"user.groups{}\":\"system:unauthenticated\",\"count\":128,"
        + "\"firstTime\":\"2026-12-04T15:59:02\",\"lastTime\":\"2026-12-04T15:59:15\","
        + "\"values(responseStatus.reason)\":[\"Forbidden\"],");
    assertThat(rows.get(0)).contains("\"values(responseStatus.code)\":[\"200\",\"403\"],"
        + "\"http_user_agent\":[\"ELB-HealthChecker/2.0\",\"Mozilla/5.0 (compatible; "
        + "CensysInspect/1.1; +https://about.censys.io/)\",\"Mozilla/5.0 (compatible; Nmap "
        + "Scripting Engine; https://nmap.org/book/nse.html)\",\"Nuclei - Open-source project "
        + "(github.com/projectdiscovery/nuclei)\",\"Wget/1.21.3\",\"kube-probe/1.20\","
        + "\"masscan/1.3 (https://github.com/robertdavidgraham/masscan)\"],"
        + "\"values(verb)\":[\"get\",\"list\",\"watch\",\"xbzk\"],");
    assertThat(countValues(rows.get(0), "values(requestURI)")).isEqualTo(29);
    assertThat(rows.get(1)).startsWith("{\"src_ip\":\"192.0.2.44\",\"user.username\":"
        + "\"system:anonymous\",\"user.groups{}\":\"system:unauthenticated\",\"count\":33,"
        + "\"firstTime\":\"2026-12-04T15:59:13\",\"lastTime\":\"2026-12-04T15:59:14\",");
    assertThat(rows.get(1)).contains("\"values(verb)\":[\"get\",\"list\"],");
    assertThat(countValues(rows.get(1), "values(requestURI)")).isEqualTo(25);
    assertThat(run.err()).contains("968 audit events; 128 matched, 2 rows");
    assertThat(run.err()).contains("missing userAgent        27");
  }

  @Test
  void apiServerAnonymousOff_parityFindsNothing() {
    Path log = corpus("apiserver/dev-anon-off.log");

    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "json", log.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEqualTo("[]\n");
    assertThat(run.err()).contains("588 audit events; 0 matched, 0 rows");
    assertThat(run.err()).doesNotContain("skipped");
  }

  @Test
  void pantherEksTests_parityKeepsTwoOfSevenAnonymous() throws Exception {
    Path derived = corpus("derived/panther-labs__panther-analysis/panther_test_logs.jsonl");
    Path events = dir.resolve("panther-events.jsonl");
    Files.writeString(events, extractLogObjects(Files.readString(derived)));

    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "ndjson", events.toString());

    List<String> rows = run.out().lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("{\"src_ip\":\"44.238.138.237\",\"user.username\":"
        + "\"system:anonymous\",\"user.groups{}\":\"system:unauthenticated\",\"count\":1,"
        + "\"firstTime\":\"2024-11-13T18:34:10\",");
    assertThat(rows.get(0)).contains("\"http_user_agent\":[\"python-requests/2.31.0\"]",
        "\"values(requestURI)\":[\"/version\"]");
    assertThat(rows.get(1)).startsWith("{\"src_ip\":\"8.216.81.10\",\"user.username\":"
        + "\"system:anonymous\",\"user.groups{}\":\"system:unauthenticated\",\"count\":1,"
        + "\"firstTime\":\"2024-11-13T23:50:32\",");
    assertThat(rows.get(1)).contains("\"values(responseStatus.reason)\":[\"Forbidden\"]",
        "\"values(responseStatus.code)\":[\"403\"]");
    // 26 records: 2 are AKS and GKE wrappers, 8 audit events have no time field at all.
    assertThat(run.err()).contains("16 audit events; 2 matched, 2 rows");
    assertThat(run.err()).contains("not an audit event       2", "no timestamp             8",
        "missing by-field         1");
  }

  @Test
  void falcoFixtures_folderWithOneAnonymousWithoutAgent() {
    Path folder = corpus("raw/falcosecurity__falco");

    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "json", folder.toString());

    assertThat(run.out()).isEqualTo("[]\n");
    // 47 files: 46 hold audit events (one holds 6 lines), fal_01_003.json is {"kind": 0}.
    assertThat(run.err()).contains("read 47 inputs", "51 audit events; 0 matched, 0 rows");
    assertThat(run.err()).contains("not an audit event       1", "missing userAgent        1");
  }

  @Test
  void audit2rbacDemo_legacyTimestampsAndIpv6() {
    Path log = corpus("raw/liggitt__audit2rbac/demo.log");

    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "json", log.toString());

    assertThat(run.out()).isEqualTo("[]\n");
    assertThat(run.err()).contains("37 audit events; 0 matched, 0 rows");
    assertThat(run.err()).doesNotContain("skipped");
  }

  @Test
  void prefilter_sameOutputAsFullParse() throws Exception {
    List<Path> inputs = List.of(corpus("apiserver/dev-anon-on.log"),
        corpus("apiserver/dev-anon-off.log"), corpus("raw/falcosecurity__falco"),
        corpus("raw/liggitt__audit2rbac/demo.log"));
    for (Path input : inputs) {
      for (String format : List.of("ndjson", "csv", "table")) {
        CliRun fast = CliRun.of("hunt", "--format", format, input.toString());
        CliRun full = CliRun.of("hunt", "--no-prefilter", "--format", format, input.toString());

        assertThat(fast.out()).as("%s as %s", input, format).isEqualTo(full.out());
        assertThat(fast.exitCode()).isEqualTo(full.exitCode());
      }
    }
  }

  @Test
  void robustPrefilter_sameOutputAsFullParse() {
    for (Path input : List.of(corpus("apiserver/dev-anon-on.log"),
        corpus("apiserver/dev-anon-off.log"))) {
      CliRun fast = CliRun.of("hunt", "--detection", "robust", "--format", "ndjson",
          input.toString());
      CliRun full = CliRun.of("hunt", "--detection", "robust", "--no-prefilter", "--format",
          "ndjson", input.toString());

      assertThat(fast.out()).as(input.toString()).isNotEmpty().isEqualTo(full.out());
      assertThat(fast.err()).contains("prefilter: ").contains("system:anonymous or 401");
      String counts = full.err().lines().filter(line -> line.contains("unauthenticated events;"))
          .findFirst().orElseThrow();
      assertThat(fast.err()).contains(counts.substring(counts.indexOf("; ") + 2));
    }
  }

  @Test
  void prefilter_stillCountsUnauthorizedWithoutUser() {
    Path log = corpus("apiserver/dev-anon-off.log");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", log.toString());

    // jq counts 152 events with responseStatus.code 401 and no user.username. They are the only
    // lines with "code":401, and none names system:anonymous.
    assertThat(run.err()).contains("152 audit events; 0 matched, 0 rows");
    assertThat(run.err()).contains("prefilter: 436 of 588 lines passed over unparsed");
    assertThat(run.err()).contains("note: 152 events were rejected with 401 before a user was "
        + "known");
  }

  @Test
  void prefilter_summaryCountsLinesPassedOver() {
    Path log = corpus("apiserver/dev-anon-on.log");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", log.toString());

    // 155 lines mention system:anonymous, so 968 - 155 = 813 are passed over.
    assertThat(run.err()).contains("155 audit events; 128 matched, 2 rows");
    assertThat(run.err()).contains("prefilter: 813 of 968 lines passed over unparsed");
  }

  private static int countValues(String row, String column) {
    String marker = "\"" + column + "\":[";
    int start = row.indexOf(marker) + marker.length();
    String list = row.substring(start, row.indexOf(']', start));
    return list.isEmpty() ? 0 : list.split("\",\"").length;
  }

  /** Writes the {@code log} object of each Panther test record as one line. */
  private static String extractLogObjects(String jsonl) throws Exception {
    JsonFactory factory = new JsonFactory();
    StringBuilder out = new StringBuilder();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try (JsonParser parser = factory.createParser(line)) {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (name.equals("log")) {
            StringWriter text = new StringWriter();
            try (JsonGenerator generator = factory.createGenerator(text)) {
              generator.copyCurrentStructure(parser);
            }
            out.append(text).append('\n');
          } else {
            parser.skipChildren();
          }
        }
      }
    }
    return out.toString();
  }
}
