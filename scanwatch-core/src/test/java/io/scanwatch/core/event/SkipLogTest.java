package io.scanwatch.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkipLogTest {

  @Test
  void record_keepsFirstExamplesAndCountsAll() {
    SkipLog log = new SkipLog(2);
    for (int line = 1; line <= 5; line++) {
      log.record(SkipReason.INVALID_JSON, Location.ofLine("a.log", line), "bad");
    }
    log.record(SkipReason.TRUNCATED, Location.ofLine("a.log", 9), "cut");

    assertThat(log.count(SkipReason.INVALID_JSON)).isEqualTo(5);
    assertThat(log.count(SkipReason.TRUNCATED)).isEqualTo(1);
    assertThat(log.count(SkipReason.NO_TIMESTAMP)).isZero();
    assertThat(log.total()).isEqualTo(6);
    assertThat(log.examples(SkipReason.INVALID_JSON))
        .extracting(entry -> entry.location().toString())
        .containsExactly("a.log:1", "a.log:2");
  }

  @Test
  void merge_addsCountsAndKeepsLimit() {
    SkipLog left = new SkipLog(2);
    SkipLog right = new SkipLog(2);
    left.record(SkipReason.INVALID_JSON, Location.ofLine("a.log", 1), "x");
    right.record(SkipReason.INVALID_JSON, Location.ofLine("b.log", 1), "y");
    right.record(SkipReason.INVALID_JSON, Location.ofLine("b.log", 2), "z");

    left.merge(right);

    assertThat(left.count(SkipReason.INVALID_JSON)).isEqualTo(3);
    assertThat(left.examples(SkipReason.INVALID_JSON)).extracting(SkipLog.Entry::detail)
        .containsExactly("x", "y");
  }

  @Test
  void constructor_negativeLimitRejected() {
    assertThatThrownBy(() -> new SkipLog(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void location_formatsWrappedEvent() {
    Location location = Location.ofLine("export.gz", 12).withCloudWatchEvent("stream-a", "3701");
    assertThat(location).hasToString("export.gz:12 (stream-a event 3701)");
    assertThat(Location.ofLine("x", 0).withCloudWatchEvent("s", null)).hasToString("x (s)");
  }
}
