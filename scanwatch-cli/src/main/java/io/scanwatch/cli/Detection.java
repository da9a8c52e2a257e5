package io.scanwatch.cli;

/** The detections {@code --detection} selects. */
enum Detection {
  /** The Splunk analytic, with the rows Splunk gives. */
  parity,
  /** Unauthenticated requests per source address, ranked by severity. */
  robust
}
