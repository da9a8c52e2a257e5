package io.scanwatch.output.html;

import static io.scanwatch.output.html.ReportFixtures.INVALID_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.html.DumpedDom.Tag;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report with hostile values in headless Chromium and checks the DOM after its script
 * ran. Skipped when {@code chromium} is not on the PATH (Debian's package {@code chromium}
 * installs it). The screenshot and the report are kept in {@code target/html-report/}.
 */
class HtmlReportBrowserTest {

  private static final long TIMEOUT_SECONDS = 20;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  static Path temporaryFolder;

  private static final RobustResult RESULT = ReportFixtures.hostileResult();
  private static Path chromium;
  private static Path report;
  private static Path screenshot;
  private static DumpedDom expanded;

  @BeforeAll
  static void renderReport() throws Exception {
    chromium = findOnPath("chromium");
    if (chromium == null) {
      return;
    }
    report = temporaryFolder.resolve("report.html");
    Files.writeString(report, ReportFixtures.write(RESULT), StandardCharsets.UTF_8);
    Path artifacts = Path.of(System.getProperty("basedir", "."), "target", "html-report");
    Files.createDirectories(artifacts);
    Files.copy(report, artifacts.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
    screenshot = artifacts.resolve("report.png");
    Files.deleteIfExists(screenshot);
    expanded = new DumpedDom(dumpDom("#expand=1", "expanded",
        "--screenshot=" + screenshot, "--window-size=1200,900", "--hide-scrollbars"));
  }

  /** Skips each test with a message in the report, which a skip of the whole class lacks. */
  @BeforeEach
  void requireChromium() {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not on the PATH, so the browser test is skipped."
            + " Install it with: apt-get install -y chromium");
  }

  @Test
  void scriptRendersAllRows() {
    Tag body = expanded.tagsNamed("body").get(0);

    assertThat(body.attribute("data-render-error")).isNull();
    assertThat(body.attribute("data-rendered")).isEqualTo("4 rows");
    assertThat(body.attribute("data-chart-lanes")).isEqualTo("4");
    assertThat(body.attribute("data-probes")).isEqualTo("2");
  }

  @Test
  void tableListsRowsInOrder() {
    List<Tag> rows = expanded.withClass("tr", "scan-row");

    assertThat(rows).hasSize(RESULT.rows().size());
    for (int i = 0; i < rows.size(); i++) {
      RobustRow expected = RESULT.rows().get(i);
      assertThat(rows.get(i).attribute("data-address")).as("row %d", i)
          .isEqualTo(expected.address().replace("\ud800", "\ufffd"));
      assertThat(rows.get(i).attribute("data-requests")).as("row %d", i)
          .isEqualTo(Long.toString(expected.requests()));
      assertThat(rows.get(i).attribute("data-severity")).as("row %d", i)
          .isEqualTo(ReportData.severityName(expected.severity()));
    }
  }

  @Test
  void chartHasLanePerRow() {
    List<Tag> lanes = expanded.withClass("g", "lane");

    assertThat(lanes).hasSize(RESULT.rows().size());
    for (int i = 0; i < lanes.size(); i++) {
      RobustRow expected = RESULT.rows().get(i);
      assertThat(lanes.get(i).attribute("data-requests")).as("lane %d", i)
          .isEqualTo(Long.toString(expected.requests()));
      assertThat(lanes.get(i).attribute("data-first-micros")).as("lane %d", i)
          .isEqualTo(Long.toString(expected.firstMicros()));
      assertThat(lanes.get(i).attribute("data-last-micros")).as("lane %d", i)
          .isEqualTo(Long.toString(expected.lastMicros()));
    }
  }

  @Test
  void chartBarsFollowTimes() {
    List<Tag> bars = expanded.withClass("rect", "bar");
    double criticalX = number(bars.get(0), "x");
    double criticalWidth = number(bars.get(0), "width");
    // The critical row spans the first 3600 s of the axis's 7200 s, so the plot is twice as wide.
    double plotWidth = 2 * criticalWidth;

    assertThat(bars).hasSize(4);
    assertThat(bars.get(0).hasClass("sev-critical")).isTrue();
    assertThat(number(bars.get(1), "x") - criticalX).isCloseTo(plotWidth * 600 / 7200,
        within(0.05));
    assertThat(number(bars.get(1), "width")).isCloseTo(plotWidth * 1200 / 7200, within(0.05));
    assertThat(number(bars.get(2), "x") - criticalX).isCloseTo(plotWidth * 1200 / 7200,
        within(0.05));
    assertThat(number(bars.get(2), "width")).isCloseTo(plotWidth * 6000 / 7200, within(0.05));
    assertThat(number(bars.get(3), "x") - criticalX).isCloseTo(plotWidth * 5000 / 7200,
        within(0.05));
    assertThat(number(bars.get(3), "width")).as("minimum width of a one-second bar")
        .isEqualTo(3.0);
  }

  @Test
  void summaryShowsCounts() {
    assertThat(expanded.byId("count-events").attribute("data-value")).isEqualTo("1000");
    assertThat(expanded.byId("count-unauthenticated-events").attribute("data-value"))
        .isEqualTo("640");
    assertThat(expanded.byId("count-suppressed-events").attribute("data-value")).isEqualTo("17");
    assertThat(expanded.byId("count-requests").attribute("data-value")).isEqualTo("623");
    assertThat(expanded.byId("count-scan-sources").attribute("data-value")).isEqualTo("4");
    assertThat(expanded.byId("count-probe-sources").attribute("data-value")).isEqualTo("2");
    assertThat(expanded.byId("count-probe-requests").attribute("data-value")).isEqualTo("450");
    assertThat(expanded.byId("count-no-source-ip").attribute("data-value")).isEqualTo("3");
    assertThat(expanded.byId("severity-critical").attribute("data-sources")).isEqualTo("1");
    assertThat(expanded.byId("severity-high").attribute("data-requests")).isEqualTo("42");
    assertThat(expanded.byId("severity-info").attribute("data-sources")).isEqualTo("0");
    assertThat(expanded.withClass("tr", "suppression-row")).extracting(
        tag -> tag.attribute("data-events")).containsExactly("17", "0");
  }

  @Test
  void healthProbesListedApart() {
    List<Tag> probes = expanded.withClass("tr", "probe-row");
    List<String> expected = new ArrayList<>();
    for (HealthProbeRow probe : RESULT.healthProbes()) {
      expected.add(probe.address() + " " + probe.requests());
    }

    assertThat(probes).extracting(
        tag -> tag.attribute("data-address") + " " + tag.attribute("data-requests"))
        .isEqualTo(expected);
    assertThat(expanded.byId("probe-summary").attribute("data-sources")).isEqualTo("2");
    assertThat(expanded.byId("probe-summary").attribute("data-requests")).isEqualTo("450");
  }

  @Test
  void attackerMarkupStaysText() {
    List<String> names = expanded.tags().stream().map(Tag::name).toList();

    assertThat(expanded.title()).isEqualTo("scanwatch scan report");
    assertThat(names).doesNotContain("img", "iframe", "object", "embed", "a", "form", "b");
    assertThat(expanded.tagsNamed("script")).hasSize(2);
    for (Tag tag : expanded.tags()) {
      for (String attribute : tag.attributes().keySet()) {
        assertThat(attribute).as("attribute of <%s>", tag.name())
            .doesNotStartWith("on")
            .isNotIn("href", "src", "xlink:href", "action", "formaction", "srcdoc");
      }
    }
    assertThat(expanded.html())
        .contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;")
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("javascript:alert(1)")
        .contains("Monitoring &lt;b&gt;agent&lt;/b&gt;");
  }

  @Test
  void controlCharactersShownAsEscapes() {
    assertThat(expanded.html()).contains("curl/8.5.0\\u2028line\\u202eevil");
    assertThat(expanded.html()).contains("not-an-ip&lt;/script&gt;\\ud800");
    assertThat(expanded.html()).doesNotContain("\u202e");
  }

  @Test
  void expandedDetailsFilled() {
    List<Tag> details = expanded.tagsNamed("details");

    assertThat(details).hasSize(4);
    for (Tag tag : details) {
      assertThat(tag.attributes()).containsKey("open");
      assertThat(tag.attribute("data-filled")).isEqualTo("true");
    }
  }

  @Test
  void fragmentFiltersRows() throws Exception {
    DumpedDom filtered = new DumpedDom(dumpDom("#q=CURL&severity=high", "filtered"));
    List<Tag> rows = filtered.withClass("tr", "scan-row");

    assertThat(filtered.byId("filter-status").attribute("data-shown")).isEqualTo("1");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).attributes()).containsKey("hidden");
    assertThat(rows.get(1).attribute("data-address")).isEqualTo("203.0.113.7");
    assertThat(rows.get(1).attributes()).doesNotContainKey("hidden");
    assertThat(rows.get(2).attributes()).containsKey("hidden");
    assertThat(rows.get(3).attributes()).containsKey("hidden");
    assertThat(filtered.tagsNamed("details")).allSatisfy(
        tag -> assertThat(tag.attributes()).doesNotContainKey("open"));
  }

  @Test
  void screenshotWritten() throws Exception {
    byte[] png = Files.readAllBytes(screenshot);

    assertThat(png.length).isGreaterThan(10_000);
    assertThat(java.util.Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
  }

  @Test
  void invalidAddressKeptAsData() {
    Tag lowRow = expanded.withClass("tr", "scan-row").get(3);

    assertThat(lowRow.attribute("data-address"))
        .isEqualTo(INVALID_ADDRESS.replace("\ud800", "\ufffd"));
  }

  private static double number(Tag tag, String attribute) {
    return Double.parseDouble(tag.attribute(attribute));
  }

  /**
   * Runs headless Chromium on the report with the fragment and returns the DOM it serialized
   * after the page loaded. A fresh profile and the background-networking flags keep Chromium
   * from reaching any host; --no-sandbox lets it start as root, as in CI containers.
   */
  private static String dumpDom(String fragment, String runName, String... extraArguments)
      throws IOException, InterruptedException {
    Path profile = Files.createDirectory(temporaryFolder.resolve("profile-" + runName));
    Path stdout = temporaryFolder.resolve(runName + ".stdout.html");
    Path stderr = temporaryFolder.resolve(runName + ".stderr.txt");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    command.addAll(List.of(extraArguments));
    command.add("--dump-dom");
    command.add(report.toUri() + fragment);
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("chromium timed out after " + TIMEOUT_SECONDS + " s: "
          + String.join(" ", command) + "\n" + tail(stderr));
    }
    String dom = Files.readString(stdout, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || dom.isBlank()) {
      throw new AssertionError("chromium exited with " + process.exitValue()
          + " and printed no DOM: " + String.join(" ", command) + "\n" + tail(stderr));
    }
    return dom;
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static Path findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
