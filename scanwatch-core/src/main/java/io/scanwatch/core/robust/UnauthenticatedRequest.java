package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import java.io.Serializable;
import java.util.List;

/**
 * One unauthenticated request, built from the events (stages) that share its {@code auditID}.
 * Its fields are those of the event at the latest stage; of two events at the same stage, the one
 * added later wins. Its time is the earliest time among its events.
 *
 * @param stageRank {@link RobustDetection#stageRank} of the winning event's highest stage
 */
record UnauthenticatedRequest(
    long timeMicros,
    int stageRank,
    String source,
    String cluster,
    List<String> sourceIps,
    List<String> userAgents,
    List<String> groups,
    List<String> verbs,
    List<String> requestUris,
    List<String> reasons,
    List<String> codes)
    implements Serializable {

  static UnauthenticatedRequest of(AuditEvent event) {
    int rank = RobustDetection.UNKNOWN_STAGE;
    for (String stage : event.stages()) {
      rank = Math.max(rank, RobustDetection.stageRank(stage));
    }
    return new UnauthenticatedRequest(
        event.timeMicros(),
        rank,
        event.source(),
        event.cluster(),
        event.sourceIps(),
        event.userAgents(),
        event.groups(),
        event.verbs(),
        event.requestUris(),
        event.reasons(),
        event.codes());
  }

  /** Returns the request that results when {@code later} is seen after this one. */
  UnauthenticatedRequest combine(UnauthenticatedRequest later) {
    UnauthenticatedRequest winner = later.stageRank >= stageRank ? later : this;
    long earliest = Math.min(timeMicros, later.timeMicros);
    if (winner.timeMicros == earliest) {
      return winner;
    }
    return new UnauthenticatedRequest(
        earliest,
        winner.stageRank,
        winner.source,
        winner.cluster,
        winner.sourceIps,
        winner.userAgents,
        winner.groups,
        winner.verbs,
        winner.requestUris,
        winner.reasons,
        winner.codes);
  }
}
