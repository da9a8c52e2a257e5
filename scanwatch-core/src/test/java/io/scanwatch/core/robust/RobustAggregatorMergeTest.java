package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustAggregatorMergeTest {

  /**
   * Returns the input in line order, split after the fifth event. Request w-1 starts in the first
   * half and completes in the second. Request w-2 completes in the first half, and its earlier
   * stage comes in the second. Request t-1 has the same stage in both halves, so the second wins.
   */
  private static List<AuditEvent> input() {
    RobustEvents watch1 = RobustEvents.anonymous().auditId("w-1").ips("198.51.100.1")
        .verbs("watch").uri("/api/v1/secrets?watch=1").agents("curl/8.5.0");
    RobustEvents watch2 = RobustEvents.anonymous().auditId("w-2").ips("198.51.100.2")
        .verbs("watch").uri("/api/v1/pods?watch=1").agents("Go-http-client/1.1");
    RobustEvents tie = RobustEvents.anonymous().auditId("t-1").ips("198.51.100.3")
        .stage("ResponseComplete");
    return List.of(
        watch1.stage("ResponseStarted").codes("200").time(1_000_000).build(),
        watch2.stage("ResponseComplete").codes("403").time(2_000_000).build(),
        tie.codes("403").time(3_000_000).build(),
        RobustEvents.rejected().ips("192.0.2.44", "198.51.100.3").uri("/metrics")
            .time(4_000_000).build(),
        RobustEvents.anonymous().agents("AWS Security Scanner").build(),
        // second half
        watch1.stage("ResponseComplete").codes("403").time(1_000_000).build(),
        watch2.stage("ResponseStarted").codes("200").time(2_000_000).build(),
        tie.codes("404").time(3_000_000).build(),
        RobustEvents.rejected().agents("kube-probe/1.29").uri("/livez").build(),
        RobustEvents.anonymous().users("admin").build());
  }

  private static RobustAggregator aggregate(List<AuditEvent> events) {
    RobustAggregator aggregator = new RobustAggregator();
    events.forEach(aggregator::add);
    return aggregator;
  }

  @Test
  void merge_halves_equalsWhole() {
    List<AuditEvent> events = input();
    RobustAggregator first = aggregate(events.subList(0, 5));
    RobustAggregator second = aggregate(events.subList(5, events.size()));

    first.merge(second);

    assertThat(first.snapshot()).isEqualTo(aggregate(events).snapshot());
  }

  @Test
  void merge_splitAuditId_latestStageWins() {
    List<AuditEvent> events = input();
    RobustAggregator first = aggregate(events.subList(0, 5));
    first.merge(aggregate(events.subList(5, events.size())));

    RobustResult result = first.snapshot();

    assertThat(result.requests()).isEqualTo(5);
    assertThat(result.eventsAdded()).isEqualTo(10);
    assertThat(result.unauthenticatedEvents()).isEqualTo(9);
    assertThat(result.suppressions().get(0).events()).isEqualTo(1);
    assertThat(result.healthProbeRequests()).isEqualTo(1);
    RobustRow secretsWatch = rowOf(result, "198.51.100.1");
    assertThat(secretsWatch.codes()).containsExactly("403");
    assertThat(secretsWatch.severity()).isEqualTo(Severity.HIGH);
    RobustRow podsWatch = rowOf(result, "198.51.100.2");
    assertThat(podsWatch.codes()).containsExactly("403");
    assertThat(podsWatch.requests()).isEqualTo(1);
    RobustRow tie = rowOf(result, "198.51.100.3");
    assertThat(tie.requests()).isEqualTo(2);
    assertThat(tie.codes()).containsExactly("401", "404");
  }

  @Test
  void merge_reversedOrder_tieGoesToArgument() {
    List<AuditEvent> events = input();
    RobustAggregator second = aggregate(events.subList(5, events.size()));

    second.merge(aggregate(events.subList(0, 5)));

    assertThat(rowOf(second.snapshot(), "198.51.100.3").codes()).containsExactly("401", "403");
    assertThat(rowOf(second.snapshot(), "198.51.100.1").codes()).containsExactly("403");
  }

  @Test
  void serialization_roundTrip_keepsStateAndSnapshot() throws Exception {
    List<AuditEvent> events = input();
    RobustAggregator first = aggregate(events.subList(0, 5));

    RobustAggregator restored = roundTrip(first);
    events.subList(5, events.size()).forEach(restored::add);

    assertThat(restored.snapshot()).isEqualTo(aggregate(events).snapshot());
    RobustResult result = aggregate(events).snapshot();
    assertThat(roundTrip(result)).isEqualTo(result);
  }

  private static RobustRow rowOf(RobustResult result, String address) {
    return result.rows().stream().filter(r -> r.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + address));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
