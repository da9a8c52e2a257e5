package io.scanwatch.output.html;

import static io.scanwatch.output.html.ReportFixtures.IMG_PATH;
import static io.scanwatch.output.html.ReportFixtures.INVALID_ADDRESS;
import static io.scanwatch.output.html.ReportFixtures.JAVASCRIPT_URL;
import static io.scanwatch.output.html.ReportFixtures.SCRIPT_AGENT;
import static io.scanwatch.output.html.ReportFixtures.SCRIPT_BREAKOUT;
import static io.scanwatch.output.html.ReportFixtures.SPOOFING_AGENT;
import static io.scanwatch.output.html.ReportFixtures.START_MICROS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.robust.RobustAggregator;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.output.TimeFormat;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  @Test
  void policyHashesInlineScript() throws Exception {
    String html = ReportFixtures.write(ReportFixtures.hostileResult());
    String policy = PageParts.contentSecurityPolicy(html);

    assertThat(policy).contains("script-src '" + sha256(PageParts.script(html)) + "';");
    assertThat(PageParts.script(html)).contains("JSON.parse");
  }

  @Test
  void policyHashesInlineStyle() throws Exception {
    String html = ReportFixtures.write(ReportFixtures.hostileResult());
    String policy = PageParts.contentSecurityPolicy(html);

    assertThat(policy).contains("style-src '" + sha256(PageParts.style(html)) + "';");
  }

  @Test
  void policyBlocksFetchesAndForms() throws Exception {
    String policy = PageParts.contentSecurityPolicy(
        ReportFixtures.write(ReportFixtures.hostileResult()));

    assertThat(policy).startsWith("default-src 'none';");
    assertThat(policy).contains("img-src 'none';");
    assertThat(policy).contains("connect-src 'none';");
    assertThat(policy).contains("base-uri 'none';");
    assertThat(policy).contains("form-action 'none';");
    assertThat(policy).contains("require-trusted-types-for 'script'");
    assertThat(policy).doesNotContain("unsafe");
    assertThat(policy).doesNotContain("*");
  }

  @Test
  void pageHasNoExternalUrls() throws Exception {
    String page = PageParts.withoutData(ReportFixtures.write(ReportFixtures.hostileResult()))
        .toLowerCase(Locale.ROOT);

    assertThat(page).doesNotContain("http://");
    assertThat(page).doesNotContain("https://");
    assertThat(page).doesNotContain("href=");
    assertThat(page).doesNotContain("src=");
    assertThat(page).doesNotContain("url(");
    assertThat(page).doesNotContain("@import");
    assertThat(page).doesNotContain("<link");
    assertThat(page).doesNotContain("<img");
  }

  @Test
  void scriptUsesNoHtmlSinks() throws Exception {
    String script = PageParts.script(ReportFixtures.write(ReportFixtures.hostileResult()));

    for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
        "eval(", "Function(", "setTimeout(", "setInterval(", "href", ".src", "location.assign",
        "location.href", "window.open", "fetch(", "XMLHttpRequest")) {
      assertThat(script).as("script text").doesNotContain(sink);
    }
  }

  @Test
  void dataEscapesMarkup() throws Exception {
    String html = ReportFixtures.write(ReportFixtures.hostileResult());
    String data = PageParts.data(html);

    assertThat(html).doesNotContain(SCRIPT_BREAKOUT);
    assertThat(html).doesNotContain(IMG_PATH);
    assertThat(html).doesNotContain(SCRIPT_AGENT);
    assertThat(data).doesNotContain("<");
    assertThat(data).doesNotContain(">");
    assertThat(data).doesNotContain("&");
    assertThat(data).containsIgnoringCase(
        "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
    assertThat(data).containsIgnoringCase("curl/8.5.0\\u2028line\\u202Eevil");
    assertThat(countIgnoringCase(html, "<script")).isEqualTo(2);
    assertThat(countIgnoringCase(html, "</script")).isEqualTo(2);
  }

  @Test
  void pageIsAscii() throws Exception {
    String html = ReportFixtures.write(ReportFixtures.hostileResult());

    for (int i = 0; i < html.length(); i++) {
      assertThat((int) html.charAt(i)).as("character at index %d", i).isLessThan(0x80);
    }
  }

  @Test
  void dataRoundTripsExactly() throws Exception {
    Map<String, Object> data = data(ReportFixtures.write(ReportFixtures.hostileResult()));
    List<Map<String, Object>> rows = list(data, "rows");

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("address")).isEqualTo("198.51.100.23");
    assertThat(rows.get(0).get("severity")).isEqualTo("critical");
    assertThat(rows.get(0).get("requests")).isEqualTo(120L);
    assertThat(rows.get(0).get("paths")).asList().contains(IMG_PATH);
    assertThat(rows.get(0).get("userAgents")).asList().contains(SCRIPT_AGENT);
    assertThat(rows.get(0).get("clusters")).asList().contains(JAVASCRIPT_URL);
    assertThat(rows.get(0).get("reasons")).asList().contains(SCRIPT_BREAKOUT);
    assertThat(rows.get(0).get("firstMicros")).isEqualTo(START_MICROS);
    assertThat(rows.get(0).get("firstTime")).isEqualTo("2024-10-27T03:33:20");
    assertThat(rows.get(0).get("lastTime")).isEqualTo("2024-10-27T04:33:20");
    assertThat(rows.get(1).get("userAgents")).isEqualTo(List.of(SPOOFING_AGENT));
    assertThat(rows.get(2).get("addressRange")).isEqualTo("10.0.0.0/8");
    assertThat(rows.get(2).get("role")).isEqualTo("X-Forwarded-For only");
    assertThat(rows.get(3).get("address")).isEqualTo(INVALID_ADDRESS);
    assertThat(rows.get(3).get("addressRange")).isNull();
  }

  @Test
  void dataHoldsCounts() throws Exception {
    Map<String, Object> data = data(ReportFixtures.write(ReportFixtures.hostileResult()));
    Map<String, Object> counts = map(data, "counts");
    Map<String, Object> detection = map(data, "detection");
    List<Map<String, Object>> suppressions = list(data, "suppressions");
    List<Map<String, Object>> probes = list(data, "healthProbes");

    assertThat(counts.get("events")).isEqualTo(1000L);
    assertThat(counts.get("unauthenticatedEvents")).isEqualTo(640L);
    assertThat(counts.get("suppressedEvents")).isEqualTo(17L);
    assertThat(counts.get("requests")).isEqualTo(623L);
    assertThat(counts.get("healthProbeRequests")).isEqualTo(450L);
    assertThat(counts.get("requestsWithoutSourceIp")).isEqualTo(3L);
    assertThat(detection.get("id")).isEqualTo("294c4686-63dd-4fe6-93a2-ca807626704a");
    assertThat(detection.get("mitreAttackIds")).isEqualTo(List.of("T1526"));
    assertThat(detection.get("riskScore")).isEqualTo(25L);
    assertThat(detection.get("version")).isEqualTo(3L);
    assertThat(suppressions).hasSize(2);
    assertThat(suppressions.get(0).get("cidrs")).isEqualTo(List.of("192.0.2.0/24"));
    assertThat(suppressions.get(0).get("events")).isEqualTo(17L);
    assertThat(suppressions.get(1).get("reason")).isEqualTo("Monitoring <b>agent</b>");
    assertThat(probes).hasSize(2);
    assertThat(probes.get(0).get("requests")).isEqualTo(300L);
  }

  @Test
  void timeAxisSpansRows() throws Exception {
    Map<String, Object> data = data(ReportFixtures.write(ReportFixtures.hostileResult()));
    Map<String, Object> axis = map(data, "timeAxis");
    List<Map<String, Object>> ticks = list(axis, "ticks");

    assertThat(axis.get("startMicros")).isEqualTo(START_MICROS);
    assertThat(axis.get("endMicros")).isEqualTo(START_MICROS + 7200 * ReportFixtures.SECOND);
    assertThat(ticks).hasSize(ReportData.AXIS_TICKS);
    assertThat(ticks.get(0).get("label")).isEqualTo("2024-10-27T03:33:20");
    assertThat(ticks.get(2).get("label")).isEqualTo("2024-10-27T04:33:20");
    assertThat(ticks.get(4).get("label")).isEqualTo("2024-10-27T05:33:20");
  }

  @Test
  void emptyResultWritesPage() throws Exception {
    String html = ReportFixtures.write(ReportFixtures.emptyResult());
    Map<String, Object> data = data(html);

    assertThat(data.get("rows")).isEqualTo(List.of());
    assertThat(data.get("healthProbes")).isEqualTo(List.of());
    assertThat(data).containsEntry("timeAxis", null);
    assertThat(html).endsWith("</html>\n");
  }

  @Test
  void writeFlushesOutput() throws Exception {
    StringWriter target = new StringWriter();
    boolean[] flushed = {false};
    FilterWriter out = new FilterWriter(target) {
      @Override
      public void flush() throws IOException {
        flushed[0] = true;
        super.flush();
      }
    };

    new HtmlReportWriter(new TimeFormat(ZoneOffset.UTC)).write(ReportFixtures.emptyResult(), out);

    assertThat(flushed[0]).isTrue();
    assertThat(target.toString()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aggregatorResultRenders() throws Exception {
    RobustAggregator aggregator = new RobustAggregator();
    List<String> uris = List.of(IMG_PATH, "/api", "/api/v1/pods", "/version", "/apis");
    for (int i = 0; i < uris.size(); i++) {
      aggregator.add(rejectedRequest(START_MICROS + i * ReportFixtures.SECOND, uris.get(i)));
    }
    RobustResult result = aggregator.snapshot();

    Map<String, Object> data = data(ReportFixtures.write(result));
    List<Map<String, Object>> rows = list(data, "rows");

    assertThat(result.rows()).hasSize(1);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("address")).isEqualTo("203.0.113.7");
    assertThat(rows.get(0).get("requests")).isEqualTo(5L);
    assertThat(rows.get(0).get("paths")).asList().contains(IMG_PATH);
    assertThat(rows.get(0).get("severity"))
        .isEqualTo(ReportData.severityName(result.rows().get(0).severity()));
    assertThat(map(data, "counts").get("events")).isEqualTo(5L);
  }

  /** Returns a request rejected with 401 before a user was known, as EKS logs it. */
  private static AuditEvent rejectedRequest(long timeMicros, String uri) {
    return new AuditEvent(timeMicros, "audit.log", "prod", List.of(), List.of(),
        List.of("203.0.113.7"), List.of(SCRIPT_AGENT), List.of("get"), List.of(uri),
        List.of("Unauthorized"), List.of("401"), List.of(), List.of("ResponseStarted"),
        Location.ofLine("audit.log", 1), null);
  }

  private static String sha256(String text) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(hash);
  }

  private static int countIgnoringCase(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part), Pattern.CASE_INSENSITIVE)
        .matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(String html) throws IOException {
    return (Map<String, Object>) PageParts.parseJson(PageParts.data(html));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> object, String name) {
    return (Map<String, Object>) object.get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> object, String name) {
    return (List<Map<String, Object>>) object.get(name);
  }
}
