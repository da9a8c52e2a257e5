#!/usr/bin/env python3
"""Generate a deterministic Amazon EKS control-plane audit log for benchmarks.

Writes Kubernetes audit.k8s.io/v1 events with the traffic mix of a busy EKS cluster.
Most are authenticated: kubelet lease renewals and reads, controllers and the
scheduler, add-on service accounts, and IAM-mapped users running kubectl
(RequestResponse level, with large bodies). A few are failed authentications (no
user, code 401). About 0.5% are system:anonymous: load-balancer health checks,
scanners with various user agents (some send none), and the AWS Security Scanner.

The same arguments always produce the same bytes, and the same seed and --events give
the same events in every format. Output uses only ASCII, and `&`,
`<` and `>` inside strings are escaped as `\\u0026`, `\\u003c` and `\\u003e`, as the
API server writes them.

Examples:
  gen_audit_log.py --mib 1024 --format ndjson -o audit.ndjson
  gen_audit_log.py --events 100000 --format cloudwatch-export > export.txt

Formats:
  ndjson             bare audit events, one JSON object a line (--audit-log-path)
  cloudwatch-export  "<RFC 3339 time> <event>" a line, as a CloudWatch Logs export to S3
  filter-log-events  the JSON document that `aws logs filter-log-events` prints
"""
import argparse
import json
import random
import sys
import time

START_MICROS = 1_793_606_400_000_000  # 2026-11-02T08:00:00Z

NAMESPACES = ["default", "kube-system", "payments", "checkout", "web", "monitoring",
              "argocd", "karpenter", "cert-manager", "ingress-nginx"]
CORE_RESOURCES = ["pods", "services", "configmaps", "secrets", "endpoints", "events",
                  "serviceaccounts", "persistentvolumeclaims"]
ADDON_ACCOUNTS = [
    ("kube-system", "aws-node", "aws-node/v1.19.2 (linux/amd64) kubernetes/$Format"),
    ("kube-system", "coredns", "coredns/v1.11.3 (linux/amd64) kubernetes/$Format"),
    ("kube-system", "kube-proxy", "kube-proxy/v1.31.2 (linux/amd64) kubernetes/$Format"),
    ("kube-system", "ebs-csi-controller-sa", "csi-provisioner/v5.1.0 (linux/amd64) kubernetes/$Format"),
    ("argocd", "argocd-application-controller", "argocd-application-controller/v2.13.1 (linux/amd64) kubernetes/$Format"),
    ("karpenter", "karpenter", "karpenter/v1.1.0 (linux/amd64) kubernetes/$Format"),
    ("cert-manager", "cert-manager", "cert-manager-controller/v1.16.2 (linux/amd64) kubernetes/$Format"),
    ("monitoring", "prometheus", "Prometheus/2.55.1"),
    ("ingress-nginx", "ingress-nginx", "nginx-ingress-controller/v1.12.0 (linux/amd64) ingress-nginx/$Format"),
]
CONTROL_PLANE_USERS = [
    ("system:kube-controller-manager", "kube-controller-manager/v1.31.2 (linux/amd64) kubernetes/a1b2c3d/leader-election"),
    ("system:kube-scheduler", "kube-scheduler/v1.31.2 (linux/amd64) kubernetes/a1b2c3d/scheduler"),
    ("eks:cloud-controller-manager", "aws-cloud-controller-manager/v1.31.0 (linux/amd64) kubernetes/$Format"),
    ("eks:certificate-controller", "eks-certificate-controller/v0.0.0 (linux/amd64) kubernetes/$Format"),
]
SCANNER_AGENTS = [
    "curl/8.5.0", "curl/7.81.0", "Go-http-client/1.1", "python-requests/2.32.3",
    "Mozilla/5.0 zgrab/0.x", "kube-hunter", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)",
    "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)",
    "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "kubectl/v1.29.0 (darwin/arm64) kubernetes/3f7a50f", "l9tcpid/v1.1.0",
]
SCAN_PATHS = ["/", "/api", "/api/v1", "/apis", "/version", "/healthz", "/livez", "/readyz",
              "/metrics", "/openapi/v2", "/openapi/v3", "/.well-known/openid-configuration",
              "/openid/v1/jwks", "/api/v1/pods", "/api/v1/namespaces", "/api/v1/secrets",
              "/api/v1/nodes", "/api/v1/namespaces/kube-system/secrets",
              "/api/v1/namespaces/default/pods?limit=500&watch=false",
              "/apis/apps/v1/deployments", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
              "/api/v1/namespaces/kube-system/pods/coredns-6d8c4f9b7-x2x9k/exec?command=id&stdout=true",
              "/logs", "/debug/pprof/", "/.env", "/swagger-ui.html", "/?<script>alert(1)</script>"]
# Paths that the system:public-info-viewer role grants to anonymous users.
PUBLIC_PATHS = {"/version", "/healthz", "/livez", "/readyz",
                "/.well-known/openid-configuration", "/openid/v1/jwks"}
HEALTH_PATHS = ["/healthz", "/livez", "/readyz", "/readyz?verbose"]
REASONS = {401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
           422: "Invalid", 500: "InternalError"}

# Share of events per kind, as cumulative thresholds of one uniform draw.
MIX = [
    (0.0030, "anonymous_scan"),
    (0.0046, "health_check"),
    (0.0050, "security_scanner"),
    (0.0080, "failed_authentication"),
    (0.3400, "kubelet_lease"),
    (0.4600, "kubelet_read"),
    (0.5800, "control_plane"),
    (0.9300, "addon_traffic"),
    (1.0000, "kubectl_change"),
]


def escape_like_apiserver(text):
    """Escape &, < and > as Go's encoding/json does."""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return text


class AuditLogGenerator:
    """Produce one audit event (a dict) at a time from a seeded random stream."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.now = START_MICROS
        self.queued = []
        self.second_cache = (None, "")
        rng = self.rng
        self.nodes = [("ip-10-0-%d-%d.eu-west-1.compute.internal" % (rng.randint(32, 63), rng.randint(2, 254)),
                       "10.0.%d.%d" % (rng.randint(32, 63), rng.randint(2, 254)),
                       "i-%017x" % rng.getrandbits(68)) for _ in range(24)]
        self.pod_ips = ["10.0.%d.%d" % (rng.randint(64, 127), rng.randint(2, 254)) for _ in range(60)]
        self.elb_ips = ["10.0.%d.%d" % (rng.randint(0, 31), rng.randint(2, 254)) for _ in range(6)]
        prefixes = ["203.0.113.", "198.51.100.", "192.0.2.", "2001:db8:7::", "2001:db8:c0::"]
        self.scanner_ips = [rng.choice(prefixes) + str(rng.randint(1, 254)) for _ in range(48)]
        self.operators = ["arn:aws:sts::111122223333:assumed-role/platform-admin/%s" % name
                          for name in ("alice", "bob", "ci-deployer", "carol")]

    # Time and identifiers

    def advance(self):
        """Move the clock forward by 0.05 to 12 ms and return the new time in microseconds."""
        self.now += self.rng.randint(50, 12000)
        return self.now

    def rfc3339(self, micros):
        seconds, fraction = divmod(micros, 1_000_000)
        if self.second_cache[0] != seconds:
            self.second_cache = (seconds, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)))
        return "%s.%06dZ" % (self.second_cache[1], fraction)

    def audit_id(self):
        digits = "%032x" % self.rng.getrandbits(128)
        return "%s-%s-4%s-a%s-%s" % (digits[0:8], digits[8:12], digits[13:16], digits[17:20],
                                     digits[20:32])

    # Event skeleton

    def event(self, verb, uri, user, source_ips, user_agent, code, level="Metadata",
              object_ref=None, stage="ResponseComplete"):
        received = self.advance()
        done = received + self.rng.randint(200, 60000)
        event = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": level,
                 "auditID": self.audit_id(), "stage": stage, "requestURI": uri, "verb": verb,
                 "user": user, "sourceIPs": source_ips}
        if user_agent is not None:
            event["userAgent"] = user_agent
        if object_ref is not None:
            event["objectRef"] = object_ref
        status = {"metadata": {}, "code": code}
        if code >= 400:
            status["status"] = "Failure"
            status["message"] = "%s is forbidden" % uri if code == 403 else REASONS.get(code, "error")
            status["reason"] = REASONS.get(code, "InternalError")
        event["responseStatus"] = status
        event["requestReceivedTimestamp"] = self.rfc3339(received)
        event["stageTimestamp"] = self.rfc3339(done)
        if user:
            event["annotations"] = {
                "authorization.k8s.io/decision": "allow" if code < 400 or code == 404 else "forbid",
                "authorization.k8s.io/reason": "" if code >= 400 else "RBAC: allowed by ClusterRoleBinding"}
        return event

    def next_event(self):
        if self.queued:
            return self.queued.pop()
        draw = self.rng.random()
        for threshold, kind in MIX:
            if draw < threshold:
                return getattr(self, kind)()
        return self.kubectl_change()

    # Anonymous traffic

    def anonymous_user(self):
        return {"username": "system:anonymous", "groups": ["system:unauthenticated"]}

    def anonymous_scan(self):
        rng = self.rng
        ip = rng.choice(self.scanner_ips)
        draw = rng.random()
        if draw < 0.85:
            source_ips = [ip]
        elif draw < 0.97:
            source_ips = [ip, rng.choice(self.elb_ips)]  # X-Forwarded-For, then the peer
        else:
            source_ips = [rng.choice(self.scanner_ips), ip, ip]  # forged chain, repeated entry
        agent = None if rng.random() < 0.2 else rng.choice(SCANNER_AGENTS)
        path = rng.choice(SCAN_PATHS)
        verb = rng.choice(["get", "get", "get", "list", "watch", "create"])
        code = 200 if path in PUBLIC_PATHS else 403
        event = self.event(verb, path, self.anonymous_user(), source_ips, agent, code)
        if verb == "watch" or "/exec" in path:
            # A refused long-running request is audited at ResponseStarted and ResponseComplete.
            started = dict(event)
            started["stage"] = "ResponseStarted"
            started["stageTimestamp"] = event["requestReceivedTimestamp"]
            self.queued.append(event)
            return started
        return event

    def health_check(self):
        return self.event("get", self.rng.choice(HEALTH_PATHS), self.anonymous_user(),
                          [self.rng.choice(self.elb_ips)], "ELB-HealthChecker/2.0", 200)

    def security_scanner(self):
        path = self.rng.choice(SCAN_PATHS)
        return self.event("get", path, self.anonymous_user(),
                          ["198.18.%d.%d" % (self.rng.randint(0, 3), self.rng.randint(1, 254))],
                          "AWS Security Scanner", 200 if path in PUBLIC_PATHS else 403)

    def failed_authentication(self):
        """Build a request whose token was rejected: no user, code 401, stage ResponseStarted."""
        rng = self.rng
        event = self.event(rng.choice(["get", "list", "watch"]), rng.choice(SCAN_PATHS), {},
                           [rng.choice(self.scanner_ips + self.pod_ips)],
                           rng.choice(SCANNER_AGENTS + [None]), 401, stage="ResponseStarted")
        event["responseStatus"] = {"metadata": {}, "status": "Failure", "message": "Unauthorized",
                                   "reason": "Unauthorized", "code": 401}
        return event

    # Authenticated traffic

    def node_user(self, node):
        name, _, instance = node
        return {"username": "system:node:" + name,
                "uid": "aws-iam-authenticator:111122223333:AROAEXAMPLENODEROLE",
                "groups": ["system:bootstrappers", "system:nodes", "system:authenticated"],
                "extra": {"accessKeyId": ["ASIAEXAMPLE%09d" % self.rng.randint(0, 10**9 - 1)],
                          "arn": ["arn:aws:sts::111122223333:assumed-role/eks-node/" + instance],
                          "canonicalArn": ["arn:aws:iam::111122223333:role/eks-node"],
                          "principalId": ["AROAEXAMPLENODEROLE"], "sessionName": [instance]}}

    def kubelet_lease(self):
        node = self.rng.choice(self.nodes)
        uri = ("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/%s?timeout=10s"
               % node[0])
        return self.event("update", uri, self.node_user(node), [node[1]],
                          "kubelet/v1.31.2-eks-94953ac (linux/amd64) kubernetes/94953ac", 200,
                          object_ref={"resource": "leases", "namespace": "kube-node-lease",
                                      "name": node[0], "uid": self.audit_id(),
                                      "apiGroup": "coordination.k8s.io", "apiVersion": "v1",
                                      "resourceVersion": str(self.rng.randint(10**6, 10**8))})

    def kubelet_read(self):
        node = self.rng.choice(self.nodes)
        namespace = self.rng.choice(NAMESPACES)
        resource = self.rng.choice(["configmaps", "secrets", "pods", "services"])
        name = "%s-%05d" % (resource[:-1], self.rng.randint(0, 99999))
        verb = self.rng.choice(["get", "list", "watch"])
        uri = "/api/v1/namespaces/%s/%s?fieldSelector=metadata.name%%3D%s&limit=500" % (
            namespace, resource, name)
        return self.event(verb, uri, self.node_user(node), [node[1]],
                          "kubelet/v1.31.2-eks-94953ac (linux/amd64) kubernetes/94953ac",
                          self.rng.choice([200, 200, 200, 404]),
                          object_ref={"resource": resource, "namespace": namespace, "name": name,
                                      "apiVersion": "v1"})

    def control_plane(self):
        username, agent = self.rng.choice(CONTROL_PLANE_USERS)
        namespace = self.rng.choice(NAMESPACES)
        resource = self.rng.choice(["leases", "endpointslices", "replicasets", "jobs", "pods"])
        verb = self.rng.choice(["get", "update", "list", "watch", "patch"])
        uri = "/apis/apps/v1/namespaces/%s/%s?resourceVersion=%d&timeout=7m41s" % (
            namespace, resource, self.rng.randint(1, 10**8))
        return self.event(verb, uri, {"username": username, "groups": ["system:authenticated"]},
                          ["10.0.%d.%d" % (self.rng.randint(128, 131), self.rng.randint(2, 254))],
                          agent, self.rng.choice([200, 200, 200, 200, 409]),
                          object_ref={"resource": resource, "namespace": namespace,
                                      "apiGroup": "apps", "apiVersion": "v1"})

    def addon_traffic(self):
        namespace, account, agent = self.rng.choice(ADDON_ACCOUNTS)
        target = self.rng.choice(NAMESPACES)
        resource = self.rng.choice(CORE_RESOURCES)
        verb = self.rng.choice(["get", "list", "watch", "watch", "create", "update"])
        uri = "/api/v1/namespaces/%s/%s?allowWatchBookmarks=true&resourceVersion=%d" % (
            target, resource, self.rng.randint(1, 10**8))
        user = {"username": "system:serviceaccount:%s:%s" % (namespace, account),
                "uid": self.audit_id(),
                "groups": ["system:serviceaccounts", "system:serviceaccounts:" + namespace,
                           "system:authenticated"],
                "extra": {"authentication.kubernetes.io/credential-id": ["JTI=" + self.audit_id()],
                          "authentication.kubernetes.io/node-name": [self.rng.choice(self.nodes)[0]],
                          "authentication.kubernetes.io/pod-name": ["%s-%05x" % (account, self.rng.getrandbits(20))],
                          "authentication.kubernetes.io/pod-uid": [self.audit_id()]}}
        return self.event(verb, uri, user, [self.rng.choice(self.pod_ips)], agent,
                          self.rng.choice([200, 200, 200, 200, 403, 404]),
                          object_ref={"resource": resource, "namespace": target, "apiVersion": "v1"})

    def kubectl_change(self):
        rng = self.rng
        namespace = rng.choice(NAMESPACES)
        name = "svc-%03d" % rng.randint(1, 300)
        image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/%s:%d.%d.%d" % (
            name, rng.randint(1, 9), rng.randint(0, 40), rng.randint(0, 99))
        env = [{"name": "SETTING_%d" % i, "value": "x" * rng.randint(8, 60)}
               for i in range(rng.randint(3, 16))]
        event = self.event("patch", "/apis/apps/v1/namespaces/%s/deployments/%s?fieldManager=kubectl-client-side-apply&fieldValidation=Strict" % (namespace, name),
                           {"username": rng.choice(self.operators),
                            "uid": "aws-iam-authenticator:111122223333:AROAEXAMPLEADMIN",
                            "groups": ["system:authenticated", "platform-admins"]},
                           ["10.0.%d.%d" % (rng.randint(200, 203), rng.randint(2, 254))],
                           "kubectl/v1.31.1 (linux/amd64) kubernetes/948afe5",
                           rng.choice([200, 200, 200, 422]), level="RequestResponse",
                           object_ref={"resource": "deployments", "namespace": namespace,
                                       "name": name, "apiGroup": "apps", "apiVersion": "v1"})
        event["requestObject"] = {"spec": {"template": {
            "metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": event["requestReceivedTimestamp"]}},
            "spec": {"containers": [{"name": "app", "image": image, "env": env,
                                     "resources": {"limits": {"cpu": "500m", "memory": "512Mi"}}}]}}}}
        event["responseObject"] = {"kind": "Deployment", "apiVersion": "apps/v1",
                                   "metadata": {"name": name, "namespace": namespace,
                                                "uid": self.audit_id(),
                                                "generation": rng.randint(1, 500)},
                                   "status": {"replicas": 3, "readyReplicas": rng.randint(0, 3),
                                              "observedGeneration": rng.randint(1, 500)}}
        return event


def write_log(generator, out, fmt, max_events, max_bytes):
    """Write events until either limit is reached and return (events, bytes) written."""
    events = 0
    written = 0
    streams = ["kube-apiserver-audit-%032x" % generator.rng.getrandbits(128) for _ in range(3)]
    if fmt == "filter-log-events":
        head = '{\n    "events": [\n'
        out.write(head)
        written += len(head)
    while (max_events is None or events < max_events) and (max_bytes is None or written < max_bytes):
        event = generator.next_event()
        text = escape_like_apiserver(json.dumps(event, separators=(",", ":")))
        if fmt == "ndjson":
            line = text + "\n"
        elif fmt == "cloudwatch-export":
            millis = generator.now // 1000
            line = "%s.%03dZ %s\n" % (generator.rfc3339(millis * 1000)[:19], millis % 1000, text)
        else:
            millis = generator.now // 1000
            record = {"logStreamName": streams[events % len(streams)], "timestamp": millis,
                      "message": text, "ingestionTime": millis + 200 + events * 7919 % 2800,
                      "eventId": "%056d" % (millis * 10**12 + events)}
            line = ("" if events == 0 else ",\n") + "        " + json.dumps(record)
        out.write(line)
        written += len(line)
        events += 1
    if fmt == "filter-log-events":
        tail = '\n    ],\n    "searchedLogStreams": []\n}\n'
        out.write(tail)
        written += len(tail)
    return events, written


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--events", type=int, help="number of events to write")
    size.add_argument("--mib", type=float,
                      help="write events until the output reaches this many MiB (it ends "
                           "with the first event past the limit)")
    parser.add_argument("--format", default="ndjson",
                        choices=["ndjson", "cloudwatch-export", "filter-log-events"])
    parser.add_argument("--seed", type=int, default=20261102, help="random seed (default: %(default)s)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args()
    if (args.events is not None and args.events < 0) or (args.mib is not None and args.mib <= 0):
        parser.error("--events must be 0 or more and --mib more than 0")

    max_bytes = int(args.mib * 1024 * 1024) if args.mib is not None else None
    out = (open(args.output, "w", encoding="ascii", newline="\n", buffering=1 << 20)
           if args.output else sys.stdout)
    try:
        events, written = write_log(AuditLogGenerator(args.seed), out, args.format,
                                    args.events, max_bytes)
    finally:
        if args.output:
            out.close()
        else:
            out.flush()
    print("gen_audit_log: wrote %d events, %d bytes (%s)" % (events, written, args.format),
          file=sys.stderr)


if __name__ == "__main__":
    main()
