package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import java.util.List;

/** Builds audit events for robust detection tests; starts as one 401 with no user. */
final class RobustEvents {
  long timeMicros = 1_000_000L;
  String source = "audit.log";
  String cluster;
  List<String> usernames = List.of();
  List<String> groups = List.of();
  List<String> sourceIps = List.of("203.0.113.7");
  List<String> userAgents = List.of("curl/8.5.0");
  List<String> verbs = List.of("get");
  List<String> uris = List.of("/api");
  List<String> reasons = List.of("Unauthorized");
  List<String> codes = List.of("401");
  List<String> auditIds = List.of();
  List<String> stages = List.of("ResponseStarted");

  static RobustEvents rejected() {
    return new RobustEvents();
  }

  static RobustEvents anonymous() {
    return new RobustEvents().users("system:anonymous").groups("system:unauthenticated")
        .reasons().codes("403").stage("ResponseComplete");
  }

  RobustEvents time(long micros) {
    this.timeMicros = micros;
    return this;
  }

  RobustEvents source(String value) {
    this.source = value;
    return this;
  }

  RobustEvents cluster(String value) {
    this.cluster = value;
    return this;
  }

  RobustEvents users(String... values) {
    this.usernames = List.of(values);
    return this;
  }

  RobustEvents groups(String... values) {
    this.groups = List.of(values);
    return this;
  }

  RobustEvents ips(String... values) {
    this.sourceIps = List.of(values);
    return this;
  }

  RobustEvents agents(String... values) {
    this.userAgents = List.of(values);
    return this;
  }

  RobustEvents verbs(String... values) {
    this.verbs = List.of(values);
    return this;
  }

  RobustEvents uri(String... values) {
    this.uris = List.of(values);
    return this;
  }

  RobustEvents reasons(String... values) {
    this.reasons = List.of(values);
    return this;
  }

  RobustEvents codes(String... values) {
    this.codes = List.of(values);
    return this;
  }

  RobustEvents auditId(String value) {
    this.auditIds = List.of(value);
    return this;
  }

  RobustEvents stage(String... values) {
    this.stages = List.of(values);
    return this;
  }

  AuditEvent build() {
    return new AuditEvent(timeMicros, source, cluster, usernames, groups, sourceIps, userAgents,
        verbs, uris, reasons, codes, auditIds, stages, Location.ofLine(source, 1), null);
  }
}
