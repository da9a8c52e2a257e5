package io.scanwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParityDetectionTest {

  private final ParityDetection detection = new ParityDetection();

  @Test
  void evaluate_anonymousWithAgent_matches() {
    assertThat(detection.evaluate(TestEvents.anonymous().build())).isEqualTo(ParityVerdict.MATCHED);
  }

  @Test
  void evaluate_usernameCaseIgnored() {
    assertThat(detection.evaluate(TestEvents.anonymous().users("System:ANONYMOUS").build()))
        .isEqualTo(ParityVerdict.MATCHED);
  }

  @Test
  void evaluate_otherUser_notAnonymous() {
    assertThat(detection.evaluate(TestEvents.anonymous().users("kubernetes-admin").build()))
        .isEqualTo(ParityVerdict.NOT_ANONYMOUS);
    assertThat(detection.evaluate(TestEvents.anonymous().users().build()))
        .isEqualTo(ParityVerdict.NOT_ANONYMOUS);
    assertThat(detection.evaluate(TestEvents.anonymous().users("system:anonymous2").build()))
        .isEqualTo(ParityVerdict.NOT_ANONYMOUS);
  }

  @Test
  void evaluate_securityScanner_excludedIgnoringCase() {
    assertThat(detection.evaluate(TestEvents.anonymous().agents("AWS Security Scanner").build()))
        .isEqualTo(ParityVerdict.EXCLUDED_USER_AGENT);
    assertThat(detection.evaluate(TestEvents.anonymous().agents("aws security SCANNER").build()))
        .isEqualTo(ParityVerdict.EXCLUDED_USER_AGENT);
    assertThat(detection.evaluate(TestEvents.anonymous().agents("AWS Security Scanner/2").build()))
        .isEqualTo(ParityVerdict.MATCHED);
  }

  @Test
  void evaluate_noAgent_missingUserAgent() {
    assertThat(detection.evaluate(TestEvents.anonymous().agents().build()))
        .isEqualTo(ParityVerdict.MISSING_USER_AGENT);
  }

  @Test
  void evaluate_noSourceIpOrGroup_missingByField() {
    assertThat(detection.evaluate(TestEvents.anonymous().ips().build()))
        .isEqualTo(ParityVerdict.MISSING_BY_FIELD);
    assertThat(detection.evaluate(TestEvents.anonymous().groups().build()))
        .isEqualTo(ParityVerdict.MISSING_BY_FIELD);
  }

  @Test
  void evaluate_userAgentCheckedBeforeByFields() {
    // Splunk's search drops on userAgent!= before stats sees the by-fields.
    assertThat(detection.evaluate(TestEvents.anonymous().agents().groups().build()))
        .isEqualTo(ParityVerdict.MISSING_USER_AGENT);
  }
}
