package io.scanwatch.output.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustAggregator;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.core.robust.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OcsfFindingWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DetectionMetadata METADATA = DetectionMetadata.EKS_CLUSTER_SCAN;
  private static final String SCANNER_AGENT =
      "masscan/1.3 (https://github.com/robertdavidgraham/masscan)";

  /** 2024-06-10T06:13:20.123456Z, in microseconds since the epoch. */
  private static final long FIRST_MICROS = 1_718_000_000_123_456L;

  /** 2024-06-10T06:14:20.999999Z, in microseconds since the epoch. */
  private static final long LAST_MICROS = 1_718_000_060_999_999L;

  /**
   * Recommended attributes that a finding may leave out, with the reason: only {@code resources},
   * for a row whose requests named no EKS cluster.
   */
  private static final Map<String, String> OMITTED_WHEN_NO_CLUSTER =
      Map.of("resources", "the row's requests named no EKS cluster");

  private static RobustRow criticalRow() {
    return new RobustRow(
        "203.0.113.7",
        AddressScope.PUBLIC,
        null,
        IpRole.CONNECTING_PEER,
        3,
        3,
        0,
        FIRST_MICROS,
        LAST_MICROS,
        List.of("/api", "/api/v1/secrets", "/version?timeout=32s"),
        List.of("/api", "/api/v1/secrets", "/version"),
        List.of("get", "list"),
        List.of("200", "401"),
        List.of("Unauthorized"),
        List.of(RobustAggregator.NO_USER_AGENT, SCANNER_AGENT),
        List.of("prod"),
        List.of("/aws/eks/prod/cluster:kube-apiserver-audit-1"),
        List.of("masscan"),
        new ResponseShares(3, 1, 2, 0, 0),
        Severity.CRITICAL,
        List.of("2xx on /api/v1/secrets", "known scanner user agent: masscan"),
        List.of("system:unauthenticated"));
  }

  private static RobustRow invalidAddressRow() {
    return new RobustRow(
        "unknown",
        AddressScope.INVALID,
        null,
        IpRole.FORWARDED_FOR_ONLY,
        1,
        0,
        1,
        2_000_000,
        2_000_000,
        List.of("/"),
        List.of("/"),
        List.of("get"),
        List.of("401"),
        List.of("Unauthorized"),
        List.of("curl/8.5.0"),
        List.of(),
        List.of("audit.log"),
        List.of(),
        new ResponseShares(1, 0, 1, 0, 0),
        Severity.LOW,
        List.of("1 distinct path"),
        List.of("system:unauthenticated"));
  }

  private static HealthProbeRow probeRow() {
    return new HealthProbeRow("10.0.0.9", AddressScope.NON_PUBLIC, "10.0.0.0/8",
        IpRole.CONNECTING_PEER, 5, 1_000_000, 9_000_000, List.of("/healthz"),
        List.of("kube-probe/1.31"), List.of("200"), List.of("prod"), List.of("audit.log"));
  }

  private static RobustResult result(List<RobustRow> rows, List<HealthProbeRow> probes) {
    return new RobustResult(METADATA, rows, probes, List.of(), 0, 0, 0, 0, 0);
  }

  private static List<JsonNode> write(RobustResult result) throws IOException {
    StringWriter out = new StringWriter();
    new OcsfFindingWriter("0.1.0").write(result, out);
    List<JsonNode> findings = new ArrayList<>();
    String text = out.toString();
    if (text.isEmpty()) {
      return findings;
    }
    assertThat(text).endsWith("\n");
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        findings.add(MAPPER.readTree(line));
      }
    }
    return findings;
  }

  private static JsonNode writeOne(RobustRow row) throws IOException {
    List<JsonNode> findings = write(result(List.of(row), List.of()));
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  /** Loads the schema from the shared folder, skipping the test when it is absent. */
  private static OcsfSchema schema() throws IOException {
    String shared = System.getProperty("scanwatch.shared.dir");
    assumeThat(shared).as("system property scanwatch.shared.dir").isNotNull();
    Path dir = Path.of(shared, "spec", "ocsf-1.1.0");
    assumeThat(Files.isDirectory(dir)).as("OCSF 1.1.0 schema folder %s", dir).isTrue();
    return OcsfSchema.load(dir);
  }

  private static AuditEvent event(long timeMicros, String cluster, List<String> usernames,
      List<String> sourceIps, List<String> userAgents, String uri, String code) {
    return new AuditEvent(timeMicros, "audit.log", cluster, usernames, List.of(), sourceIps,
        userAgents, List.of("get"), List.of(uri), List.of(), List.of(code), List.of(),
        List.of("ResponseComplete"), Location.ofLine("audit.log", 1), null);
  }

  /** Rows of every kind the aggregator gives: peer, forwarded, invalid, no cluster, no agent. */
  private static RobustResult aggregatedResult() {
    List<String> anonymous = List.of("system:anonymous");
    RobustAggregator aggregator = new RobustAggregator();
    aggregator.add(event(1_000_000, "prod", List.of(), List.of("198.51.100.20"),
        List.of(SCANNER_AGENT), "/api/v1/secrets", "401"));
    aggregator.add(event(2_000_000, "prod", anonymous, List.of("198.51.100.20"),
        List.of(SCANNER_AGENT), "/api/v1/namespaces/kube-system/secrets", "200"));
    aggregator.add(event(3_000_000, "staging", anonymous, List.of("192.0.2.99", "10.0.0.5"),
        List.of("curl/8.5.0"), "/version", "200"));
    aggregator.add(event(4_000_000, null, List.of(), List.of("not-an-ip"), List.of(),
        "/apis", "401"));
    aggregator.add(event(5_000_000, "prod", anonymous, List.of("10.0.0.9"),
        List.of("kube-probe/1.31"), "/healthz", "200"));
    return aggregator.snapshot();
  }

  @Test
  void write_criticalRow_classification() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    assertThat(finding.get("class_uid").asInt()).isEqualTo(2004);
    assertThat(finding.get("class_name").asText()).isEqualTo("Detection Finding");
    assertThat(finding.get("category_uid").asInt()).isEqualTo(2);
    assertThat(finding.get("category_name").asText()).isEqualTo("Findings");
    assertThat(finding.get("activity_id").asInt()).isEqualTo(1);
    assertThat(finding.get("activity_name").asText()).isEqualTo("Create");
    assertThat(finding.get("type_uid").asLong()).isEqualTo(200401);
    assertThat(finding.get("type_name").asText()).isEqualTo("Detection Finding: Create");
    assertThat(finding.get("severity_id").asInt()).isEqualTo(5);
    assertThat(finding.get("severity").asText()).isEqualTo("Critical");
    assertThat(finding.get("status_id").asInt()).isEqualTo(1);
    assertThat(finding.get("status").asText()).isEqualTo("New");
  }

  @Test
  void write_criticalRow_timesInMillis() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    assertThat(finding.get("time").asLong()).isEqualTo(1_718_000_060_999L);
    assertThat(finding.get("start_time").asLong()).isEqualTo(1_718_000_000_123L);
    assertThat(finding.get("end_time").asLong()).isEqualTo(1_718_000_060_999L);
    assertThat(finding.get("timezone_offset").asInt()).isZero();
    assertThat(finding.get("count").asLong()).isEqualTo(3);
    JsonNode info = finding.get("finding_info");
    assertThat(info.get("first_seen_time").asLong()).isEqualTo(1_718_000_000_123L);
    assertThat(info.get("last_seen_time").asLong()).isEqualTo(1_718_000_060_999L);
  }

  @Test
  void write_criticalRow_metadataAndCloud() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    JsonNode metadata = finding.get("metadata");
    assertThat(metadata.get("version").asText()).isEqualTo("1.1.0");
    assertThat(metadata.get("profiles")).containsExactly(MAPPER.valueToTree("cloud"));
    assertThat(metadata.get("uid").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(metadata.get("uid").asText())
        .isEqualTo(OcsfFindingWriter.eventUid(METADATA, criticalRow()));
    assertThat(metadata.at("/product/name").asText()).isEqualTo("scanwatch");
    assertThat(metadata.at("/product/vendor_name").asText()).isEqualTo("scanwatch");
    assertThat(metadata.at("/product/version").asText()).isEqualTo("0.1.0");
    assertThat(finding.at("/cloud/provider").asText()).isEqualTo("AWS");
    assertThat(finding.at("/cloud/region").isMissingNode()).isTrue();
  }

  @Test
  void write_criticalRow_findingInfo() throws IOException {
    JsonNode info = writeOne(criticalRow()).get("finding_info");

    assertThat(info.get("uid").asText())
        .isEqualTo("294c4686-63dd-4fe6-93a2-ca807626704a/203.0.113.7");
    assertThat(info.get("title").asText()).isEqualTo("Kubernetes API scan from 203.0.113.7");
    assertThat(info.get("desc").asText())
        .isEqualTo("203.0.113.7 sent 3 unauthenticated requests to 3 distinct paths of the"
            + " Kubernetes API server. Responses: 1 2xx, 2 401, 0 403, 0 404. Severity critical:"
            + " 2xx on /api/v1/secrets; known scanner user agent: masscan.");
    assertThat(info.get("types")).containsExactly(MAPPER.valueToTree(
        "Kubernetes Scanning Activity"));
    assertThat(info.get("data_sources")).containsExactly(MAPPER.valueToTree(
        "/aws/eks/prod/cluster:kube-apiserver-audit-1"));
    JsonNode analytic = info.get("analytic");
    assertThat(analytic.get("uid").asText()).isEqualTo("294c4686-63dd-4fe6-93a2-ca807626704a");
    assertThat(analytic.get("name").asText())
        .isEqualTo("Amazon EKS Kubernetes cluster scan detection");
    assertThat(analytic.get("type_id").asInt()).isEqualTo(1);
    assertThat(analytic.get("type").asText()).isEqualTo("Rule");
    assertThat(analytic.get("version").asText()).isEqualTo("3");
  }

  @Test
  void write_criticalRow_mitreAttack() throws IOException {
    JsonNode attacks = writeOne(criticalRow()).at("/finding_info/attacks");

    assertThat(attacks).hasSize(1);
    JsonNode attack = attacks.get(0);
    assertThat(attack.at("/tactic/uid").asText()).isEqualTo("TA0007");
    assertThat(attack.at("/tactic/name").asText()).isEqualTo("Discovery");
    assertThat(attack.at("/technique/uid").asText()).isEqualTo("T1526");
    assertThat(attack.at("/technique/name").asText()).isEqualTo("Cloud Service Discovery");
    assertThat(attack.get("version").asText()).isEqualTo("16.1");
  }

  @Test
  void write_unknownTechnique_uidOnly() throws IOException {
    DetectionMetadata metadata = new DetectionMetadata(METADATA.id(), METADATA.name(),
        METADATA.version(), List.of("T9999"), METADATA.analyticStory(), 50, 50, 25, "user",
        "User", "Victim", "", "");
    StringWriter out = new StringWriter();
    new OcsfFindingWriter("0.1.0").write(
        new RobustResult(metadata, List.of(criticalRow()), List.of(), List.of(), 0, 0, 0, 0, 0),
        out);

    JsonNode attack = MAPPER.readTree(out.toString()).at("/finding_info/attacks/0");
    assertThat(attack.at("/technique/uid").asText()).isEqualTo("T9999");
    assertThat(attack.at("/technique/name").isMissingNode()).isTrue();
    assertThat(attack.has("tactic")).isFalse();
  }

  @Test
  void write_criticalRow_scores() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    assertThat(finding.get("risk_score").asInt()).isEqualTo(25);
    assertThat(finding.get("confidence_id").asInt()).isEqualTo(2);
    assertThat(finding.get("confidence").asText()).isEqualTo("Medium");
    assertThat(finding.get("confidence_score").asInt()).isEqualTo(50);
    assertThat(finding.get("impact_id").asInt()).isEqualTo(2);
    assertThat(finding.get("impact").asText()).isEqualTo("Medium");
    assertThat(finding.get("impact_score").asInt()).isEqualTo(50);
  }

  @Test
  void write_criticalRow_observablesAndEvidence() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    JsonNode observables = finding.get("observables");
    assertThat(observables).hasSize(2);
    assertThat(observables.get(0).get("name").asText()).isEqualTo("evidences[0].src_endpoint.ip");
    assertThat(observables.get(0).get("type_id").asInt()).isEqualTo(2);
    assertThat(observables.get(0).get("type").asText()).isEqualTo("IP Address");
    assertThat(observables.get(0).get("value").asText()).isEqualTo("203.0.113.7");
    assertThat(observables.get(1).get("name").asText())
        .isEqualTo("evidences[0].data.user_agents");
    assertThat(observables.get(1).get("type_id").asInt()).isEqualTo(99);
    assertThat(observables.get(1).get("type").asText()).isEqualTo("HTTP User-Agent");
    assertThat(observables.get(1).get("value").asText()).isEqualTo(SCANNER_AGENT);
    JsonNode evidence = finding.at("/evidences/0");
    assertThat(finding.get("evidences")).hasSize(1);
    assertThat(evidence.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
    assertThat(evidence.at("/data/request_uris")).hasSize(3);
    assertThat(evidence.at("/data/request_uris/2").asText()).isEqualTo("/version?timeout=32s");
    assertThat(evidence.at("/data/user_agents/0").asText()).isEqualTo("(none)");
    assertThat(evidence.at("/data/source_ip_text").isMissingNode()).isTrue();
  }

  @Test
  void write_criticalRow_resourcesAndUnmapped() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    assertThat(finding.get("resources")).hasSize(1);
    assertThat(finding.at("/resources/0/name").asText()).isEqualTo("prod");
    assertThat(finding.at("/resources/0/type").asText()).isEqualTo("AWS::EKS::Cluster");
    JsonNode unmapped = finding.get("unmapped");
    assertThat(unmapped.get("address_scope").asText()).isEqualTo("public");
    assertThat(unmapped.has("address_range")).isFalse();
    assertThat(unmapped.get("ip_role").asText()).isEqualTo("peer");
    assertThat(unmapped.get("responses_2xx").asLong()).isEqualTo(1);
    assertThat(unmapped.get("responses_401").asLong()).isEqualTo(2);
    assertThat(unmapped.get("distinct_paths").asInt()).isEqualTo(3);
    assertThat(unmapped.get("severity_reasons")).hasSize(2);
    assertThat(unmapped.at("/scanner_names/0").asText()).isEqualTo("masscan");
    assertThat(unmapped.at("/detection/observable/role").asText()).isEqualTo("Victim");
    assertThat(unmapped.at("/detection/known_false_positives").asText())
        .isEqualTo(METADATA.knownFalsePositives());
  }

  @Test
  void write_criticalRow_message() throws IOException {
    JsonNode finding = writeOne(criticalRow());

    assertThat(finding.get("message").asText())
        .isEqualTo("Kubernetes API scan from 203.0.113.7: 3 unauthenticated requests, severity"
            + " critical (2xx on /api/v1/secrets)");
  }

  @Test
  void write_invalidAddress_noIpAttributes() throws IOException {
    JsonNode finding = writeOne(invalidAddressRow());

    assertThat(finding.at("/evidences/0/src_endpoint").isMissingNode()).isTrue();
    assertThat(finding.at("/evidences/0/data/source_ip_text").asText()).isEqualTo("unknown");
    assertThat(finding.get("observables")).hasSize(1);
    assertThat(finding.at("/observables/0/type_id").asInt()).isEqualTo(99);
    assertThat(finding.at("/finding_info/uid").asText()).endsWith("/unknown");
    assertThat(finding.has("resources")).isFalse();
    assertThat(finding.at("/finding_info/desc").asText())
        .contains("only ever an X-Forwarded-For entry");
    assertThat(finding.get("severity_id").asInt()).isEqualTo(2);
  }

  @Test
  void write_healthProbesOnly_writesNothing() throws IOException {
    StringWriter out = new StringWriter();
    new OcsfFindingWriter("0.1.0").write(result(List.of(), List.of(probeRow())), out);

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void write_rowsAndProbes_oneLinePerRow() throws IOException {
    List<JsonNode> findings =
        write(result(List.of(criticalRow(), invalidAddressRow()), List.of(probeRow())));

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).at("/finding_info/title").asText()).endsWith("203.0.113.7");
    assertThat(findings.get(1).at("/finding_info/title").asText()).endsWith("unknown");
  }

  @Test
  void write_loneSurrogate_escaped() throws IOException {
    RobustRow row = criticalRow();
    RobustRow odd = new RobustRow(row.address(), row.scope(), row.addressRange(), row.role(),
        row.requests(), row.peerRequests(), row.forwardedRequests(), row.firstMicros(),
        row.lastMicros(), List.of("/\uD800"), List.of("/\uD800"), row.verbs(), row.codes(),
        row.statusReasons(), row.userAgents(), row.clusters(), row.sources(), row.scannerNames(),
        row.responses(), row.severity(), row.reasons(),
        List.of("system:unauthenticated"));
    StringWriter out = new StringWriter();
    new OcsfFindingWriter("0.1.0").write(result(List.of(odd), List.of()), out);

    assertThat(out.toString()).contains("\"/\\ud800\"");
  }

  @Test
  void write_sameRowTwice_sameUids() throws IOException {
    JsonNode first = writeOne(criticalRow());
    JsonNode second = writeOne(criticalRow());

    assertThat(second.at("/metadata/uid")).isEqualTo(first.at("/metadata/uid"));
    assertThat(second.at("/finding_info/uid")).isEqualTo(first.at("/finding_info/uid"));
  }

  @Test
  void constructor_blankVersion_rejected() {
    assertThatThrownBy(() -> new OcsfFindingWriter(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("productVersion");
  }

  @Test
  void write_aggregatedEvents_skipsHealthProbes() throws IOException {
    RobustResult result = aggregatedResult();
    List<JsonNode> findings = write(result);

    assertThat(result.healthProbes()).extracting(HealthProbeRow::address).contains("10.0.0.9");
    assertThat(findings).hasSize(result.rows().size());
    assertThat(findings).extracting(finding -> finding.at("/finding_info/uid").asText())
        .doesNotContain(OcsfFindingWriter.findingUid(METADATA, "10.0.0.9"))
        .contains(OcsfFindingWriter.findingUid(METADATA, "198.51.100.20"),
            OcsfFindingWriter.findingUid(METADATA, "192.0.2.99"),
            OcsfFindingWriter.findingUid(METADATA, "10.0.0.5"),
            OcsfFindingWriter.findingUid(METADATA, "not-an-ip"));
    JsonNode noIpNoAgent = findings.stream()
        .filter(finding -> finding.at("/finding_info/uid").asText().endsWith("/not-an-ip"))
        .findFirst().orElseThrow();
    assertThat(noIpNoAgent.has("observables")).isFalse();
    assertThat(noIpNoAgent.at("/evidences/0/data/user_agents/0").asText()).isEqualTo("(none)");
  }

  @Test
  void validator_brokenFinding_reportsEachViolation() throws IOException {
    OcsfSchema schema = schema();
    ObjectNode finding = (ObjectNode) writeOne(criticalRow());
    finding.remove("time");
    finding.put("severity_id", 7);
    finding.put("count", "3");
    ((ObjectNode) finding.at("/evidences/0")).putObject("http_request").put("url", "/api");
    ((ObjectNode) finding.at("/finding_info")).remove("title");
    ((ObjectNode) finding.at("/finding_info/attacks/0")).removeAll();
    ((ObjectNode) finding.at("/observables/0")).put("type_id", 1000);

    List<String> violations = OcsfValidator.validate(schema, finding);

    List<String> expectedStarts = List.of(
        "time: required",
        "severity_id: 7 is not in the enum",
        "count: expected an integer",
        "evidences[0].http_request: not an attribute of evidences",
        "finding_info.title: required",
        "finding_info.attacks[0]: attack needs one of",
        "observables[0].type_id: 1000 is not in the enum");
    for (String start : expectedStarts) {
      assertThat(violations).as("a violation starting with %s", start)
          .anyMatch(violation -> violation.startsWith(start));
    }
    assertThat(violations).hasSize(expectedStarts.size());
  }

  @Test
  void schema_everyFinding_valid() throws IOException {
    OcsfSchema schema = schema();
    RobustResult aggregated = aggregatedResult();
    List<JsonNode> findings = new ArrayList<>(write(aggregated));
    findings.addAll(write(result(List.of(criticalRow(), invalidAddressRow()), List.of())));

    assertThat(findings.size()).isEqualTo(aggregated.rows().size() + 2);
    for (JsonNode finding : findings) {
      assertThat(OcsfValidator.validate(schema, finding))
          .as("violations in %s", finding)
          .isEmpty();
    }
  }

  @Test
  void schema_requiredAndRecommended_present() throws IOException {
    OcsfSchema schema = schema();
    List<JsonNode> findings = new ArrayList<>(write(aggregatedResult()));
    findings.add(writeOne(criticalRow()));
    OcsfSchema.Definition finding = schema.detectionFinding(Set.of("cloud"));

    Set<String> required = new LinkedHashSet<>();
    Set<String> recommended = new LinkedHashSet<>();
    for (OcsfSchema.Attribute attribute : finding.attributes().values()) {
      if (attribute.isRequired()) {
        required.add(attribute.name());
      } else if (attribute.isRecommended()) {
        recommended.add(attribute.name());
      }
    }
    assertThat(required).contains("class_uid", "category_uid", "activity_id", "type_uid",
        "severity_id", "time", "metadata", "finding_info", "cloud");
    assertThat(recommended).contains("message", "status_id", "timezone_offset", "confidence_id",
        "evidences", "resources");
    for (JsonNode event : findings) {
      for (String name : required) {
        assertThat(event.has(name)).as("required %s in %s", name, event).isTrue();
      }
      boolean hasClusters = !event.at("/unmapped/clusters").isEmpty();
      for (String name : recommended) {
        if (!hasClusters && OMITTED_WHEN_NO_CLUSTER.containsKey(name)) {
          assertThat(event.has(name)).as("%s without clusters", name).isFalse();
          continue;
        }
        assertThat(event.has(name)).as("recommended %s in %s", name, event).isTrue();
      }
    }
  }

  @Test
  void schema_classificationIds_match() throws IOException {
    OcsfSchema schema = schema();
    JsonNode finding = writeOne(criticalRow());
    OcsfSchema.Definition definition = schema.detectionFinding(Set.of("cloud"));

    assertThat(finding.get("class_uid").asInt()).isEqualTo(schema.classUid());
    assertThat(finding.get("class_name").asText()).isEqualTo(schema.classCaption());
    assertThat(finding.get("category_uid").asInt()).isEqualTo(schema.categoryUid());
    assertThat(finding.get("category_name").asText()).isEqualTo(schema.categoryCaption());
    assertThat(finding.get("type_uid").asLong())
        .isEqualTo(schema.classUid() * 100L + finding.get("activity_id").asInt());
    assertThat(definition.attributes().get("activity_id").enumIds()).contains("1");
    assertThat(definition.attributes().get("status_id").enumIds()).contains("1");
  }

  @Test
  void schema_captions_matchEnums() throws IOException {
    OcsfSchema schema = schema();
    JsonNode finding = writeOne(criticalRow());
    JsonNode detectionFinding = schema.read("events/findings/detection_finding.json");
    JsonNode findingClass = schema.read("events/findings/finding.json");

    assertThat(finding.get("activity_name").asText()).isEqualTo(
        findingClass.at("/attributes/activity_id/enum/1/caption").asText());
    assertThat(finding.get("status").asText()).isEqualTo(
        findingClass.at("/attributes/status_id/enum/1/caption").asText());
    assertThat(finding.get("type_name").asText())
        .isEqualTo(detectionFinding.get("caption").asText() + ": "
            + findingClass.at("/attributes/activity_id/enum/1/caption").asText());
    for (Severity severity : Severity.values()) {
      int id = OcsfLevels.severityId(severity);
      assertThat(OcsfLevels.severityCaption(id)).as("severity %s", severity).isEqualTo(
          schema.dictionaryAttribute("severity_id").at("/enum/" + id + "/caption").asText());
    }
    for (int id = 0; id <= 3; id++) {
      assertThat(OcsfLevels.confidenceCaption(id)).isEqualTo(
          schema.dictionaryAttribute("confidence_id").at("/enum/" + id + "/caption").asText());
    }
    for (int id = 0; id <= 4; id++) {
      assertThat(OcsfLevels.impactCaption(id)).isEqualTo(
          schema.dictionaryAttribute("impact_id").at("/enum/" + id + "/caption").asText());
    }
    assertThat(schema.observableTypes()).containsEntry(2, "IP Address");
    assertThat(finding.at("/finding_info/analytic/type").asText()).isEqualTo(
        schema.read("objects/analytic.json").at("/attributes/type_id/enum/1/caption").asText());
  }
}
