package io.scanwatch.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Expected values were computed with Python's datetime, independently of this parser.
class TimestampsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-11-13T18:34:10.595141Z        | 1731522850595141",
        "2024-11-13T18:34:10Z               | 1731522850000000",
        "2024-11-13T18:34:10.5951419Z       | 1731522850595141",
        "2024-11-13T18:34:10.595141999Z     | 1731522850595141",
        "2024-11-13 18:34:10.595141000      | 1731522850595141",
        "2024-11-13 18:34:10.595141         | 1731522850595141",
        "2024-11-13t18:34:10.595141z        | 1731522850595141",
        "2026-12-04T16:01:05.572151Z        | 1796400065572151",
        "2024-02-29T23:59:59.999999Z        | 1709251199999999",
        "1969-12-31T23:59:59.5Z             | -500000",
        "2024-11-13T20:34:10.5+02:00        | 1731522850500000",
        "2024-11-13T13:04:10.1-05:30        | 1731522850100000",
        "2024-11-13T13:04:10.1-0530         | 1731522850100000",
        "2024-11-13T20:34:10.5+02           | 1731522850500000",
        "2000-01-01T00:00:00Z               | 946684800000000",
        "2024-11-13T18:34:60Z               | 1731522900000000"
      })
  void parseMicros_validTime(String text, long expected) {
    assertThat(Timestamps.parseMicros(text.strip())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "2024-11-13",
        "2024-11-13T18:34",
        "2024-13-13T18:34:10Z",
        "2023-02-29T18:34:10Z",
        "2024-11-31T18:34:10Z",
        "2024-11-13T24:00:00Z",
        "2024-11-13T18:60:10Z",
        "2024-11-13T18:34:61Z",
        "\uff12024-11-13T18:34:10Z",
        "2024-11-13T18:34:10.Z",
        "2024-11-13T18:34:10.1234567890Z",
        "2024-11-13T18:34:10ZZ",
        "2024-11-13T18:34:10+2:00",
        "2024-11-13T18:34:10 UTC",
        "2024/11/13T18:34:10Z",
        "1731522850",
        "x024-11-13T18:34:10Z"
      })
  void parseMicros_invalidTime(String text) {
    assertThat(Timestamps.parseMicros(text)).isEqualTo(Timestamps.INVALID);
  }

  @org.junit.jupiter.api.Test
  void parseMicros_null() {
    assertThat(Timestamps.parseMicros(null)).isEqualTo(Timestamps.INVALID);
  }

  @org.junit.jupiter.api.Test
  void parseMicros_range() {
    String line = "2024-11-13T18:34:10.595141Z {\"kind\":\"Event\"}";
    assertThat(Timestamps.parseMicros(line, 0, 27)).isEqualTo(1731522850595141L);
  }
}
