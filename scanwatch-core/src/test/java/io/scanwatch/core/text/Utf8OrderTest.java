package io.scanwatch.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

  @Test
  void sort_digitsBeforeCapitalsBeforeLowerCase() {
    List<String> values = new ArrayList<>(List.of("get", "Forbidden", "403", "200", "401", "a"));
    values.sort(Utf8Order.INSTANCE);
    assertThat(values).containsExactly("200", "401", "403", "Forbidden", "a", "get");
  }

  @Test
  void compare_supplementaryAfterBmp() {
    String emoji = "\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
    String replacement = "\uFFFD"; // U+FFFD, UTF-8 EF BF BD
    // UTF-16 order would put the emoji first because 0xD83D < 0xFFFD.
    assertThat(emoji.compareTo(replacement)).isNegative();
    assertThat(Utf8Order.INSTANCE.compare(emoji, replacement)).isPositive();
    assertThat(Utf8Order.INSTANCE.compare(replacement, emoji)).isNegative();
  }

  @Test
  void compare_prefixFirst() {
    assertThat(Utf8Order.INSTANCE.compare("/api", "/api/v1")).isNegative();
    assertThat(Utf8Order.INSTANCE.compare("/api/v1", "/api")).isPositive();
    assertThat(Utf8Order.INSTANCE.compare("/api", "/api")).isZero();
  }
}
