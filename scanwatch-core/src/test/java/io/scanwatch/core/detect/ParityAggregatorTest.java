package io.scanwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityAggregatorTest {

  @Test
  void add_splitsEveryCombinationOfByFields() {
    ParityAggregator aggregator = new ParityAggregator();
    aggregator.add(TestEvents.anonymous().ips("192.0.2.44", "127.0.0.1")
        .groups("system:unauthenticated", "system:masters").build());

    List<ParityRow> rows = aggregator.rows();

    assertThat(rows).extracting(ParityRow::srcIp, ParityRow::group, ParityRow::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", "system:masters", 1L),
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", "system:unauthenticated", 1L),
            org.assertj.core.groups.Tuple.tuple("192.0.2.44", "system:masters", 1L),
            org.assertj.core.groups.Tuple.tuple("192.0.2.44", "system:unauthenticated", 1L));
  }

  @Test
  void add_duplicateValueInOneEventCountsTwice() {
    ParityAggregator aggregator = new ParityAggregator();
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1", "10.0.0.1").build());

    List<ParityRow> rows = aggregator.rows();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).count()).isEqualTo(2);
  }

  @Test
  void add_keepsDistinctValuesSortedByUtf8() {
    ParityAggregator aggregator = new ParityAggregator();
    aggregator.add(TestEvents.anonymous().time(5_000_000).codes("403").reasons("Forbidden")
        .verbs("list").uris("/api/v1/pods").agents("zgrab").source("b.log").cluster("prod")
        .build());
    aggregator.add(TestEvents.anonymous().time(2_500_000).codes("200").verbs("get")
        .uris("/version").agents("Zgrab").source("a.log").build());
    aggregator.add(TestEvents.anonymous().time(9_999_999).codes("403").reasons("Forbidden")
        .verbs("get").uris("/api/v1/pods").agents("zgrab").source("b.log").cluster("prod")
        .build());

    ParityRow row = aggregator.rows().get(0);

    assertThat(row.count()).isEqualTo(3);
    assertThat(row.firstMicros()).isEqualTo(2_500_000);
    assertThat(row.lastMicros()).isEqualTo(9_999_999);
    assertThat(row.codes()).containsExactly("200", "403");
    assertThat(row.reasons()).containsExactly("Forbidden");
    assertThat(row.verbs()).containsExactly("get", "list");
    assertThat(row.requestUris()).containsExactly("/api/v1/pods", "/version");
    assertThat(row.userAgents()).containsExactly("Zgrab", "zgrab");
    assertThat(row.clusterNames()).containsExactly("a.log", "b.log");
    assertThat(row.clusters()).containsExactly("prod");
  }

  @Test
  void rows_sortedByEachByFieldInUtf8Order() {
    ParityAggregator aggregator = new ParityAggregator();
    aggregator.add(TestEvents.anonymous().ips("9.9.9.9").build());
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1").groups("b").build());
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1").groups("B").build());
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1").users("System:anonymous")
        .groups("a").build());

    assertThat(aggregator.rows())
        .extracting(row -> row.srcIp() + " " + row.username() + " " + row.group())
        .containsExactly(
            "10.0.0.1 System:anonymous a",
            "10.0.0.1 system:anonymous B",
            "10.0.0.1 system:anonymous b",
            "9.9.9.9 system:anonymous system:unauthenticated");
  }

  @Test
  void merge_equalsOneAggregatorOverBothInputs() {
    List<TestEvents> events = List.of(
        TestEvents.anonymous().time(1).ips("10.0.0.1").codes("403"),
        TestEvents.anonymous().time(7).ips("10.0.0.1", "10.0.0.2").codes("200"),
        TestEvents.anonymous().time(3).ips("10.0.0.2").codes("401").reasons("Unauthorized"),
        TestEvents.anonymous().time(5).ips("10.0.0.3").verbs("watch"));
    ParityAggregator whole = new ParityAggregator();
    ParityAggregator left = new ParityAggregator();
    ParityAggregator right = new ParityAggregator();
    for (int i = 0; i < events.size(); i++) {
      whole.add(events.get(i).build());
      (i % 2 == 0 ? left : right).add(events.get(i).build());
    }

    left.merge(right);

    assertThat(left.rows()).isEqualTo(whole.rows());
    assertThat(left.eventsAdded()).isEqualTo(4);
  }

  @Test
  void serialization_roundTripKeepsState() throws Exception {
    ParityAggregator aggregator = new ParityAggregator();
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1").cluster("prod").build());
    aggregator.add(TestEvents.anonymous().ips("10.0.0.1").codes("200").build());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(aggregator);
    }
    ParityAggregator copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ParityAggregator) in.readObject();
    }
    copy.add(TestEvents.anonymous().ips("10.0.0.1").codes("500").build());

    ParityRow row = copy.rows().get(0);
    assertThat(row.count()).isEqualTo(3);
    assertThat(row.codes()).containsExactly("200", "403", "500");
    assertThat(row.clusters()).containsExactly("prod");
  }
}
