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

  @Test
  void compare_matchesCodePointOrder() {
    // Code point order, lone surrogates as their own value, is the order of UTF-8 bytes.
    char[] alphabet = {'a', 'b', '/', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\ud83d', '\ude00',
        '\udbff', '\udfff', '\ud800', '\udc00'};
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 200_000; n++) {
      String prefix = text(random, alphabet, random.nextInt(4));
      String left = prefix + text(random, alphabet, random.nextInt(4));
      String right = prefix + text(random, alphabet, random.nextInt(4));
      int expected = Integer.signum(java.util.Arrays.compare(left.codePoints().toArray(),
          right.codePoints().toArray()));
      assertThat(Integer.signum(Utf8Order.INSTANCE.compare(left, right)))
          .as("%s vs %s", escaped(left), escaped(right)).isEqualTo(expected);
    }
  }

  private static String text(java.util.Random random, char[] alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
