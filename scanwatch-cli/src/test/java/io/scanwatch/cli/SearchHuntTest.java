package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of detections as ESCU files. The EKS scan detection file, as Splunk publishes it, must
 * give the parity table row for row, and the bundled files run too. Unsupported searches and
 * missing parameters fail before any input is read.
 */
class SearchHuntTest {

  private static final String SAMPLE = Path.of(System.getProperty("scanwatch.project.dir", ".."))
      .resolve("samples/eks-firehose-sample.gz").toString();
  private static final Path SHARED = Path.of(System.getProperty("scanwatch.shared.dir",
      "../../shared"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void seedEscuFile_givesTheParityRows() throws Exception {
    Path escu = SHARED.resolve("spec/escu");
    assumeTrue(Files.isDirectory(escu), "ESCU files not present: " + escu);
    Path seed = escu.resolve("detections/amazon_eks_kubernetes_cluster_scan_detection.yml");
    Path log = SHARED.resolve("corpus/apiserver/dev-anon-on.log");

    for (String input : List.of(SAMPLE, log.toString())) {
      CliRun spl = CliRun.of("hunt", "--detection", seed.toString(), "--macros",
          escu.resolve("macros").toString(), "--format", "ndjson", input);
      CliRun parity = CliRun.of("hunt", "--format", "ndjson", input);

      assertThat(spl.exitCode()).as(spl.err()).isEqualTo(ExitCodes.OK);
      assertThat(normalized(spl.out())).as(input).isEqualTo(normalized(parity.out()));
    }
  }

  @Test
  void bundledParityFile_givesTheParityRows() throws Exception {
    Path folder = exportBundled();

    CliRun spl = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--format", "ndjson",
        SAMPLE);
    CliRun parity = CliRun.of("hunt", "--format", "ndjson", SAMPLE);

    assertThat(normalized(spl.out())).hasSize(4).isEqualTo(normalized(parity.out()));
    assertThat(spl.out().lines().findFirst().orElseThrow())
        .contains("\"detection_id\":\"7d0f3b52-6c1e-4a44-9f1d-2b8a5e0c9d41\"",
            "\"mitre_attack_id\":[\"T1526\"]", "\"risk_score\":25");
  }

  @Test
  void dataMacroWithIndex_stillSelectsEvents() throws Exception {
    Path folder = exportBundled();
    Path macro = Files.writeString(dir.resolve("aws_cloudwatchlogs_eks.yml"),
        "definition: index=aws sourcetype=\"aws:cloudwatchlogs:eks\"\n"
            + "description: data source as a Splunk deployment names it\n"
            + "name: aws_cloudwatchlogs_eks\n");

    CliRun spl = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--macros", macro.toString(),
        "--format", "ndjson", SAMPLE);
    CliRun parity = CliRun.of("hunt", "--format", "ndjson", SAMPLE);

    assertThat(spl.exitCode()).as(spl.err()).isZero();
    assertThat(normalized(spl.out())).hasSize(4).isEqualTo(normalized(parity.out()));
  }

  @Test
  void insightsCsv_givesTheParityRows() throws Exception {
    Path folder = exportBundled();
    String event = "{\"kind\":\"Event\",\"auditID\":\"a1\",\"stage\":\"ResponseComplete\","
        + "\"requestURI\":\"/api\",\"verb\":\"get\",\"user\":{\"username\":"
        + "\"system:anonymous\",\"groups\":[\"system:unauthenticated\"]},\"sourceIPs\":"
        + "[\"203.0.113.9\"],\"userAgent\":\"curl/8.0\",\"responseStatus\":{\"code\":403},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10.595141Z\"}";
    Path csv = Files.writeString(dir.resolve("insights.csv"), "@timestamp,@message,@logStream,@log\n"
        + "2024-11-13 18:34:10.000,\"" + event.replace("\"", "\"\"")
        + "\",kube-apiserver-audit-1,123456789012:/aws/eks/prod/cluster\n");

    CliRun spl = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--format", "ndjson",
        csv.toString());
    CliRun parity = CliRun.of("hunt", "--format", "ndjson", csv.toString());

    assertThat(spl.err()).doesNotContain("too large");
    assertThat(normalized(spl.out())).hasSize(1).isEqualTo(normalized(parity.out()));
  }

  /**
   * The reader keeps the text only of events the initial search keeps, judged on their fields;
   * a search that reads {@code _raw} after its first pipe still gets the text of every event it
   * keeps, and a bare term (which reads {@code _raw} in the initial search) changes nothing.
   */
  @Test
  void rawTextOfKeptEvents_reachesLaterCommands() throws Exception {
    String anonymousGet = event("a1", "system:anonymous", "get", 403);
    String anonymousList = event("a2", "System:Anonymous", "list", 403);
    String kubeletGet = event("a3", "kubelet", "get", 401);
    String anonymousGetAgain = event("a4", "system:anonymous", "get", 401);
    Path log = Files.writeString(dir.resolve("audit.log"), String.join("\n", kubeletGet,
        anonymousGet, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\"", anonymousList, anonymousGetAgain) + "\n");

    for (String terms : List.of("", " Event")) {
      Path file = Files.writeString(dir.resolve("raw.yml"), "name: raw\nid: x-2\nsearch: '"
          + "sourcetype=\"aws:cloudwatchlogs:eks\" \"user.username\"=\"system:anonymous\""
          + terms + " | stats count values(_raw) as raw by verb'\n");
      CliRun run = CliRun.of("hunt", "--detection", file.toString(), "--format", "ndjson",
          log.toString());

      assertThat(run.err()).as(terms).doesNotContain("without").contains("invalid JSON");
      List<Map<String, List<String>>> rows = normalized(run.out());
      assertThat(rows).as(terms).containsExactly(
          Map.of("verb", List.of("get"), "count", List.of("2"),
              "raw", List.of(anonymousGet, anonymousGetAgain)),
          Map.of("verb", List.of("list"), "count", List.of("1"), "raw", List.of(anonymousList)));
    }
  }

  /**
   * The reader keeps a document's event text only while it is under 1 MiB. A search that does
   * not read {@code _raw} still gets a larger event, and for one that does, a warning counts it.
   */
  @Test
  void eventOverOneMibInDocument() throws Exception {
    String big = event("a1", "system:anonymous", "get", 403).replace("\"verb\"",
        "\"requestObject\":{\"data\":\"" + "x".repeat(1_100_000) + "\"},\"verb\"");
    Path document = Files.writeString(dir.resolve("big.json"),
        "[" + big + ",\n" + event("a2", "system:anonymous", "list", 403) + "]\n");

    List<List<Map<String, List<String>>>> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String stats : List.of("count", "count values(_raw) as raw")) {
      Path file = Files.writeString(dir.resolve("big.yml"), "name: big\nid: x-3\nsearch: '"
          + "\"user.username\"=\"system:anonymous\" | stats " + stats + " by auditID'\n");
      CliRun run = CliRun.of("hunt", "--detection", file.toString(), "--format", "ndjson",
          document.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      results.add(normalized(run.out()));
      errors.add(run.err());
    }

    assertThat(results.get(0)).containsExactly(
        Map.of("auditID", List.of("a1"), "count", List.of("1")),
        Map.of("auditID", List.of("a2"), "count", List.of("1")));
    assertThat(errors.get(0)).doesNotContain("too large");
    assertThat(results.get(1)).extracting(row -> row.get("auditID"))
        .containsExactly(List.of("a2"));
    assertThat(errors.get(1)).contains("warning: 1 event was too large to keep as text for a "
        + "search that needs it; no search saw it\n");
  }

  @Test
  void misspelledField_notedWhenNoRows() throws Exception {
    Path misspelled = Files.writeString(dir.resolve("typo.yml"), "name: typo\nid: x-4\nsearch: '"
        + "\"user.usrname\"=\"system:anonymous\" | stats count by sourceIPs{}'\n");
    Path noMatch = Files.writeString(dir.resolve("none.yml"), "name: none\nid: x-5\nsearch: '"
        + "\"user.username\"=\"system:anonymous\" verb=nothing | stats count by verb'\n");

    CliRun typo = CliRun.of("hunt", "--detection", misspelled.toString(), SAMPLE);
    CliRun none = CliRun.of("hunt", "--detection", noMatch.toString(), SAMPLE);

    assertThat(typo.exitCode()).isZero();
    assertThat(typo.err()).contains("note: typo.yml found no rows, and no event read had a value "
        + "for user.usrname; check the field names\n");
    assertThat(none.err()).contains("0 rows from 1 detection").doesNotContain("note: none.yml");
  }

  @Test
  void misspelledByField_notedWhenNoRows() throws Exception {
    Path events = Files.writeString(dir.resolve("events.log"), String.join("\n",
        event("a1", "system:anonymous", "get", 403), event("a2", "System:Anonymous", "list", 403),
        event("a3", "kubelet", "get", 200), event("a4", "system:anonymous", "get", 401)) + "\n");
    Path typo = Files.writeString(dir.resolve("by.yml"), "name: by\nid: x-6\nsearch: '"
        + "\"user.username\"=\"system:anonymous\" | rename sourceIPs{} as src_ip"
        + " | stats count by src_ip user.usrname verbs'\n");

    for (String threads : new String[] {"1", "2"}) {
      CliRun run = CliRun.of("hunt", "--threads", threads, "--detection", typo.toString(),
          events.toString());

      assertThat(run.exitCode()).isZero();
      // Three of the four events are by system:anonymous in any case, and reach stats.
      assertThat(run.err()).as("%s threads", threads).contains("note: by.yml found no rows: 3 "
          + "events reached its stats, and none had a value for the by-fields user.usrname, "
          + "verbs; check the field names\n");
    }
  }

  @Test
  void misspelledFields_notedWithRows() throws Exception {
    Path typo = Files.writeString(dir.resolve("rows.yml"), "name: rows\nid: x-7\nsearch: '"
        + "\"user.username\"=\"system:anonymous\" NOT usrAgent=\"AWS Security Scanner\""
        + " | rename sourceIPs{} as src_ip | stats count values(requestURl) as uris values(verb)"
        + " by src_ip'\n");

    CliRun run = CliRun.of("hunt", "--detection", typo.toString(), "--format", "csv", SAMPLE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("src_ip,count,uris,values(verb)\r\n");
    assertThat(run.err()).contains("note: rows.yml found rows, and no event read had a value for "
        + "usrAgent; check the field names\n");
    // The sample has 60 events by system:anonymous, counted in its JSON with a short script.
    assertThat(run.err()).contains("note: rows.yml: none of the 60 events that reached its stats "
        + "had a value for requestURl, so the columns made from it are empty; check the field "
        + "names\n");
  }

  private static String event(String id, String user, String verb, int code) {
    return "{\"kind\":\"Event\",\"auditID\":\"" + id + "\",\"verb\":\"" + verb
        + "\",\"user\":{\"username\":\"" + user + "\"},\"sourceIPs\":[\"203.0.113.9\"],"
        + "\"responseStatus\":{\"code\":" + code + "},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:1" + id.charAt(1) + ".5Z\"}";
  }

  @Test
  void table_wrapsLongValues() throws Exception {
    Path folder = exportBundled();

    CliRun run = CliRun.of("hunt", "--width", "80", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), SAMPLE);

    // The longest label has 29 characters and a gap of 2 follows, so a value line has room for
    // 80 - 31 = 49 characters.
    assertThat(run.out()).contains("\ncluster_name                   /aws/eks/prod-eu-west-1/"
        + "cluster:kube-apiserver-au\n" + " ".repeat(31) + "dit-6f1c2e7a0d9b4c3e\n");
  }

  @Test
  void otherSourcetype_warnedBeforeReading() throws Exception {
    Path folder = exportBundled();
    Path macro = Files.writeString(dir.resolve("aws_cloudwatchlogs_eks.yml"),
        "name: aws_cloudwatchlogs_eks\ndefinition: index=eks sourcetype=\"aws:cloudwatchlogs\"\n");
    Path matching = Files.writeString(dir.resolve("wild.yml"),
        "name: aws_cloudwatchlogs_eks\ndefinition: sourcetype=\"AWS:CloudWatchLogs*\"\n");

    CliRun other = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--macros", macro.toString(),
        SAMPLE);
    CliRun wildcard = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--macros",
        matching.toString(), SAMPLE);

    assertThat(other.err()).startsWith("scanwatch hunt: warning: eks_anonymous_cluster_scan.yml "
        + "requires sourcetype=aws:cloudwatchlogs, but events read from files have sourcetype "
        + "aws:cloudwatchlogs:eks, so it can match none; redefine its data macro with --macros");
    assertThat(other.err()).contains("0 rows from 1 detection");
    assertThat(wildcard.err()).doesNotContain("warning").contains("4 rows from 1 detection");
  }

  @Test
  void investigationSearch_needsItsParameter() throws Exception {
    Path folder = exportBundled();
    String file = folder.resolve("eks_activity_by_src_ip.yml").toString();

    CliRun missing = CliRun.of("hunt", "--detection", file, SAMPLE);
    CliRun parameterized = CliRun.of("hunt", "--detection", file, "--param", "src_ip=203.0.113.45",
        "--format", "csv", SAMPLE);
    CliRun extra = CliRun.of("hunt", "--detection", file, "--param", "src_ip=203.0.113.45",
        "--param", "srcip=203.0.113.45", "--format", "csv", SAMPLE);

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).startsWith("scanwatch hunt: eks_activity_by_src_ip.yml: missing "
        + "parameter 'src_ip' for token $src_ip$");
    // The zgrab scanner sent 9 requests, one event each.
    assertThat(parameterized.out().split("\r\n")).hasSize(10);
    assertThat(parameterized.out()).startsWith("_time,src_ip,user.username,userAgent,verb,requestURI,"
        + "responseStatus.code,responseStatus.reason,source\r\n"
        + "2026-11-20T08:03:20,203.0.113.45,,Mozilla/5.0 zgrab/0.x,get,/,401,Unauthorized,");
    assertThat(parameterized.err()).doesNotContain("warning");
    assertThat(extra.err()).startsWith("scanwatch hunt: warning: --param srcip is not used: no "
        + "detection's search has the token $srcip$\n");
    assertThat(extra.out()).isEqualTo(parameterized.out());
  }

  @Test
  void folderWithBadFiles_namesEveryOne() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(folder.resolve("a.yml"), "name: a\nid: a-1\nsearch: '* | transaction x'\n");
    Files.writeString(folder.resolve("b.yml"), "name: b\nid: b-1\nsearch: '* | stats count'\n");
    Files.writeString(folder.resolve("c.yml"), "name: c\nid: c-1\nsearch: '* | rex x'\n");

    CliRun run = CliRun.of("hunt", "--detections", folder.toString(), SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: a.yml: unsupported command 'transaction'")
        .contains("; 1 more detection file fails to load: c.yml (see 'scanwatch hunt --help')");
  }

  @Test
  void unsupportedCommand_failsBeforeReading() throws Exception {
    Path file = dir.resolve("custom.yml");
    Files.writeString(file, "name: custom\nid: x-1\nsearch: '`aws_cloudwatchlogs_eks` "
        + "| transaction src_ip'\n");

    CliRun run = CliRun.of("hunt", "--detection", file.toString(), "/no/such/input");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: custom.yml: unsupported command "
        + "'transaction' (at index 38 of the expanded search, near \"transaction src_ip\"); "
        + "supported: bin, bucket, convert,");
  }

  @Test
  void unsupportedCommandInMacro_quotedWhereItIs() throws Exception {
    Path folder = exportBundled();
    Path macro = Files.writeString(dir.resolve("filter.yml"),
        "name: eks_anonymous_cluster_scan_filter\ndefinition: eventstats count by src_ip\n");

    CliRun run = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--macros", macro.toString(),
        SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unsupported command 'eventstats' (at index ")
        .contains(" of the expanded search, near \"eventstats count by src_ip\")");
  }

  @Test
  void robustFile_runsTheBuiltInEngine() throws Exception {
    Path folder = exportBundled();

    CliRun run = CliRun.of("hunt", "--detection",
        folder.resolve("eks_unauthenticated_scan.yml").toString(), "--format", "ndjson", SAMPLE);

    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("{\"row_type\":\"scan\",\"src_ip\":\"198.51.100.23\",\"count\":14,")
        .contains("\"detection_id\":\"c61e0f7a-2d94-4b3b-8e57-6a0d1f9b2e88\"",
            "\"detection_name\":\"EKS unauthenticated scan (robust)\"");
  }

  @Test
  void folderOfDetections_builtInEngineFileSkipped() throws Exception {
    Path folder = exportBundled();

    CliRun run = CliRun.of("hunt", "--detections", folder.toString(), "--param",
        "src_ip=203.0.113.45", "--format", "csv", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).contains("skipped " + folder.resolve("eks_unauthenticated_scan.yml")
        + ": it runs on a built-in engine");
    // 4 parity rows and the 9 zgrab events of the investigation search.
    assertThat(run.err()).contains("13 rows from 2 detections");
    // With several detections, each CSV row names its detection.
    assertThat(run.out()).startsWith("_time,src_ip,user.username,").contains(
        ",values(requestURI),detection_id,detection_name\r\n");
    assertThat(run.out().split(",3f8c2a91-0b7d-4e65-a2c4-91d7e6b05f13,EKS activity by source "
        + "address\r\n", -1)).hasSize(10);
    assertThat(run.out().split(",7d0f3b52-6c1e-4a44-9f1d-2b8a5e0c9d41,EKS anonymous cluster "
        + "scan \\(parity\\)\r\n", -1)).hasSize(5);
  }

  @Test
  void detectionsFolder_subfoldersAndMacros() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("content/detections/cloud"));
    Path bundled = exportBundled();
    Files.copy(bundled.resolve("eks_anonymous_cluster_scan.yml"),
        folder.resolve("eks_anonymous_cluster_scan.yml"));
    Path macros = Files.createDirectories(dir.resolve("content/macros"));
    Path macro = Files.writeString(macros.resolve("aws_cloudwatchlogs_eks.yml"),
        "name: aws_cloudwatchlogs_eks\ndefinition: sourcetype=\"aws:cloudwatchlogs:eks\"\n");
    Path allowlist = Files.writeString(folder.resolve("allow.yml"),
        "allow:\n  - reason: health checks\n    paths: [\"/healthz\"]\n");

    CliRun run = CliRun.of("hunt", "--detections", dir.resolve("content").toString(), SAMPLE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("skipped " + macro + ": a macro file; pass it, or its "
        + "folder, with --macros");
    assertThat(run.err()).contains("skipped " + allowlist + ": not a detection file (no "
        + "search, name or id)");
    assertThat(run.err()).contains("4 rows from 1 detection");
  }

  @Test
  void deeplyNestedSearch_usageError() throws Exception {
    Path file = dir.resolve("deep.yml");
    Files.writeString(file, "name: deep\nid: d-1\nsearch: '`aws_cloudwatchlogs_eks` | where "
        + "(".repeat(20_000) + "1=1" + ")".repeat(20_000) + "'\n");

    CliRun run = CliRun.of("hunt", "--detection", file.toString(), SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: deep.yml: the search is nested too deeply");
  }

  @Test
  void invalidYaml_namesFileLineAndProblem() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yml"), "name: x\nid: y\nsearch: \"abc\n");
    Path empty = Files.writeString(dir.resolve("nosearch.yml"), "name: x\nid: y\n");

    CliRun invalid = CliRun.of("hunt", "--detection", bad.toString(), SAMPLE);
    CliRun noSearch = CliRun.of("hunt", "--detection", empty.toString(), SAMPLE);

    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(invalid.err()).startsWith("scanwatch hunt: invalid detection file " + bad
        + ":3:7: invalid YAML: while scanning a quoted scalar: found unexpected end of stream");
    assertThat(noSearch.err()).startsWith("scanwatch hunt: invalid detection file " + empty
        + ": the detection has no 'search'");
  }

  @Test
  void optionsOfTheOtherEngine_rejected() throws Exception {
    Path folder = exportBundled();
    Path allowlist = Files.writeString(dir.resolve("allow.yml"),
        "allow:\n  - reason: all\n    cidrs: [0.0.0.0/0]\n");

    CliRun allowed = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), "--allowlist",
        allowlist.toString(), SAMPLE);
    CliRun parameter = CliRun.of("hunt", "--param", "src_ip=1.2.3.4", SAMPLE);

    assertThat(allowed.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(allowed.err()).startsWith("scanwatch hunt: --allowlist, --scanner-agents and "
        + "--health-probers apply to the built-in detections;");
    assertThat(parameter.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(parameter.err()).startsWith("scanwatch hunt: --macros and --param apply to "
        + "detection files whose search runs in the search language");
    assertThat(CliRun.of("hunt", "--scanner-agents", allowlist.toString(), SAMPLE).err())
        .startsWith("scanwatch hunt: --scanner-agents and --health-probers apply to the robust "
            + "detection");
    assertThat(CliRun.of("hunt", "--detection", "robust", "--detections", folder.toString(),
        SAMPLE).err()).startsWith("scanwatch hunt: --detection and --detections cannot be "
            + "combined");
    assertThat(CliRun.of("hunt", "--compare", "--format", "csv", SAMPLE).err())
        .startsWith("scanwatch hunt: --format csv cannot be combined with --compare");
    assertThat(CliRun.of("hunt", "--detection", "Robust", "--format", "ndjson", SAMPLE)
        .exitCode()).isZero();
  }

  @Test
  void invalidUtf8_warnedAsInBuiltInHunts() throws Exception {
    Path folder = exportBundled();
    byte[] line = ("{\"kind\":\"Event\",\"auditID\":\"a\",\"user\":{\"username\":"
        + "\"system:anonymous\"},\"userAgent\":\"zgrab\u00ff\",\"requestReceivedTimestamp\":"
        + "\"2024-11-13T18:34:10Z\"}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path log = Files.write(dir.resolve("latin1.log"), line);

    CliRun run = CliRun.of("hunt", "--detection",
        folder.resolve("eks_anonymous_cluster_scan.yml").toString(), log.toString());

    assertThat(run.err()).contains("warning: 1 line had invalid UTF-8, read with U+FFFD in its "
        + "place (first at " + log + ":1)");
  }

  @Test
  void missingDetectionFile_saysSo() {
    CliRun run = CliRun.of("hunt", "--detection", "/no/such/detection.yml", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --detection "
        + "'/no/such/detection.yml': no such file;");
  }

  @Test
  void detectionsList_showsMetadata() {
    CliRun run = CliRun.of("detections", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("eks_anonymous_cluster_scan.yml\n"
        + "  name: EKS anonymous cluster scan (parity)\n"
        + "  type: Hunting, id 7d0f3b52-6c1e-4a44-9f1d-2b8a5e0c9d41, version 1\n"
        + "  MITRE ATT&CK: T1526, risk score 25\n"
        + "  runs on: search language\n");
    assertThat(run.out()).contains("  runs on: built-in robust\n");
  }

  @Test
  void epochSeconds_writesTimeAsSplunkDoes() {
    assertThat(SearchHunt.epochSeconds(1_763_625_600_000_000L)).isEqualTo("1763625600");
    assertThat(SearchHunt.epochSeconds(1_763_625_600_120_000L)).isEqualTo("1763625600.12");
    assertThat(SearchHunt.epochSeconds(1_763_625_600_000_007L)).isEqualTo("1763625600.000007");
    assertThat(SearchHunt.epochSeconds(0)).isEqualTo("0");
    assertThat(SearchHunt.epochSeconds(-1_500_000)).isEqualTo("-1.5");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 100_000; i++) {
      long micros = random.nextInt(3) == 0 ? random.nextLong() / 1000
          : random.nextLong(4_000_000_000_000_000L) / (long) Math.pow(10, random.nextInt(7));
      assertThat(SearchHunt.epochSeconds(micros)).as("%d", micros).isEqualTo(
          java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString());
    }
  }

  /** Exports the bundled detection files into a new folder and returns it. */
  private Path exportBundled() {
    Path folder = dir.resolve("bundled");
    assertThat(CliRun.of("detections", "export", folder.toString()).exitCode()).isZero();
    return folder;
  }

  /** Rows as maps of column to values, single values and numbers made lists of text. */
  private static List<Map<String, List<String>>> normalized(String ndjson) throws Exception {
    List<Map<String, List<String>>> rows = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode object = JSON.readTree(line);
      Map<String, List<String>> row = new LinkedHashMap<>();
      object.fields().forEachRemaining(field -> {
        String name = field.getKey();
        if (name.equals("cluster") || name.startsWith("detection_")
            || name.equals("mitre_attack_id") || name.equals("analytic_story")
            || name.equals("risk_score")) {
          return;
        }
        List<String> values = new ArrayList<>();
        if (field.getValue().isArray()) {
          field.getValue().forEach(value -> values.add(value.asText()));
        } else {
          values.add(field.getValue().asText());
        }
        row.put(name, values);
      });
      rows.add(row);
    }
    return rows;
  }
}
