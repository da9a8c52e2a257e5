package io.scanwatch.core.robust;

/** The outcome of {@link RobustAggregator#add} for one event. */
public enum RobustVerdict {
  /** The event is authenticated, so the robust detection ignores it. */
  NOT_UNAUTHENTICATED,
  /** Unauthenticated, but an allowlist entry matched it; it is counted for that entry. */
  ALLOWLISTED,
  /** Unauthenticated and remembered as (a stage of) a request. */
  ADDED
}
