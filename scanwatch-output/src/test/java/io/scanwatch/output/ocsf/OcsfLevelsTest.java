package io.scanwatch.output.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.robust.Severity;
import org.junit.jupiter.api.Test;

class OcsfLevelsTest {

  @Test
  void severityId_everyLevel() {
    assertThat(OcsfLevels.severityId(Severity.INFO)).isEqualTo(1);
    assertThat(OcsfLevels.severityId(Severity.LOW)).isEqualTo(2);
    assertThat(OcsfLevels.severityId(Severity.MEDIUM)).isEqualTo(3);
    assertThat(OcsfLevels.severityId(Severity.HIGH)).isEqualTo(4);
    assertThat(OcsfLevels.severityId(Severity.CRITICAL)).isEqualTo(5);
  }

  @Test
  void confidenceId_bandEdges() {
    int[][] cases = {{-1, 0}, {0, 1}, {33, 1}, {34, 2}, {50, 2}, {66, 2}, {67, 3}, {100, 3},
        {101, 0}};
    for (int[] scoreAndId : cases) {
      assertThat(OcsfLevels.confidenceId(scoreAndId[0])).as("score %d", scoreAndId[0])
          .isEqualTo(scoreAndId[1]);
    }
  }

  @Test
  void impactId_bandEdges() {
    int[][] cases = {{-1, 0}, {0, 1}, {25, 1}, {26, 2}, {50, 2}, {51, 3}, {75, 3}, {76, 4},
        {100, 4}, {101, 0}};
    for (int[] scoreAndId : cases) {
      assertThat(OcsfLevels.impactId(scoreAndId[0])).as("score %d", scoreAndId[0])
          .isEqualTo(scoreAndId[1]);
    }
  }
}
