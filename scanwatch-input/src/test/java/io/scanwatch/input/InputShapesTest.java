package io.scanwatch.input;

import static io.scanwatch.input.Reads.event;
import static io.scanwatch.input.Reads.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.SkipReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each input shape, recognised from content alone. Times are microseconds since the epoch:
 * 2024-11-13T18:34:10.595141Z is 1731522850595141 and the CloudWatch timestamp 1731522851000
 * (milliseconds) is 1731522851000000.
 */
class InputShapesTest {

  private static final String T1 = "2024-11-13T18:34:10.595141Z";
  private static final long T1_MICROS = 1731522850595141L;
  private static final long CW_MILLIS = 1731522851000L;
  private static final long CW_MICROS = 1731522851000000L;

  @TempDir Path dir;

  @Test
  void bareLines_eventTimeAndPathAsSource() throws Exception {
    String text = event("a1", "system:anonymous", "[\"203.0.113.7\"]", T1) + "\n"
        + event("a2", "kubernetes-admin", "[\"10.0.0.1\"]", T1) + "\n";

    Reads.Result result = Reads.read(dir, "audit.log", text);

    assertThat(result.events()).hasSize(2);
    AuditEvent first = result.events().get(0);
    assertThat(first.timeMicros()).isEqualTo(T1_MICROS);
    assertThat(first.source()).isEqualTo(dir.resolve("audit.log").toString());
    assertThat(first.cluster()).isNull();
    assertThat(first.usernames()).containsExactly("system:anonymous");
    assertThat(first.groups()).containsExactly("system:unauthenticated");
    assertThat(first.sourceIps()).containsExactly("203.0.113.7");
    assertThat(first.userAgents()).containsExactly("curl/8.5.0");
    assertThat(first.verbs()).containsExactly("get");
    assertThat(first.requestUris()).containsExactly("/api");
    assertThat(first.reasons()).containsExactly("Forbidden");
    assertThat(first.codes()).containsExactly("403");
    assertThat(first.auditIds()).containsExactly("a1");
    assertThat(first.stages()).containsExactly("ResponseComplete");
    assertThat(first.location().line()).isEqualTo(1);
    assertThat(result.events().get(1).location().line()).isEqualTo(2);
    assertThat(result.report().eventsRead()).isEqualTo(2);
    assertThat(result.report().skips().total()).isZero();
  }

  @Test
  void bareLines_clusterOptionApplies() throws Exception {
    Path file = Reads.write(dir, "a.log",
        event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1).getBytes(StandardCharsets.UTF_8));

    AuditEvent event = Reads.read(file, "prod").only();

    assertThat(event.cluster()).isEqualTo("prod");
  }

  @Test
  void timeFields_fallBackInOrder() throws Exception {
    String text = String.join("\n",
        "{\"kind\":\"Event\",\"requestReceivedTimestamp\":\"garbage\","
            + "\"stageTimestamp\":\"2024-11-13T18:34:10.000001Z\"}",
        "{\"kind\":\"Event\",\"timestamp\":\"2024-11-13T18:34:10Z\"}",
        "{\"kind\":\"Event\",\"metadata\":{\"creationTimestamp\":\"2024-11-13T18:34:11Z\"}}",
        "{\"kind\":\"Event\",\"stageTimestamp\":\"2024-11-13T18:34:12Z\","
            + "\"requestReceivedTimestamp\":\"2024-11-13T18:34:13Z\"}",
        "{\"kind\":\"Event\",\"auditID\":\"no-time\"}");

    Reads.Result result = Reads.read(dir, "times.log", text);

    assertThat(result.events()).extracting(AuditEvent::timeMicros)
        .containsExactly(1731522850000001L, 1731522850000000L, 1731522851000000L,
            1731522853000000L);
    assertThat(result.report().skips().count(SkipReason.NO_TIMESTAMP)).isEqualTo(1);
    assertThat(result.report().skips().examples(SkipReason.NO_TIMESTAMP).get(0).location()
        .line()).isEqualTo(5);
  }

  @Test
  void cloudWatchExportLines_leadingTimeWins() throws Exception {
    String text = "2024-11-13T18:34:11.000Z "
        + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n";

    AuditEvent event = Reads.read(dir, "000000", text).only();

    assertThat(event.timeMicros()).isEqualTo(CW_MICROS);
    assertThat(event.source()).endsWith("000000");
  }

  @Test
  void filterLogEvents_prettyPrinted() throws Exception {
    String text = "{\n  \"events\": [\n    {\n      \"logStreamName\": \"kube-apiserver-audit-1\",\n"
        + "      \"timestamp\": " + CW_MILLIS + ",\n      \"message\": "
        + quoted(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1)) + ",\n"
        + "      \"ingestionTime\": 1731522852000,\n      \"eventId\": \"3790\"\n    },\n"
        + "    {\n      \"logStreamName\": \"cloud-controller-manager-1\",\n"
        + "      \"timestamp\": " + CW_MILLIS + ",\n"
        + "      \"message\": \"I1113 18:34:11.000 node_controller.go:400] ok\",\n"
        + "      \"eventId\": \"3791\"\n    }\n  ],\n  \"searchedLogStreams\": []\n}\n";

    Reads.Result result = Reads.read(dir, "events.json", text);

    AuditEvent event = result.only();
    assertThat(event.timeMicros()).isEqualTo(CW_MICROS);
    assertThat(event.source()).isEqualTo("kube-apiserver-audit-1");
    assertThat(event.location().stream()).isEqualTo("kube-apiserver-audit-1");
    assertThat(event.location().eventId()).isEqualTo("3790");
    assertThat(event.location().line()).isEqualTo(3);
    assertThat(result.report().skips().count(SkipReason.NOT_AUDIT_EVENT)).isEqualTo(1);
  }

  @Test
  void filterLogEvents_compactOnOneLine() throws Exception {
    String text = "{\"events\":[{\"logStreamName\":\"s1\",\"timestamp\":" + CW_MILLIS
        + ",\"message\":" + quoted(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1))
        + ",\"eventId\":\"1\"},{\"logStreamName\":\"s2\",\"timestamp\":" + CW_MILLIS
        + ",\"message\":" + quoted(event("a2", "system:anonymous", "[\"1.2.3.5\"]", T1))
        + ",\"eventId\":\"2\"}]}";

    Reads.Result result = Reads.read(dir, "events.json", text);

    assertThat(result.events()).extracting(AuditEvent::source).containsExactly("s1", "s2");
  }

  @Test
  void subscriptionPayloads_concatenatedGzipMembers() throws Exception {
    String first = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\","
        + "\"logGroup\":\"/aws/eks/prod-eu/cluster\",\"logStream\":\"kube-apiserver-audit-a\","
        + "\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"e1\",\"timestamp\":"
        + CW_MILLIS + ",\"message\":" + quoted(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1))
        + "}]}";
    String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\","
        + "\"logGroup\":\"\",\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":"
        + "[{\"id\":\"\",\"timestamp\":1,\"message\":\"CWL CONTROL MESSAGE: Checking health\"}]}";
    // logGroup after logEvents: the events still get the group's cluster.
    String second = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"e2\","
        + "\"timestamp\":" + CW_MILLIS + ",\"message\":"
        + quoted(event("a2", "system:anonymous", "[\"1.2.3.5\"]", T1)) + "}],"
        + "\"logGroup\":\"/aws/eks/dev/cluster\",\"logStream\":\"kube-apiserver-audit-b\"}";
    byte[] content = Reads.concat(Reads.gzip(first), Reads.gzip(control), Reads.gzip(second));

    Reads.Result result = Reads.read(dir, "firehose-object", content);

    assertThat(result.events()).hasSize(2);
    AuditEvent a = result.events().get(0);
    assertThat(a.source()).isEqualTo("/aws/eks/prod-eu/cluster:kube-apiserver-audit-a");
    assertThat(a.cluster()).isEqualTo("prod-eu");
    assertThat(a.timeMicros()).isEqualTo(CW_MICROS);
    assertThat(a.location().eventId()).isEqualTo("e1");
    AuditEvent b = result.events().get(1);
    assertThat(b.source()).isEqualTo("/aws/eks/dev/cluster:kube-apiserver-audit-b");
    assertThat(b.cluster()).isEqualTo("dev");
    assertThat(result.report().skips().count(SkipReason.CONTROL_MESSAGE)).isEqualTo(1);
  }

  @Test
  void subscriptionPayload_otherLogGroupUsesClusterOption() throws Exception {
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/custom/audit\","
        + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"e1\",\"timestamp\":" + CW_MILLIS
        + ",\"message\":" + quoted(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1)) + "}]}";
    Path file = Reads.write(dir, "p.json", payload.getBytes(StandardCharsets.UTF_8));

    AuditEvent event = Reads.read(file, "fallback").only();

    assertThat(event.cluster()).isEqualTo("fallback");
    assertThat(event.source()).isEqualTo("/custom/audit:s");
  }

  @Test
  void lambdaEvent_decodesAwslogsData() throws Exception {
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/lambda/cluster\","
        + "\"logStream\":\"kube-apiserver-audit-z\",\"logEvents\":[{\"id\":\"e9\",\"timestamp\":"
        + CW_MILLIS + ",\"message\":" + quoted(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1))
        + "}]}";
    String lambda = "{\"awslogs\":{\"data\":\""
        + Base64.getEncoder().encodeToString(Reads.gzip(payload)) + "\"}}";

    AuditEvent event = Reads.read(dir, "lambda.json", lambda).only();

    assertThat(event.cluster()).isEqualTo("lambda");
    assertThat(event.source()).isEqualTo("/aws/eks/lambda/cluster:kube-apiserver-audit-z");
    assertThat(event.timeMicros()).isEqualTo(CW_MICROS);
  }

  @Test
  void jsonArray_ofEvents() throws Exception {
    String text = "[\n" + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + ",\n"
        + event("a2", "system:anonymous", "[\"1.2.3.5\"]", T1) + ",\n42\n]\n";

    Reads.Result result = Reads.read(dir, "fixture.json", text);

    assertThat(result.events()).extracting(e -> e.location().line()).containsExactly(2L, 3L);
    assertThat(result.report().skips().count(SkipReason.NOT_AUDIT_EVENT)).isEqualTo(1);
  }

  @Test
  void prettyPrintedEvents_readAsStream() throws Exception {
    String text = "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a1\",\n"
        + "  \"user\": {\"username\": \"system:anonymous\"},\n"
        + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}\n"
        + "{\n  \"kind\": \"Event\",\n  \"auditID\": \"a2\",\n"
        + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}\n";

    Reads.Result result = Reads.read(dir, "jq.json", text);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a2");
    assertThat(result.events()).extracting(e -> e.location().line()).containsExactly(1L, 7L);
  }

  @Test
  void awsLogsTail_streamIsSourceAndOtherStreamsSkipped() throws Exception {
    String text = "2024-11-13T18:34:11.000000+00:00 kube-apiserver-audit-abc "
        + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n"
        + "2024-11-13T18:34:11.500000+00:00 cloud-controller-manager-xyz I1113 18:34:11 ok\n";

    Reads.Result result = Reads.read(dir, "tail.txt", text);

    AuditEvent event = result.only();
    assertThat(event.source()).isEqualTo("kube-apiserver-audit-abc");
    assertThat(event.timeMicros()).isEqualTo(CW_MICROS);
    assertThat(result.report().skips().count(SkipReason.NOT_AUDIT_EVENT)).isEqualTo(1);
  }

  @Test
  void insightsCsv_columnsGiveTimeSourceAndCluster() throws Exception {
    String message = event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1);
    String text = "@timestamp,@logStream,@log,@message\r\n"
        + "2024-11-13 18:34:11.000,kube-apiserver-audit-q,111122223333:/aws/eks/csv/cluster,\""
        + message.replace("\"", "\"\"") + "\"\r\n";

    AuditEvent event = Reads.read(dir, "insights.csv", text).only();

    assertThat(event.timeMicros()).isEqualTo(CW_MICROS);
    assertThat(event.source()).isEqualTo("kube-apiserver-audit-q");
    assertThat(event.cluster()).isEqualTo("csv");
    assertThat(event.location().line()).isEqualTo(2);
  }

  @Test
  void prefixedLine_syslogHeaderBeforeEvent() throws Exception {
    String text = "Nov 13 18:34:10 ip-10-0-0-1 kube-apiserver: "
        + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n"
        + "Nov 13 18:34:10 ip-10-0-0-1 systemd: started {unit}\n";

    Reads.Result result = Reads.read(dir, "syslog", text);

    assertThat(result.only().timeMicros()).isEqualTo(T1_MICROS);
    assertThat(result.report().skips().count(SkipReason.NOT_AUDIT_EVENT)).isEqualTo(1);
    assertThat(result.report().skips().count(SkipReason.INVALID_JSON)).isZero();
  }

  @Test
  void prefixedLine_startingWithTimeAndHost() throws Exception {
    String text = "2024-11-13T18:34:11Z myhost kube-apiserver: "
        + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n";

    AuditEvent event = Reads.read(dir, "syslog5424", text).only();

    assertThat(event.timeMicros()).isEqualTo(T1_MICROS);
    assertThat(event.source()).endsWith("syslog5424");
  }

  @Test
  void spaceSeparatedLeadingTime_isTheEventTime() throws Exception {
    String text = "2024-11-13 18:34:11.000 "
        + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n";

    assertThat(Reads.read(dir, "pipeline.log", text).only().timeMicros()).isEqualTo(CW_MICROS);
  }

  @Test
  void prefixWithBraces_eventStillFound() throws Exception {
    String text = "host {meta=1} " + event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n";

    Reads.Result result = Reads.read(dir, "braces.log", text);

    assertThat(result.only().auditIds()).containsExactly("a1");
    assertThat(result.report().skips().total()).isZero();
  }

  @Test
  void gzip_recognisedByMagicNotName() throws Exception {
    byte[] content = Reads.gzip(event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1) + "\n");

    Reads.Result result = Reads.read(dir, "plain-name.log", content);

    assertThat(result.only().auditIds()).containsExactly("a1");
    assertThat(result.report().bytesRead()).isEqualTo(content.length);
  }

  @Test
  void escapes_readUnescaped() throws Exception {
    String text = "{\"kind\":\"Event\",\"requestURI\":\"/api?limit=500\\u0026watch=1\\u003cx\\u003e\","
        + "\"userAgent\":\"a\\\"b\\\\c\",\"requestReceivedTimestamp\":\"" + T1 + "\"}";

    AuditEvent event = Reads.read(dir, "esc.log", text).only();

    assertThat(event.requestUris()).containsExactly("/api?limit=500&watch=1<x>");
    assertThat(event.userAgents()).containsExactly("a\"b\\c");
  }

  @Test
  void values_followSplunkExtractionRules() throws Exception {
    String text = "{\"kind\":\"Event\",\"requestReceivedTimestamp\":\"" + T1 + "\","
        + "\"user\":{\"username\":\"system:anonymous\",\"groups\":\"system:unauthenticated\"},"
        + "\"sourceIPs\":\"198.51.100.1\",\"userAgent\":7,\"verb\":true,"
        + "\"requestURI\":null,\"responseStatus\":{\"code\":403.0,\"reason\":\"\"},"
        + "\"auditID\":[\"x\",null,\"\",[\"nested\"],{\"o\":1},\"x\",false]}";

    AuditEvent event = Reads.read(dir, "values.log", text).only();

    assertThat(event.groups()).containsExactly("system:unauthenticated");
    assertThat(event.sourceIps()).containsExactly("198.51.100.1");
    assertThat(event.userAgents()).containsExactly("7");
    assertThat(event.verbs()).containsExactly("true");
    assertThat(event.requestUris()).isEmpty();
    assertThat(event.codes()).containsExactly("403.0");
    assertThat(event.reasons()).isEmpty();
    assertThat(event.auditIds()).containsExactly("x", "x", "false");
  }

  @Test
  void objectsWhereValuesExpected_giveNoValue() throws Exception {
    String text = "{\"kind\":\"Event\",\"requestReceivedTimestamp\":\"" + T1 + "\","
        + "\"user\":\"system:anonymous\",\"sourceIPs\":{\"ip\":\"1.2.3.4\"},"
        + "\"responseStatus\":[403],\"userAgent\":{\"name\":\"x\"}}";

    AuditEvent event = Reads.read(dir, "objects.log", text).only();

    assertThat(event.usernames()).isEmpty();
    assertThat(event.sourceIps()).isEmpty();
    assertThat(event.codes()).isEmpty();
    assertThat(event.userAgents()).isEmpty();
  }
}
