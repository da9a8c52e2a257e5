package io.scanwatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * Deterministic block of EKS-like audit events, one JSON object a line, for the benchmarks.
 *
 * <p>The mix follows {@code bench/gen_audit_log.py} in outline: about 99.5% authenticated node,
 * controller and service-account traffic and 0.5% {@code system:anonymous} requests (scanners
 * with and without a user agent, load-balancer health checks and the AWS Security Scanner).
 * Events are about 1 KiB each. The same seed always gives the same bytes.
 */
public final class AuditLogBlock {

  private static final long START_MICROS = Instant.parse("2026-11-02T08:00:00Z").toEpochMilli()
      * 1000;
  private static final String[] SCANNER_AGENTS = {
    "curl/8.5.0", "Go-http-client/1.1", "python-requests/2.32.3", "Mozilla/5.0 zgrab/0.x",
    "kube-hunter", null
  };
  private static final String[] SCAN_PATHS = {
    "/", "/api", "/version", "/healthz", "/api/v1/secrets", "/api/v1/namespaces/default/pods",
    "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/.env"
  };
  private static final String[] NAMESPACES = {"default", "kube-system", "payments", "web"};

  private final Random random;
  private long nowMicros = START_MICROS;

  private AuditLogBlock(long seed) {
    this.random = new Random(seed);
  }

  /** Builds {@code events} events as NDJSON bytes (ASCII, each line ending in a newline). */
  public static byte[] ndjson(int events, long seed) {
    AuditLogBlock block = new AuditLogBlock(seed);
    StringBuilder text = new StringBuilder(events * 1100);
    for (int i = 0; i < events; i++) {
      block.appendEvent(text);
      text.append('\n');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private void appendEvent(StringBuilder out) {
    double draw = random.nextDouble();
    if (draw < 0.003) {
      String agent = SCANNER_AGENTS[random.nextInt(SCANNER_AGENTS.length)];
      String path = SCAN_PATHS[random.nextInt(SCAN_PATHS.length)];
      appendAnonymous(out, path, "203.0.113." + (1 + random.nextInt(40)), agent);
    } else if (draw < 0.0045) {
      appendAnonymous(out, "/healthz", "10.0.3." + (2 + random.nextInt(6)),
          "ELB-HealthChecker/2.0");
    } else if (draw < 0.005) {
      appendAnonymous(out, SCAN_PATHS[random.nextInt(SCAN_PATHS.length)],
          "198.18.0." + (1 + random.nextInt(9)), "AWS Security Scanner");
    } else if (draw < 0.5) {
      appendNodeLease(out);
    } else {
      appendServiceAccountRead(out);
    }
  }

  private void appendAnonymous(StringBuilder out, String path, String ip, String agent) {
    appendHead(out, "get", path);
    out.append("\"user\":{\"username\":\"system:anonymous\",\"groups\":[\"system:unauthenticated\"]},");
    out.append("\"sourceIPs\":[\"").append(ip).append("\"],");
    if (agent != null) {
      out.append("\"userAgent\":\"").append(agent).append("\",");
    }
    boolean allowed = path.equals("/version") || path.equals("/healthz");
    appendTail(out, allowed ? 200 : 403);
  }

  private void appendNodeLease(StringBuilder out) {
    int node = random.nextInt(24);
    String name = "ip-10-0-40-" + node + ".eu-west-1.compute.internal";
    appendHead(out, "update",
        "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + name + "?timeout=10s");
    out.append("\"user\":{\"username\":\"system:node:").append(name)
        .append("\",\"uid\":\"aws-iam-authenticator:111122223333:AROAEXAMPLENODEROLE\",")
        .append("\"groups\":[\"system:bootstrappers\",\"system:nodes\",\"system:authenticated\"],")
        .append("\"extra\":{\"accessKeyId\":[\"ASIAEXAMPLE").append(random.nextInt(1_000_000))
        .append("\"],\"arn\":[\"arn:aws:sts::111122223333:assumed-role/eks-node/i-0abc")
        .append(node).append("\"],\"sessionName\":[\"i-0abc").append(node).append("\"]}},");
    out.append("\"sourceIPs\":[\"10.0.40.").append(node).append("\"],");
    out.append("\"userAgent\":\"kubelet/v1.31.2-eks-94953ac (linux/amd64) kubernetes/94953ac\",");
    out.append("\"objectRef\":{\"resource\":\"leases\",\"namespace\":\"kube-node-lease\",")
        .append("\"name\":\"").append(name)
        .append("\",\"apiGroup\":\"coordination.k8s.io\",\"apiVersion\":\"v1\"},");
    appendTail(out, 200);
  }

  private void appendServiceAccountRead(StringBuilder out) {
    String namespace = NAMESPACES[random.nextInt(NAMESPACES.length)];
    appendHead(out, random.nextBoolean() ? "list" : "watch",
        "/api/v1/namespaces/" + namespace + "/configmaps?allowWatchBookmarks=true\\u0026"
            + "resourceVersion=" + random.nextInt(100_000_000));
    out.append("\"user\":{\"username\":\"system:serviceaccount:kube-system:coredns\",")
        .append("\"uid\":\"").append(new java.util.UUID(random.nextLong(), random.nextLong()))
        .append("\",\"groups\":[\"system:serviceaccounts\",\"system:serviceaccounts:kube-system\",")
        .append("\"system:authenticated\"]},");
    out.append("\"sourceIPs\":[\"10.0.90.").append(2 + random.nextInt(200)).append("\"],");
    out.append("\"userAgent\":\"coredns/v1.11.3 (linux/amd64) kubernetes/$Format\",");
    out.append("\"objectRef\":{\"resource\":\"configmaps\",\"namespace\":\"").append(namespace)
        .append("\",\"apiVersion\":\"v1\"},");
    appendTail(out, random.nextInt(10) == 0 ? 403 : 200);
  }

  private void appendHead(StringBuilder out, String verb, String uri) {
    out.append("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",")
        .append("\"auditID\":\"").append(new java.util.UUID(random.nextLong(), random.nextLong()))
        .append("\",\"stage\":\"ResponseComplete\",\"requestURI\":\"").append(uri)
        .append("\",\"verb\":\"").append(verb).append("\",");
  }

  private void appendTail(StringBuilder out, int code) {
    nowMicros += 50 + random.nextInt(12_000);
    String received = Instant.ofEpochSecond(0, nowMicros * 1000).toString();
    String done = Instant.ofEpochSecond(0, (nowMicros + 300 + random.nextInt(50_000)) * 1000)
        .toString();
    out.append("\"responseStatus\":{\"metadata\":{},\"code\":").append(code);
    if (code == 403) {
      out.append(",\"status\":\"Failure\",\"reason\":\"Forbidden\"");
    }
    out.append("},\"requestReceivedTimestamp\":\"").append(received)
        .append("\",\"stageTimestamp\":\"").append(done).append("\",")
        .append("\"annotations\":{\"authorization.k8s.io/decision\":\"")
        .append(code == 200 ? "allow" : "forbid")
        .append("\",\"authorization.k8s.io/reason\":\"\"}}");
  }

  /**
   * Returns the events of an NDJSON block as an {@code aws logs filter-log-events} document: one
   * entry per line, each event's JSON text as the entry's message, timestamps a millisecond apart.
   */
  public static byte[] filterLogEvents(byte[] ndjson) {
    StringBuilder document = new StringBuilder("{\n    \"events\": [\n");
    String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String message = lines[i].replace("\\", "\\\\").replace("\"", "\\\"");
      document.append(i == 0 ? "" : ",\n").append("        {\"logStreamName\": ")
          .append("\"kube-apiserver-audit-1\", \"timestamp\": ").append(START_MICROS / 1000 + i)
          .append(", \"message\": \"").append(message).append("\", \"eventId\": \"")
          .append(i).append("\"}");
    }
    document.append("\n    ],\n    \"searchedLogStreams\": []\n}\n");
    return document.toString().getBytes(StandardCharsets.UTF_8);
  }
}
