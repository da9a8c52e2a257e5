package io.scanwatch.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {

  @Test
  void equalsIgnoreCase_asciiLetters() {
    assertThat(Ascii.equalsIgnoreCase("SYSTEM:Anonymous", "system:anonymous")).isTrue();
    assertThat(Ascii.equalsIgnoreCase("system:anonymouS", "system:anonymous")).isTrue();
  }

  @Test
  void equalsIgnoreCase_lengthOrCharacterDiffers() {
    assertThat(Ascii.equalsIgnoreCase("system:anonymous ", "system:anonymous")).isFalse();
    assertThat(Ascii.equalsIgnoreCase("system:anonymouz", "system:anonymous")).isFalse();
  }

  @Test
  void equalsIgnoreCase_nonAsciiCaseNotFolded() {
    // Java folds the Kelvin sign U+212A to "k"; Splunk's ASCII rule does not.
    assertThat("\u212Aube".equalsIgnoreCase("kube")).isTrue();
    assertThat(Ascii.equalsIgnoreCase("\u212Aube", "kube")).isFalse();
  }
}
