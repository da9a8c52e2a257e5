package io.scanwatch.core.detect;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import java.util.List;

/** Builds audit events for tests; every field starts empty. */
final class TestEvents {
  long timeMicros = 1_000_000L;
  String source = "test.log";
  String cluster;
  List<String> usernames = List.of("system:anonymous");
  List<String> groups = List.of("system:unauthenticated");
  List<String> sourceIps = List.of("203.0.113.7");
  List<String> userAgents = List.of("curl/8.5.0");
  List<String> verbs = List.of("get");
  List<String> uris = List.of("/api");
  List<String> reasons = List.of();
  List<String> codes = List.of("403");

  static TestEvents anonymous() {
    return new TestEvents();
  }

  TestEvents time(long micros) {
    this.timeMicros = micros;
    return this;
  }

  TestEvents source(String value) {
    this.source = value;
    return this;
  }

  TestEvents cluster(String value) {
    this.cluster = value;
    return this;
  }

  TestEvents users(String... values) {
    this.usernames = List.of(values);
    return this;
  }

  TestEvents groups(String... values) {
    this.groups = List.of(values);
    return this;
  }

  TestEvents ips(String... values) {
    this.sourceIps = List.of(values);
    return this;
  }

  TestEvents agents(String... values) {
    this.userAgents = List.of(values);
    return this;
  }

  TestEvents verbs(String... values) {
    this.verbs = List.of(values);
    return this;
  }

  TestEvents uris(String... values) {
    this.uris = List.of(values);
    return this;
  }

  TestEvents reasons(String... values) {
    this.reasons = List.of(values);
    return this;
  }

  TestEvents codes(String... values) {
    this.codes = List.of(values);
    return this;
  }

  AuditEvent build() {
    return new AuditEvent(timeMicros, source, cluster, usernames, groups, sourceIps, userAgents,
        verbs, uris, reasons, codes, List.of(), List.of(), Location.ofLine(source, 1), null);
  }
}
