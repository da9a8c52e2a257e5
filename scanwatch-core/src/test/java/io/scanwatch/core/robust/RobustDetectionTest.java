package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RobustDetectionTest {

  private static final String REJECTED_TAIL =
      "\"sourceIPs\":[\"203.0.113.7\"],\"requestURI\":\"/api\",\"verb\":\"get\","
          + "\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\","
          + "\"reason\":\"Unauthorized\",\"code\":401},"
          + "\"requestReceivedTimestamp\":\"2026-12-04T16:01:38.667638Z\"}";

  @Test
  void isUnauthenticated_401WithUserAbsent_true() throws IOException {
    AuditEvent event = AuditJson.parse("{\"auditID\":\"a\",\"stage\":\"ResponseStarted\","
        + REJECTED_TAIL, "t.log", 1);

    assertThat(event.usernames()).isEmpty();
    assertThat(RobustDetection.isUnauthenticated(event)).isTrue();
  }

  @Test
  void isUnauthenticated_401WithEmptyUserObject_true() throws IOException {
    AuditEvent event = AuditJson.parse("{\"auditID\":\"a\",\"user\":{}," + REJECTED_TAIL,
        "t.log", 1);

    assertThat(RobustDetection.isUnauthenticated(event)).isTrue();
  }

  @Test
  void isUnauthenticated_401WithEmptyUsername_true() throws IOException {
    AuditEvent event = AuditJson.parse(
        "{\"auditID\":\"a\",\"user\":{\"username\":\"\",\"groups\":[]}," + REJECTED_TAIL,
        "t.log", 1);

    assertThat(RobustDetection.isUnauthenticated(event)).isTrue();
  }

  @Test
  void isUnauthenticated_401WithNullUsername_true() throws IOException {
    AuditEvent event = AuditJson.parse("{\"user\":{\"username\":null}," + REJECTED_TAIL,
        "t.log", 1);

    assertThat(RobustDetection.isUnauthenticated(event)).isTrue();
  }

  @Test
  void isUnauthenticated_anonymousAnyCase_true() {
    assertThat(RobustDetection.isUnauthenticated(
        RobustEvents.anonymous().codes("200").build())).isTrue();
    assertThat(RobustDetection.isUnauthenticated(
        RobustEvents.anonymous().users("System:Anonymous").build())).isTrue();
    assertThat(RobustDetection.isUnauthenticated(
        RobustEvents.anonymous().users("admin", "system:anonymous").build())).isTrue();
  }

  @Test
  void isUnauthenticated_401AsDecimalText_true() {
    assertThat(RobustDetection.isUnauthenticated(RobustEvents.rejected().codes("401.0").build()))
        .isTrue();
  }

  @Test
  void isUnauthenticated_namedUserWith401_false() {
    assertThat(RobustDetection.isUnauthenticated(
        RobustEvents.rejected().users("kubernetes-admin").build())).isFalse();
  }

  @Test
  void isUnauthenticated_noUserWithoutA401_false() {
    assertThat(RobustDetection.isUnauthenticated(RobustEvents.rejected().codes("403").build()))
        .isFalse();
    assertThat(RobustDetection.isUnauthenticated(RobustEvents.rejected().codes().build()))
        .isFalse();
    assertThat(RobustDetection.isUnauthenticated(
        RobustEvents.rejected().users("system:anonymous-ish").build())).isFalse();
  }

  @Test
  void stageRank_ordersStages() {
    assertThat(RobustDetection.stageRank("RequestReceived")).isEqualTo(0);
    assertThat(RobustDetection.stageRank("ResponseStarted")).isEqualTo(1);
    assertThat(RobustDetection.stageRank("ResponseComplete")).isEqualTo(2);
    assertThat(RobustDetection.stageRank("Panic")).isEqualTo(3);
    assertThat(RobustDetection.stageRank("responsecomplete")).isEqualTo(2);
    assertThat(RobustDetection.stageRank("RESPONSESTARTED")).isEqualTo(1);
    assertThat(RobustDetection.stageRank("Done")).isEqualTo(-1);
  }
}
