package io.scanwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bundled sample: EKS audit logs of two clusters as Firehose stores a CloudWatch Logs
 * subscription in S3, that is concatenated gzip members, each one subscription payload.
 *
 * <p>Cluster {@code prod-eu-west-1} runs EKS 1.31, where anonymous requests reach authorization
 * and are audited as {@code system:anonymous}; cluster {@code staging-us-east-1} runs 1.32, where
 * an anonymous request to anything but the health endpoints is rejected with 401 and no user. The
 * traffic is fixed, so the expected findings can be counted by hand from the constants below:
 *
 * <ul>
 *   <li>prod: 20 ELB health checks from 10.0.12.7 ({@code /healthz}, 200), 12 requests of a
 *       scanner at 198.51.100.23 with {@code python-requests/2.31.0} (one of them also names
 *       203.0.113.99 in X-Forwarded-For), 6 requests of the AWS Security Scanner, 2 anonymous
 *       requests without a User-Agent, one message truncated by CloudWatch, and node and
 *       controller traffic;
 *   <li>staging: 20 ELB health checks from 10.1.40.9, 9 requests of a zgrab scanner at
 *       203.0.113.45 that all get 401 with no user, and node traffic;
 *   <li>one CloudWatch control message.
 * </ul>
 *
 * <p>Run {@code main} with a path to write the file again.
 */
public final class SampleGenerator {

  static final String PROD = "prod-eu-west-1";
  static final String STAGING = "staging-us-east-1";
  static final String PROD_STREAM = "kube-apiserver-audit-6f1c2e7a0d9b4c3e";
  static final String STAGING_STREAM = "kube-apiserver-audit-9a3b5d7f1e2c4a6b";

  static final String[] SCANNER_PATHS = {
    "/", "/api", "/apis", "/version", "/api/v1/namespaces", "/api/v1/secrets",
    "/api/v1/pods", "/apis/apps/v1/deployments", "/metrics", "/.env", "/api/v1/nodes",
    "/apis/rbac.authorization.k8s.io/v1/clusterroles"
  };
  static final String[] ZGRAB_PATHS = {
    "/", "/api", "/version", "/api/v1/secrets", "/api/v1/pods", "/metrics", "/.git/config",
    "/api/v1/namespaces/kube-system/secrets", "/apis"
  };
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final long START_MILLIS = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();

  private final Random random = new Random(20261120L);
  private final List<Entry> prod = new ArrayList<>();
  private final List<Entry> staging = new ArrayList<>();

  private record Entry(long millis, String message) {}

  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), new SampleGenerator().generate());
  }

  /** Returns the gzip bytes of the sample. */
  byte[] generate() throws IOException {
    addProdTraffic();
    addStagingTraffic();
    prod.sort((a, b) -> Long.compare(a.millis, b.millis));
    staging.sort((a, b) -> Long.compare(a.millis, b.millis));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeMember(out, controlMessage());
    writePayloads(out, PROD, PROD_STREAM, prod);
    writePayloads(out, STAGING, STAGING_STREAM, staging);
    return out.toByteArray();
  }

  private void addProdTraffic() {
    for (int i = 0; i < 20; i++) {
      prod.add(anonymous(at(i * 30_000), "10.0.12.7", "ELB-HealthChecker/2.0", "get", "/healthz",
          200));
    }
    for (int i = 0; i < SCANNER_PATHS.length; i++) {
      String path = SCANNER_PATHS[i];
      String verb = path.equals("/api/v1/pods") || path.equals("/api/v1/secrets") ? "list" : "get";
      int code = path.equals("/version") ? 200 : 403;
      String ips = i == 5 ? "\"203.0.113.99\",\"198.51.100.23\"" : "\"198.51.100.23\"";
      prod.add(event(at(120_000 + i * 700), "{\"username\":\"system:anonymous\",\"groups\":"
          + "[\"system:unauthenticated\"]}", ips, "python-requests/2.31.0", verb, path, code,
          code == 403 ? "Forbidden" : null));
    }
    for (int i = 0; i < 6; i++) {
      prod.add(anonymous(at(300_000 + i * 1_000), "52.94.133.131", "AWS Security Scanner", "get",
          i % 2 == 0 ? "/version" : "/api", i % 2 == 0 ? 200 : 403));
    }
    prod.add(event(at(400_000), "{\"username\":\"system:anonymous\",\"groups\":"
        + "[\"system:unauthenticated\"]}", "\"198.51.100.23\"", null, "get", "/api/v1/configmaps",
        403, "Forbidden"));
    prod.add(event(at(400_500), "{\"username\":\"system:anonymous\",\"groups\":"
        + "[\"system:unauthenticated\"]}", "\"198.51.100.23\"", null, "get", "/openapi/v2", 403,
        "Forbidden"));
    String big = event(at(450_000), "{\"username\":\"system:serviceaccount:argocd:argocd-server\"}",
        "\"10.0.3.14\"", "argocd-server/v2.13.1", "update", "/apis/argoproj.io/v1alpha1/"
            + "namespaces/argocd/applications/payments", 200, null).message();
    prod.add(new Entry(at(450_000), big.substring(0, 180) + "[Truncated...]"));
    for (int i = 0; i < 40; i++) {
      prod.add(nodeTraffic(at(i * 15_000 + 5_000), "ip-10-0-1-23.eu-west-1.compute.internal",
          "10.0.1.23"));
      prod.add(event(at(i * 15_000 + 9_000), "{\"username\":\"system:kube-controller-manager\","
          + "\"groups\":[\"system:authenticated\"]}", "\"10.0.0.2\"", "kube-controller-manager/"
          + "v1.31.4 (linux/amd64) kubernetes/a78aa47/leader-election", "update",
          "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager",
          200, null));
    }
  }

  private void addStagingTraffic() {
    for (int i = 0; i < 20; i++) {
      staging.add(anonymous(at(i * 30_000 + 2_000), "10.1.40.9", "ELB-HealthChecker/2.0", "get",
          "/healthz", 200));
    }
    for (int i = 0; i < ZGRAB_PATHS.length; i++) {
      staging.add(unauthorized(at(200_000 + i * 400), "203.0.113.45",
          "Mozilla/5.0 zgrab/0.x", ZGRAB_PATHS[i]));
    }
    for (int i = 0; i < 30; i++) {
      staging.add(nodeTraffic(at(i * 20_000 + 7_000), "ip-10-1-2-77.ec2.internal", "10.1.2.77"));
    }
  }

  private Entry nodeTraffic(long millis, String node, String ip) {
    return event(millis, "{\"username\":\"system:node:" + node + "\",\"groups\":"
        + "[\"system:nodes\",\"system:authenticated\"]}", "\"" + ip + "\"",
        "kubelet/v1.31.4 (linux/amd64) kubernetes/a78aa47", "update",
        "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + node, 200, null);
  }

  private Entry anonymous(long millis, String ip, String agent, String verb, String path,
      int code) {
    return event(millis, "{\"username\":\"system:anonymous\",\"groups\":"
        + "[\"system:unauthenticated\"]}", "\"" + ip + "\"", agent, verb, path, code,
        code == 403 ? "Forbidden" : null);
  }

  private Entry unauthorized(long millis, String ip, String agent, String path) {
    String json = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
        + "\"auditID\":\"" + auditId() + "\",\"stage\":\"ResponseStarted\",\"requestURI\":\""
        + path + "\",\"verb\":\"get\",\"user\":{},\"sourceIPs\":[\"" + ip + "\"],\"userAgent\":\""
        + agent + "\",\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\",\"reason\":"
        + "\"Unauthorized\",\"code\":401},\"requestReceivedTimestamp\":\"" + stamp(millis)
        + "\",\"stageTimestamp\":\"" + stamp(millis) + "\"}";
    return new Entry(millis, json);
  }

  private Entry event(long millis, String user, String ips, String agent, String verb,
      String path, int code, String reason) {
    StringBuilder json = new StringBuilder();
    json.append("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",")
        .append("\"auditID\":\"").append(auditId()).append("\",\"stage\":\"ResponseComplete\",")
        .append("\"requestURI\":\"").append(path).append("\",\"verb\":\"").append(verb)
        .append("\",\"user\":").append(user).append(",\"sourceIPs\":[").append(ips).append(']');
    if (agent != null) {
      json.append(",\"userAgent\":\"").append(agent).append('"');
    }
    json.append(",\"responseStatus\":{\"metadata\":{},");
    if (reason != null) {
      json.append("\"status\":\"Failure\",\"reason\":\"").append(reason).append("\",");
    }
    json.append("\"code\":").append(code).append("},\"requestReceivedTimestamp\":\"")
        .append(stamp(millis)).append("\",\"stageTimestamp\":\"").append(stamp(millis + 2))
        .append("\",\"annotations\":{\"authorization.k8s.io/decision\":\"")
        .append(code == 403 ? "forbid" : "allow").append("\",\"authorization.k8s.io/reason\":\"\"}}");
    return new Entry(millis, json.toString());
  }

  private String controlMessage() {
    return "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
        + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\","
        + "\"timestamp\":" + START_MILLIS + ",\"message\":\"CWL CONTROL MESSAGE: Checking health "
        + "of destination Firehose.\"}]}";
  }

  /** Writes the entries in payloads of at most 25 log events, one gzip member each. */
  private void writePayloads(OutputStream out, String cluster, String stream, List<Entry> entries)
      throws IOException {
    for (int from = 0; from < entries.size(); from += 25) {
      StringBuilder payload = new StringBuilder();
      payload.append("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",")
          .append("\"logGroup\":\"/aws/eks/").append(cluster).append("/cluster\",")
          .append("\"logStream\":\"").append(stream).append("\",")
          .append("\"subscriptionFilters\":[\"eks-audit-to-firehose\"],\"logEvents\":[");
      for (int i = from; i < Math.min(entries.size(), from + 25); i++) {
        Entry entry = entries.get(i);
        if (i > from) {
          payload.append(',');
        }
        payload.append("{\"id\":\"").append(eventId(entry.millis, i)).append("\",\"timestamp\":")
            .append(entry.millis).append(",\"message\":\"")
            .append(entry.message.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
      }
      payload.append("]}");
      writeMember(out, payload.toString());
    }
  }

  private static void writeMember(OutputStream out, String json) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    }
    member.writeTo(out);
  }

  private static long at(long offsetMillis) {
    return START_MILLIS + offsetMillis;
  }

  private static String stamp(long millis) {
    return STAMP.format(Instant.ofEpochMilli(millis));
  }

  private String auditId() {
    return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static String eventId(long millis, int index) {
    return String.format("%d%043d", millis, index);
  }
}
