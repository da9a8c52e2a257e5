package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hunt command end to end on hand-written events. The expected rows in
 * {@code expected/multivalue.ndjson} were worked out by hand from {@code audit/multivalue.jsonl}:
 * e1 splits into 2 IPs x 2 groups, e2 repeats its IP and counts twice, e3's username differs in
 * case and gets its own row, e4 to e7 are dropped (scanner agent, no agent, no groups, not
 * anonymous), and e8 is read through the value rules (string for array, number for string).
 */
class HuntCommandTest {

  private static final String FIXTURE = CliRun.resource("/audit/multivalue.jsonl");

  @TempDir Path dir;

  private static String expected(String name, String source) throws Exception {
    String text = Files.readString(Path.of(CliRun.resource(name)), StandardCharsets.UTF_8);
    return text.replace("${SOURCE}", source.replace("\\", "\\\\"));
  }

  @Test
  void ndjson_matchesHandComputedRows() throws Exception {
    CliRun run = CliRun.of("hunt", "--format", "ndjson", FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEqualTo(expected("/expected/multivalue.ndjson", FIXTURE));
  }

  @Test
  void json_isArrayOfTheSameObjects() throws Exception {
    CliRun run = CliRun.of("hunt", "--format", "json", FIXTURE);

    String objects = expected("/expected/multivalue.ndjson", FIXTURE).strip().replace("}\n{",
        "},\n{");
    assertThat(run.out()).isEqualTo("[\n" + objects + "\n]\n");
  }

  @Test
  void summary_countsAndSkipReasons() {
    CliRun run = CliRun.of("hunt", "--no-prefilter", "--format", "json", FIXTURE);

    assertThat(run.err()).contains("read 1 input (", "8 audit events; 4 matched, 6 rows");
    assertThat(run.err()).contains("excluded: 1 anonymous event from the AWS Security Scanner");
    assertThat(run.err()).contains("skipped: 2 records");
    assertThat(run.err()).contains("missing by-field         1\n    at " + FIXTURE
        + ":6: anonymous request from 10.128.5.42 with no user.groups");
    assertThat(run.err()).contains("missing userAgent        1\n    at " + FIXTURE
        + ":5: anonymous request from 198.51.100.77");
    assertThat(run.err()).contains("note: Splunk's analytic drops these 2 anonymous events too");
  }

  @Test
  void clusterOption_fillsClusterColumn() {
    CliRun run = CliRun.of("hunt", "--format", "ndjson", "--cluster", "prod-eu", FIXTURE);

    assertThat(run.out().lines()).hasSize(6).allSatisfy(
        line -> assertThat(line).endsWith(",\"cluster\":[\"prod-eu\"]}"));
  }

  @Test
  void timezone_rendersLocalTimeWithoutFraction() {
    CliRun newYork = CliRun.of("hunt", "--format", "csv", "--timezone", "America/New_York",
        FIXTURE);
    CliRun india = CliRun.of("hunt", "--format", "csv", "--timezone", "+05:30", FIXTURE);

    // 2024-11-13T18:34:10.595141Z is 13:34:10 in New York (UTC-5) and 00:04:10 next day in India.
    assertThat(newYork.out()).contains(",1,2024-11-13T13:34:10,2024-11-13T13:34:10,Forbidden,");
    assertThat(india.out()).contains(",1,2024-11-14T00:04:10,2024-11-14T00:04:10,Forbidden,");
  }

  @Test
  void csv_rfc4180WithMultiValuesInOneCell() {
    CliRun run = CliRun.of("hunt", "--format", "csv", FIXTURE);

    String header = "src_ip,user.username,user.groups{},count,firstTime,lastTime,"
        + "values(responseStatus.reason),cluster_name,values(responseStatus.code),"
        + "http_user_agent,values(verb),values(requestURI),cluster\r\n";
    assertThat(run.out()).startsWith(header);
    assertThat(run.out()).contains("10.0.0.5,system:anonymous,system:unauthenticated,3,"
        + "2024-11-13T18:34:10,2024-11-13T18:35:00,Forbidden," + FIXTURE + ",403,"
        + "\"curl/8.5.0\nzgrab/0.x\",\"get\nlist\",\"/api\n/api/v1/secrets\",\r\n");
    assertThat(run.out().split("\r\n")).hasSize(7);
  }

  @Test
  void csv_defusesFormulasUnlessRaw() throws Exception {
    Path file = dir.resolve("formula.log");
    Files.writeString(file, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\","
        + "\"groups\":[\"@group\"]},\"sourceIPs\":[\"1.2.3.4\"],\"userAgent\":"
        + "\"=HYPERLINK(\\\"http://x\\\")\",\"verb\":\"-get\",\"requestURI\":\"+1\","
        + "\"responseStatus\":{\"reason\":\"\\tTab\",\"code\":403},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}\n");

    CliRun safe = CliRun.of("hunt", "--format", "csv", file.toString());
    CliRun raw = CliRun.of("hunt", "--format", "csv", "--raw-csv", file.toString());

    String safeRow = safe.out().split("\r\n")[1];
    assertThat(safeRow).startsWith("1.2.3.4,system:anonymous,'@group,1,");
    assertThat(safeRow).contains(",'\tTab,");
    assertThat(safeRow).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",'-get,'+1,");
    String rawRow = raw.out().split("\r\n")[1];
    assertThat(rawRow).contains(",\"=HYPERLINK(\"\"http://x\"\")\",-get,+1,");
    assertThat(rawRow).startsWith("1.2.3.4,system:anonymous,@group,1,");
  }

  @Test
  void table_escapesTerminalSequences() throws Exception {
    Path file = dir.resolve("escape.log");
    Files.writeString(file, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\","
        + "\"groups\":[\"system:unauthenticated\"]},\"sourceIPs\":[\"1.2.3.4\"],\"userAgent\":"
        + "\"\\u001b]0;owned\\u0007\\u001b[31mred\",\"verb\":\"get\",\"requestURI\":"
        + "\"/a\\nb\\u202e\",\"responseStatus\":{\"code\":403},"
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}\n"
        + "2024-11-13T18:34:11Z stream\u001b[2J text line\n");

    CliRun run = CliRun.of("hunt", "--no-prefilter", file.toString());

    assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u0007")
        .doesNotContain("\u202e");
    assertThat(run.out()).contains("\\e]0;owned\\x07\\e[31mred");
    assertThat(run.out()).contains("/a\\nb\\u202e");
    assertThat(run.err()).doesNotContain("\u001b");
    assertThat(run.err()).contains("text line of log stream stream\\e[2J");
  }

  @Test
  void json_keepsValuesExact() throws Exception {
    Path file = dir.resolve("exact.log");
    Files.writeString(file, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\","
        + "\"groups\":[\"g\"]},\"sourceIPs\":[\"1.2.3.4\"],\"userAgent\":\"\\u001b[31m\\u00e9\","
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}\n");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", file.toString());

    assertThat(run.out()).contains("\"http_user_agent\":[\"\\u001B[31m\u00e9\"]");
  }

  @Test
  void table_alignsRowsUnderHeader() {
    CliRun run = CliRun.of("hunt", "--width", "100", FIXTURE);

    assertThat(run.out()).startsWith(
        "src_ip       user.username     user.groups{}           count\n"
            + "------------------------------------------------------------\n"
            + "10.0.0.5     System:Anonymous  system:unauthenticated      1\n"
            + "  firstTime                      2024-11-13T18:30:00\n"
            + "  lastTime                       2024-11-13T18:30:00\n"
            + "  values(responseStatus.reason)  (none)\n");
    assertThat(run.out()).endsWith("6 rows\n");
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(101));
  }

  @Test
  void table_cutsLongValueWithCount() throws Exception {
    Path file = dir.resolve("long.log");
    String uri = "/" + "a".repeat(2000) + "/TAIL";
    Files.writeString(file, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\","
        + "\"groups\":[\"g\"]},\"sourceIPs\":[\"1.2.3.4\"],\"userAgent\":\"x\","
        + "\"requestURI\":\"" + uri + "\",\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}\n");

    CliRun run = CliRun.of("hunt", "--width", "80", file.toString());

    // The URI has 2006 characters and values get 80 - 2 - 29 - 2 = 47 columns: two full lines,
    // then 47 - 18 = 29 characters, as the marker " ... (+2006 chars)" takes 18. That shows
    // 47 + 47 + 29 = 123 characters and leaves out 2006 - 123 = 1883.
    List<String> uriLines = run.out().lines()
        .dropWhile(line -> !line.startsWith("  values(requestURI)"))
        .limit(3).toList();
    assertThat(uriLines.get(0)).endsWith("/" + "a".repeat(46));
    assertThat(uriLines.get(1)).endsWith("a".repeat(47));
    assertThat(uriLines.get(2)).endsWith(" " + "a".repeat(29) + " ... (+1883 chars)");
    assertThat(run.out()).doesNotContain("TAIL");
  }

  @Test
  void usageError_escapesTerminalSequences() {
    CliRun run = CliRun.of("hunt", "/tmp/\u001b[2J-missing");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).doesNotContain("\u001b").contains("/tmp/\\e[2J-missing");
  }

  @Test
  void json_loneSurrogateStaysExact() throws Exception {
    Path file = dir.resolve("surrogate.log");
    Files.writeString(file, "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\","
        + "\"groups\":[\"g\"]},\"sourceIPs\":[\"1.2.3.4\"],\"userAgent\":\"\\ud800x\","
        + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:10Z\"}\n");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", file.toString());

    assertThat(run.out()).contains("\"http_user_agent\":[\"\\ud800x\"]");
  }

  @Test
  void table_noRows() throws Exception {
    Path file = dir.resolve("quiet.log");
    Files.writeString(file, "");

    CliRun run = CliRun.of("hunt", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEqualTo("No rows: no event matched the detection.\n");
  }

  @Test
  void folder_readRecursivelyInPathOrder() throws Exception {
    Path nested = Files.createDirectories(dir.resolve("b/nested"));
    String line = Files.readAllLines(Path.of(FIXTURE)).get(1);
    Files.writeString(nested.resolve("z.log"), line + "\n");
    Files.writeString(dir.resolve("a.log"), line + "\n");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", dir.toString());

    assertThat(run.err()).contains("read 2 inputs");
    assertThat(run.out()).contains("\"count\":4,")
        .contains("\"cluster_name\":[\"" + dir.resolve("a.log") + "\",\""
            + dir.resolve("b/nested/z.log") + "\"]");
  }

  @Test
  void output_writesToFile() throws Exception {
    Path target = dir.resolve("rows.ndjson");

    CliRun run = CliRun.of("hunt", "--format", "ndjson", "--output", target.toString(), FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(target)).isEqualTo(expected("/expected/multivalue.ndjson",
        FIXTURE));
  }

  @Test
  void output_folderRejectedBeforeReading() {
    CliRun run = CliRun.of("hunt", "--output", dir.toString(), FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --output '" + dir
        + "': it is a folder");
    assertThat(run.err()).doesNotContain("audit events");
  }

  @Test
  void output_missingFolderRejectedBeforeReading() {
    Path target = dir.resolve("missing/rows.ndjson");

    CliRun run = CliRun.of("hunt", "--detection", "robust", "-o", target.toString(), FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --output '" + target
        + "': its folder does not exist");
  }

  @Test
  void output_anInputRejectedBeforeWriting() throws Exception {
    Path log = Files.copy(Path.of(FIXTURE), dir.resolve("victim.log"));
    long size = Files.size(log);

    CliRun run = CliRun.of("hunt", "-o", log.toString(), log.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --output '" + log
        + "': it is one of the inputs, which writing would destroy");
    assertThat(Files.size(log)).isEqualTo(size);
  }

  @Test
  void output_danglingLinkIntoMissingFolderRejected() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("out.txt"), dir.resolve("missing/out.txt"));

    CliRun run = CliRun.of("hunt", "-o", link.toString(), FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --output '" + link
        + "': its folder does not exist");
  }

  @Test
  void width_belowSixtyRejected() {
    CliRun run = CliRun.of("hunt", "--width", "40", FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("scanwatch hunt: invalid --width 40: give 60 or more");
  }

  @Test
  void failOnFindings_exitsThreeOnlyWithRows() throws Exception {
    Path empty = dir.resolve("empty.log");
    Files.writeString(empty, "");

    assertThat(CliRun.of("hunt", "--fail-on-findings", FIXTURE).exitCode())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(CliRun.of("hunt", "--fail-on-findings", empty.toString()).exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void missingPath_usageErrorInOneLine() {
    CliRun run = CliRun.of("hunt", "/no/such/audit.log");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("scanwatch hunt: no such file or folder: '/no/such/audit.log';"
        + " check the path, or give - to read standard input (see 'scanwatch hunt --help')\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownOption_usageErrorInOneLine() {
    CliRun run = CliRun.of("hunt", "--frmat", "json", FIXTURE);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("scanwatch hunt: Unknown option: '--frmat'")
        .endsWith("(see 'scanwatch hunt --help')\n");
  }

  @Test
  void misspelledNames_closeOnesSuggested() throws Exception {
    Path detection = java.nio.file.Files.writeString(dir.resolve("d.yml"),
        "name: d\nid: d-1\nsearch: 'verb=get | stats count'\n");
    CliRun swapped = CliRun.of("hunt", "--fromat", "json", FIXTURE);
    CliRun command = CliRun.of("hnut", FIXTURE);
    CliRun unlike = CliRun.of("hunt", "--xyzzy", FIXTURE);
    CliRun param = CliRun.of("hunt", "--detection", "robust", "--param", "foo", FIXTURE);
    CliRun paramFile = CliRun.of("hunt", "--detection", detection.toString(), "--param", "foo",
        FIXTURE);

    assertThat(swapped.err()).contains("Unknown option: '--fromat'; did you mean '--format'?");
    assertThat(command.err()).contains("; did you mean 'hunt'?");
    assertThat(unlike.err()).doesNotContain("did you mean");
    assertThat(param.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(paramFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(paramFile.err()).startsWith("scanwatch hunt: invalid --param 'foo': expected "
        + "NAME=VALUE, such as src_ip=203.0.113.9");
  }

  @Test
  void detectionWithoutRows_emptyCsv() throws Exception {
    Path detection = java.nio.file.Files.writeString(dir.resolve("none.yml"),
        "name: none\nid: n-1\nsearch: 'verb=nothing-matches | stats count by verb'\n");

    CliRun run = CliRun.of("hunt", "--detection", detection.toString(), "--format", "csv",
        FIXTURE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void editDistance_countsSwapsAsOne() {
    assertThat(Main.editDistance("--fromat", "--format")).isEqualTo(1);
    assertThat(Main.editDistance("hnut", "hunt")).isEqualTo(1);
    assertThat(Main.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Main.editDistance("", "abc")).isEqualTo(3);
  }

  @Test
  void invalidValues_usageErrors() {
    CliRun zone = CliRun.of("hunt", "--timezone", "Mars/Olympus", FIXTURE);
    CliRun format = CliRun.of("hunt", "--format", "xml", FIXTURE);

    assertThat(zone.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zone.err()).startsWith("scanwatch hunt: invalid --timezone 'Mars/Olympus'");
    assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(format.err()).contains("xml").contains("table, json, ndjson, csv");
    assertThat(format.err().lines()).hasSize(1);
  }

  @Test
  void optionValues_caseInsensitiveAndShortZones() {
    CliRun upper = CliRun.of("hunt", "--format", "NDJSON", "--timezone", "utc", FIXTURE);
    CliRun est = CliRun.of("hunt", "--format", "csv", "--timezone", "EST", FIXTURE);

    assertThat(upper.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(upper.out()).isEqualTo(expectedUnchecked());
    // EST is UTC-5, so 18:34:10 UTC is 13:34:10.
    assertThat(est.out()).contains(",1,2024-11-13T13:34:10,2024-11-13T13:34:10,Forbidden,");
  }

  private static String expectedUnchecked() {
    try {
      return expected("/expected/multivalue.ndjson", FIXTURE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void emptyFolder_warns() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("nothing-here"));

    CliRun run = CliRun.of("hunt", empty.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).startsWith(
        "scanwatch hunt: warning: the folders given hold no files to read\n");
  }

  @Test
  void truncatedGzip_exitsOne() throws Exception {
    byte[] whole = Files.readAllBytes(Path.of(FIXTURE));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
      gzip.write(whole);
    }
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes.toByteArray(), 100));

    CliRun run = CliRun.of("hunt", cut.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("error: " + cut + " at byte 100: corrupt or truncated gzip");
  }

  @Test
  void noCommand_usageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("missing command");
  }

  @Test
  void help_listsExitCodes() {
    CliRun run = CliRun.of("hunt", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Exit codes:", "--fail-on-findings", "--timezone=ZONE");
  }
}
