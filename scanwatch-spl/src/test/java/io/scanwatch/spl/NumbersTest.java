package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which field texts count as numbers. */
class NumbersTest {

  /** The grammar written as a regular expression, as an independent statement of it. */
  private static final Pattern GRAMMAR =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  @Test
  void isDecimal_examples() {
    for (String number : new String[] {"0", "7", "-12", "+3", "0.5", "-.5", ".5", "5.", "1e3",
        "1E-3", "2.5e+10", "007"}) {
      assertThat(Numbers.isDecimal(number)).as(number).isTrue();
    }
    for (String text : new String[] {"", "+", "-", ".", "e3", "1e", "1e+", "1.2.3", "1 ", " 1",
        "0x10", "NaN", "Infinity", "1,000", "--1", "1e3.5", "٣"}) {
      assertThat(Numbers.isDecimal(text)).as(text).isFalse();
    }
  }

  @Test
  void isDecimal_matchesGrammar() {
    Random random = new Random(20261204L);
    String alphabet = "+-.eE0123456789x ";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = text.toString();
      assertThat(Numbers.isDecimal(candidate)).as(candidate)
          .isEqualTo(GRAMMAR.matcher(candidate).matches());
    }
  }

  @Test
  void simpleDecimal_sameDoubleAsJava() {
    Random random = new Random(42);
    for (int n = 0; n < 300_000; n++) {
      String digits = Long.toString(random.nextLong() & Long.MAX_VALUE);
      digits = digits.substring(0, 1 + random.nextInt(Math.min(16, digits.length())));
      int point = random.nextInt(digits.length() + 2) - 1;
      String text = point < 0 ? digits
          : digits.substring(0, Math.min(point, digits.length())) + "."
              + digits.substring(Math.min(point, digits.length()));
      if (text.equals(".")) {
        continue;
      }
      assertThat(Numbers.parse(text)).as(text).isEqualTo(Double.valueOf(text));
    }
    assertThat(Numbers.simpleDecimal("1763625600.123456")).isEqualTo(1763625600.123456);
    assertThat(Numbers.simpleDecimal("0.1")).isEqualTo(0.1);
    assertThat(Numbers.simpleDecimal("9007199254740992")).isEqualTo(9007199254740992.0);
    assertThat(Numbers.simpleDecimal("9007199254740993")).isNaN();
    assertThat(Numbers.simpleDecimal("12345678901234567")).isNaN();
    assertThat(Numbers.simpleDecimal("-1")).isNaN();
    assertThat(Numbers.simpleDecimal("1e5")).isNaN();
    assertThat(Numbers.parse("1234567890.1234567")).isEqualTo(1234567890.1234567);
  }

  @Test
  void parse_valueOrNull() {
    assertThat(Numbers.parse("-2.5e1")).isEqualTo(-25.0);
    assertThat(Numbers.parse("12abc")).isNull();
    assertThat(Numbers.parse(null)).isNull();
    assertThat(Numbers.parse("1".repeat(401))).isNull();
    assertThat(Numbers.parseExact("+1.50")).isEqualByComparingTo("1.5");
  }
}
