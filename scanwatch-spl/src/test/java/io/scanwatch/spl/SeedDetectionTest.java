package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the published ESCU files end to end; expected rows are worked out by hand. */
class SeedDetectionTest {

  private static final String ANON = "\"user\":{\"username\":\"system:anonymous\","
      + "\"groups\":[\"system:unauthenticated\"]}";

  private Path escu;
  private MacroLibrary macros;

  @BeforeEach
  void findEscu() throws IOException {
    String shared = System.getProperty("scanwatch.shared.dir");
    assumeTrue(shared != null, "scanwatch.shared.dir is not set");
    escu = Path.of(shared, "spec", "escu");
    assumeTrue(Files.isDirectory(escu), "no ESCU files under " + escu);
    macros = MacroLibrary.empty().withDirectory(escu.resolve("macros"));
  }

  private Detection clusterScan() throws IOException {
    return DetectionFile.load(
        escu.resolve("detections/amazon_eks_kubernetes_cluster_scan_detection.yml"), macros,
        Map.of());
  }

  private static Record[] clusterEvents() {
    return new Record[] {
      Events.audit("1700000000.9", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/version\",\"responseStatus\":{\"code\":200},"
          + "\"userAgent\":\"curl/8.0\"}"),
      Events.audit("1700000060.5", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"list\",\"requestURI\":\"/api/v1/pods\",\"responseStatus\":"
          + "{\"code\":403,\"reason\":\"Forbidden\"},\"userAgent\":\"zgrab/0.x\"}"),
      Events.audit("1700000030", "cl-b", "{\"user\":{\"username\":\"System:Anonymous\","
          + "\"groups\":[\"system:unauthenticated\"]},\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/api\",\"responseStatus\":{\"code\":403,"
          + "\"reason\":\"Forbidden\"},\"userAgent\":\"curl/8.0\"}"),
      Events.audit("1700000010", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/no-agent\",\"responseStatus\":{\"code\":200}}"),
      Events.audit("1700000011", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/excluded\",\"responseStatus\":{\"code\":200},"
          + "\"userAgent\":\"aws security scanner\"}"),
      Events.audit("1700000012", "cl-a", "{\"user\":{\"username\":\"alice\",\"groups\":"
          + "[\"dev\"]},\"sourceIPs\":[\"1.2.3.4\"],\"verb\":\"get\",\"requestURI\":\"/x\","
          + "\"userAgent\":\"curl/8.0\"}"),
      Events.audit("1700000100.123456", "cl-a", "{\"user\":{\"username\":\"system:anonymous\","
          + "\"groups\":[\"system:unauthenticated\",\"g2\"]},\"sourceIPs\":[\"10.0.0.1\","
          + "\"5.6.7.8\"],\"verb\":\"get\",\"requestURI\":\"/healthz\",\"responseStatus\":"
          + "{\"code\":200},\"userAgent\":\"kube-probe/1.29\"}"),
      Events.audit("1700000200", "cl-b", "{" + ANON + ",\"sourceIPs\":[\"5.6.7.8\","
          + "\"5.6.7.8\"],\"verb\":\"get\",\"requestURI\":\"/\",\"responseStatus\":"
          + "{\"code\":200},\"userAgent\":\"Go-http-client/1.1\"}"),
      Events.audit("1700000013", "cl-a", "{\"user\":{\"username\":\"system:anonymous\"},"
          + "\"sourceIPs\":[\"1.2.3.4\"],\"verb\":\"get\",\"requestURI\":\"/no-groups\","
          + "\"userAgent\":\"curl/8.0\"}"),
      wrongSourcetype(),
      Events.audit("1700000015", "cl-a", "{" + ANON + ",\"verb\":\"get\","
          + "\"requestURI\":\"/no-ip\",\"userAgent\":\"curl/8.0\"}"),
      Events.audit("1700000016", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/empty-agent\",\"userAgent\":\"\"}"),
      Events.audit("1699999999.5", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"9.9.9.9\"],"
          + "\"verb\":\"watch\",\"requestURI\":\"/api/v1/secrets?watch=1\",\"responseStatus\":"
          + "{\"code\":401,\"reason\":\"Unauthorized\"},"
          + "\"userAgent\":\"AWS Security Scanner extra\"}"),
      Events.audit("1700000050", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/api\",\"responseStatus\":{\"code\":404,"
          + "\"reason\":\"NotFound\"},\"userAgent\":\"\uD835\uDCB3-agent\"}"),
      Events.audit("1700000040", "cl-a", "{" + ANON + ",\"sourceIPs\":[\"1.2.3.4\"],"
          + "\"verb\":\"get\",\"requestURI\":\"/api\",\"responseStatus\":{\"code\":200},"
          + "\"userAgent\":\"\uFF5A-agent\"}"),
    };
  }

  private static Record wrongSourcetype() {
    Record record = Events.audit("1700000014", "cl-a", "{" + ANON + ",\"sourceIPs\":"
        + "[\"1.2.3.4\"],\"verb\":\"get\",\"requestURI\":\"/other\",\"userAgent\":\"curl\"}");
    record.set("sourcetype", List.of("kube:audit"));
    return record;
  }

  private static Map<String, List<String>> row(String ip, String user, String group,
      String count, String first, String last, List<String> reasons, List<String> clusters,
      List<String> codes, List<String> agents, List<String> verbs, List<String> uris) {
    Map<String, List<String>> row = new java.util.LinkedHashMap<>();
    row.put("src_ip", List.of(ip));
    row.put("user.username", List.of(user));
    row.put("user.groups{}", List.of(group));
    row.put("count", List.of(count));
    row.put("firstTime", List.of(first));
    row.put("lastTime", List.of(last));
    row.put("values(responseStatus.reason)", reasons);
    row.put("cluster_name", clusters);
    row.put("values(responseStatus.code)", codes);
    row.put("http_user_agent", agents);
    row.put("values(verb)", verbs);
    row.put("values(requestURI)", uris);
    return row;
  }

  @Test
  void clusterScanRowsMatchHandResult() throws IOException {
    List<Map<String, List<String>>> rows = Events.run(clusterScan().compile(), clusterEvents());

    String anon = "system:anonymous";
    String unauth = "system:unauthenticated";
    assertThat(rows).hasSize(7);
    assertThat(rows.get(0)).containsExactlyEntriesOf(row("1.2.3.4", "System:Anonymous", unauth,
        "1", "2023-11-14T22:13:50", "2023-11-14T22:13:50", List.of("Forbidden"),
        List.of("cl-b"), List.of("403"), List.of("curl/8.0"), List.of("get"),
        List.of("/api")));
    assertThat(rows.get(1)).containsExactlyEntriesOf(row("1.2.3.4", anon, unauth, "4",
        "2023-11-14T22:13:20", "2023-11-14T22:14:20", List.of("Forbidden", "NotFound"),
        List.of("cl-a"), List.of("200", "403", "404"),
        List.of("curl/8.0", "zgrab/0.x", "\uFF5A-agent", "\uD835\uDCB3-agent"),
        List.of("get", "list"), List.of("/api", "/api/v1/pods", "/version")));
    assertThat(rows.get(2)).containsExactlyEntriesOf(row("10.0.0.1", anon, "g2", "1",
        "2023-11-14T22:15:00", "2023-11-14T22:15:00", List.of(), List.of("cl-a"),
        List.of("200"), List.of("kube-probe/1.29"), List.of("get"), List.of("/healthz")));
    assertThat(rows.get(3)).containsExactlyEntriesOf(row("10.0.0.1", anon, unauth, "1",
        "2023-11-14T22:15:00", "2023-11-14T22:15:00", List.of(), List.of("cl-a"),
        List.of("200"), List.of("kube-probe/1.29"), List.of("get"), List.of("/healthz")));
    assertThat(rows.get(4)).containsExactlyEntriesOf(row("5.6.7.8", anon, "g2", "1",
        "2023-11-14T22:15:00", "2023-11-14T22:15:00", List.of(), List.of("cl-a"),
        List.of("200"), List.of("kube-probe/1.29"), List.of("get"), List.of("/healthz")));
    assertThat(rows.get(5)).containsExactlyEntriesOf(row("5.6.7.8", anon, unauth, "3",
        "2023-11-14T22:15:00", "2023-11-14T22:16:40", List.of(), List.of("cl-a", "cl-b"),
        List.of("200"), List.of("Go-http-client/1.1", "kube-probe/1.29"), List.of("get"),
        List.of("/", "/healthz")));
    assertThat(rows.get(6)).containsExactlyEntriesOf(row("9.9.9.9", anon, unauth, "1",
        "2023-11-14T22:13:19", "2023-11-14T22:13:19", List.of("Unauthorized"),
        List.of("cl-a"), List.of("401"), List.of("AWS Security Scanner extra"),
        List.of("watch"), List.of("/api/v1/secrets?watch=1")));
  }

  @Test
  void clusterScanMetadataLoads() throws IOException {
    EscuMetadata metadata = clusterScan().metadata();

    assertThat(metadata.name()).isEqualTo("Amazon EKS Kubernetes cluster scan detection");
    assertThat(metadata.id()).isEqualTo("294c4686-63dd-4fe6-93a2-ca807626704a");
    assertThat(metadata.version()).isEqualTo(3);
    assertThat(metadata.date()).isEqualTo("2024-10-17");
    assertThat(metadata.author()).isEqualTo("Rod Soto, Splunk");
    assertThat(metadata.type()).isEqualTo("Hunting");
    assertThat(metadata.dataSource()).isEmpty();
    assertThat(metadata.references()).isEmpty();
    assertThat(metadata.howToImplement()).startsWith("You must install the AWS App");
    assertThat(metadata.knownFalsePositives()).startsWith("Not all unauthenticated");
    assertThat(metadata.tags().analyticStory()).containsExactly("Kubernetes Scanning Activity");
    assertThat(metadata.tags().assetType()).isEqualTo("Amazon EKS Kubernetes cluster");
    assertThat(metadata.tags().confidence()).isEqualTo(50);
    assertThat(metadata.tags().impact()).isEqualTo(50);
    assertThat(metadata.tags().riskScore()).isEqualTo(25);
    assertThat(metadata.tags().mitreAttackId()).containsExactly("T1526");
    assertThat(metadata.tags().observables()).containsExactly(
        new EscuTags.Observable("user", "User", List.of("Victim")));
    assertThat(metadata.tags().product()).containsExactly("Splunk Enterprise",
        "Splunk Enterprise Security", "Splunk Cloud");
    assertThat(metadata.tags().requiredFields()).hasSize(11);
    assertThat(metadata.tags().securityDomain()).isEqualTo("threat");
  }

  @Test
  void clusterScanPlannerHints() throws IOException {
    CompiledSearch search = clusterScan().compile();

    assertThat(search.requiredLiterals()).containsExactly("system:anonymous");
    assertThat(search.fieldsRead()).containsAll(clusterScan().metadata().tags()
        .requiredFields());
    assertThat(search.fieldsRead()).doesNotContain("*");
    assertThat(search.search()).endsWith("|search *");
    assertThat(search.search()).startsWith("sourcetype=\"aws:cloudwatchlogs:eks\" ");
  }

  @Test
  void podScanRowsMatchHandResult() throws IOException {
    Detection detection = DetectionFile.load(
        escu.resolve("detections/amazon_eks_kubernetes_pod_scan_detection.yml"), macros,
        Map.of());
    String pods = "\"objectRef\":{\"resource\":\"pods\"},\"sourceIPs\":[\"1.1.1.1\"]";
    Record[] events = {
      Events.audit("1700000000", "cl-a", "{" + ANON + "," + pods + ",\"verb\":\"LIST\","
          + "\"requestURI\":\"/api/v1/pods\",\"responseStatus\":{\"code\":403,"
          + "\"reason\":\"Forbidden\"}}"),
      Events.audit("1700000001", "cl-a", "{" + ANON + "," + pods + ",\"verb\":\"list\","
          + "\"requestURI\":\"/api/v1/pods?limit=500\",\"userAgent\":\"kubectl\"}"),
      Events.audit("1700000100", "cl-b", "{" + ANON + "," + pods + ",\"verb\":\"list\","
          + "\"requestURI\":\"/api/v1/pods\",\"responseStatus\":{\"code\":200},"
          + "\"userAgent\":\"kubectl/1.30\"}"),
      Events.audit("1700000002", "cl-a", "{" + ANON + "," + pods + ",\"verb\":\"get\","
          + "\"requestURI\":\"/api/v1/pods\"}"),
    };

    List<Map<String, List<String>>> rows = Events.run(detection.compile(), events);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).keySet()).containsExactly("src_ip", "cluster_name", "user.username",
        "user.groups{}", "count", "firstTime", "lastTime", "values(responseStatus.reason)",
        "values(responseStatus.code)", "values(userAgent)", "values(verb)",
        "values(requestURI)");
    assertThat(rows.get(0)).containsEntry("cluster_name", List.of("cl-a"))
        .containsEntry("count", List.of("1"))
        .containsEntry("firstTime", List.of("2023-11-14T22:13:20"))
        .containsEntry("values(responseStatus.reason)", List.of("Forbidden"))
        .containsEntry("values(userAgent)", List.of())
        .containsEntry("values(verb)", List.of("LIST"));
    assertThat(rows.get(1)).containsEntry("cluster_name", List.of("cl-b"))
        .containsEntry("lastTime", List.of("2023-11-14T22:15:00"))
        .containsEntry("values(responseStatus.code)", List.of("200"))
        .containsEntry("values(userAgent)", List.of("kubectl/1.30"));
  }

  @Test
  void investigationSearchUsesSourceIpToken() {
    String search = "`aws_cloudwatchlogs_eks` sourceIPs{}=$src_ip$ | rename sourceIPs{} as"
        + " src_ip | table _time user.username src_ip verb requestURI responseStatus.code"
        + " userAgent";
    CompiledSearch compiled = Spl.compile(search, macros, Map.of("src_ip", "5.6.7.8"),
        "activity by src ip", SearchOptions.DEFAULTS);

    List<Map<String, List<String>>> rows = Events.run(compiled, clusterEvents());

    assertThat(Events.column(rows, "_time")).containsExactly("1700000100.123456",
        "1700000200");
    assertThat(rows.get(1).get("src_ip")).containsExactly("5.6.7.8", "5.6.7.8");
    assertThat(rows.get(0).keySet()).containsExactly("_time", "user.username", "src_ip",
        "verb", "requestURI", "responseStatus.code", "userAgent");
    assertThat(compiled.requiredLiterals()).containsExactly("5.6.7.8");
  }
}
