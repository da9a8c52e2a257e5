package io.scanwatch.output.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.robust.RobustAggregator;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustJsonWriterTest {

  private static final TimeFormat UTC = new TimeFormat(ZoneOffset.UTC);

  private static final String METADATA =
      "\"detection_id\":\"294c4686-63dd-4fe6-93a2-ca807626704a\","
          + "\"detection_name\":\"Amazon EKS Kubernetes cluster scan detection\","
          + "\"detection_version\":3,\"mitre_attack_id\":[\"T1526\"],\"risk_score\":25}";

  private static final String CRITICAL_OBJECT =
      "{\"row_type\":\"scan\",\"src_ip\":\"203.0.113.7\",\"count\":3,\"severity\":\"critical\","
          + "\"severity_reasons\":[\"2xx on /api/v1/secrets\","
          + "\"sensitive path: /api/v1/secrets\",\"2 distinct paths\","
          + "\"known scanner user agent: curl\"],"
          + "\"first_time\":\"2023-11-14T22:13:20\",\"last_time\":\"2023-11-14T22:14:25\","
          + "\"address_scope\":\"non_public\","
          + "\"address_range\":\"203.0.113.0/24 documentation TEST-NET-3 (RFC 5737)\","
          + "\"ip_role\":\"peer\",\"peer_requests\":3,\"forwarded_requests\":0,"
          + "\"paths\":[\"/api/v1/secrets\",\"/version\"],"
          + "\"request_uris\":[\"/api/v1/secrets?limit=1\",\"/version\"],"
          + "\"verbs\":[\"get\",\"list\"],\"codes\":[\"200\",\"401\"],"
          + "\"status_reasons\":[\"Unauthorized\"],"
          + "\"user_agents\":[\"(none)\",\"=HYPERLINK(\\\"http://x\\\")\",\"curl/8.5.0\"],"
          + "\"user_groups\":[\"system:unauthenticated\"],\"scanner_names\":[\"curl\"],\"clusters\":[\"prod\"],\"sources\":[\"audit.log\"],"
          + "\"share_2xx\":0.3333,\"share_401\":0.6667,\"share_403\":0,\"share_404\":0,"
          + METADATA;

  private static final String PROBE_OBJECT =
      "{\"row_type\":\"health_probe\",\"src_ip\":\"10.0.0.12\",\"count\":120,"
          + "\"severity\":\"info\",\"severity_reasons\":[\"only health probes\"],"
          + "\"first_time\":\"2023-11-14T22:13:20\",\"last_time\":\"2023-11-14T22:14:25\","
          + "\"address_scope\":\"non_public\",\"address_range\":\"10.0.0.0/8 private (RFC 1918)\","
          + "\"ip_role\":\"peer\",\"peer_requests\":0,\"forwarded_requests\":0,"
          + "\"paths\":[\"/healthz\",\"/livez\"],\"request_uris\":[],\"verbs\":[],"
          + "\"codes\":[\"200\"],\"status_reasons\":[],\"user_agents\":[\"kube-probe/1.31\"],"
          + "\"user_groups\":[],\"scanner_names\":[],\"clusters\":[\"prod\"],\"sources\":[\"audit.log\"],"
          + "\"share_2xx\":0,\"share_401\":0,\"share_403\":0,\"share_404\":0,"
          + METADATA;

  @Test
  void ndjsonWritesScanRowsThenProbes() throws IOException {
    RobustResult result = RobustResults.of(
        List.of(RobustResults.criticalRow()), List.of(RobustResults.probeRow()));

    assertThat(write(result, true)).isEqualTo(CRITICAL_OBJECT + "\n" + PROBE_OBJECT + "\n");
  }

  @Test
  void jsonArrayLayout() throws IOException {
    RobustResult result = RobustResults.of(
        List.of(RobustResults.criticalRow()), List.of(RobustResults.probeRow()));

    assertThat(write(result, false))
        .isEqualTo("[\n" + CRITICAL_OBJECT + ",\n" + PROBE_OBJECT + "\n]\n");
  }

  @Test
  void jsonArrayOfOneRow() throws IOException {
    RobustResult result = RobustResults.of(List.of(), List.of(RobustResults.probeRow()));

    assertThat(write(result, false)).isEqualTo("[\n" + PROBE_OBJECT + "\n]\n");
  }

  @Test
  void emptyResult() throws IOException {
    assertThat(write(RobustResults.empty(), false)).isEqualTo("[]\n");
    assertThat(write(RobustResults.empty(), true)).isEmpty();
  }

  @Test
  void controlCharactersEscapedOnlyAsJsonRequires() throws IOException {
    RobustResult result = RobustResults.of(List.of(RobustResults.forwardedRow()), List.of());

    String json = write(result, true);

    assertThat(json).startsWith(
        "{\"row_type\":\"scan\",\"src_ip\":\"-1+x\\u001B[31m\u202e\",\"count\":1,"
            + "\"severity\":\"low\",\"severity_reasons\":[\"1 distinct path\"],"
            + "\"first_time\":\"2023-11-14T22:13:20\",\"last_time\":\"2023-11-14T22:13:20\","
            + "\"address_scope\":\"invalid\",\"address_range\":null,"
            + "\"ip_role\":\"forwarded\",\"peer_requests\":0,\"forwarded_requests\":1,");
    assertThat(json).contains(
        "\"user_agents\":[\"@evil\\u0007\"],\"user_groups\":[\"system:unauthenticated\"],"
            + "\"scanner_names\":[],\"clusters\":[],"
            + "\"sources\":[\"stdin\"],"
            + "\"share_2xx\":0,\"share_401\":1,\"share_403\":0,\"share_404\":0,");
  }

  @Test
  void loneSurrogateWrittenAsEscape() throws IOException {
    RobustRow row = RobustResults.criticalRow();
    RobustRow withSurrogate = new RobustRow(row.address(), row.scope(), row.addressRange(),
        row.role(), row.requests(), row.peerRequests(), row.forwardedRequests(),
        row.firstMicros(), row.lastMicros(), row.requestUris(), row.paths(), row.verbs(),
        row.codes(), row.statusReasons(), List.of("a\ud800b", "\ud83d\ude00"), row.clusters(),
        row.sources(), row.scannerNames(), row.responses(), row.severity(), row.reasons(),
        List.of("system:unauthenticated"));

    String json = write(RobustResults.of(List.of(withSurrogate), List.of()), true);

    assertThat(json).contains("\"user_agents\":[\"a\\ud800b\",\"\\ud83d\\ude00\"]");
  }

  @Test
  void timesInRequestedZone() throws IOException {
    RobustResult result = RobustResults.of(List.of(RobustResults.criticalRow()), List.of());
    StringWriter out = new StringWriter();

    new RobustJsonWriter(new TimeFormat(ZoneId.of("Europe/Berlin")), true).write(result, out);

    assertThat(out.toString())
        .contains("\"first_time\":\"2023-11-14T23:13:20\",\"last_time\":\"2023-11-14T23:14:25\"");
  }

  @Test
  void aggregatorResultKeysInContractOrder() throws IOException {
    RobustAggregator aggregator = new RobustAggregator();
    aggregator.add(event(List.of(), List.of(), "/api/v1/secrets", "401"));
    aggregator.add(event(List.of("system:anonymous"), List.of("kube-probe/1.31"), "/healthz",
        "200"));
    RobustResult result = aggregator.snapshot();
    assertThat(result.rows()).hasSize(1);
    assertThat(result.healthProbes()).hasSize(1);

    String json = write(result, false);

    List<String> expectedKeys = new ArrayList<>(RobustColumns.ROW_KEYS);
    expectedKeys.addAll(RobustColumns.METADATA_KEYS);
    List<List<String>> objects = objectKeys(json);
    assertThat(objects).hasSize(2);
    assertThat(objects.get(0)).isEqualTo(expectedKeys);
    assertThat(objects.get(1)).isEqualTo(expectedKeys);
    assertThat(json).contains("\"row_type\":\"scan\",\"src_ip\":\"198.51.100.4\"");
    assertThat(json).contains("\"user_agents\":[\"(none)\"]");
    assertThat(json).contains("\"row_type\":\"health_probe\",\"src_ip\":\"198.51.100.4\"");
  }

  @Test
  void sharesRoundedHalfUpToFourDecimals() {
    assertThat(RobustColumns.share(1, 3).toPlainString()).isEqualTo("0.3333");
    assertThat(RobustColumns.share(2, 3).toPlainString()).isEqualTo("0.6667");
    assertThat(RobustColumns.share(1, 8).toPlainString()).isEqualTo("0.125");
    assertThat(RobustColumns.share(1, 20_000).toPlainString()).isEqualTo("0.0001");
    assertThat(RobustColumns.share(1, 30_000).toPlainString()).isEqualTo("0");
    assertThat(RobustColumns.share(5, 5).toPlainString()).isEqualTo("1");
    assertThat(RobustColumns.share(0, 7).toPlainString()).isEqualTo("0");
    assertThat(RobustColumns.share(0, 0).toPlainString()).isEqualTo("0");
  }

  private static AuditEvent event(
      List<String> usernames, List<String> userAgents, String uri, String code) {
    return new AuditEvent(RobustResults.FIRST_MICROS, "audit.log", "prod", usernames, List.of(),
        List.of("198.51.100.4"), userAgents, List.of("get"), List.of(uri), List.of(),
        List.of(code), List.of(), List.of("ResponseComplete"), Location.ofLine("audit.log", 1), null);
  }

  /** Returns the top-level keys of each object of a JSON array, in order. */
  private static List<List<String>> objectKeys(String json) throws IOException {
    List<List<String>> objects = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        List<String> keys = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          keys.add(parser.currentName());
          parser.nextToken();
          parser.skipChildren();
        }
        objects.add(keys);
      }
    }
    return objects;
  }

  private static String write(RobustResult result, boolean newlineDelimited) throws IOException {
    StringWriter out = new StringWriter();
    new RobustJsonWriter(UTC, newlineDelimited).write(result, out);
    return out.toString();
  }
}
