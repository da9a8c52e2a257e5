package io.scanwatch.input;

import io.scanwatch.core.event.Timestamps;

/**
 * Where records come from and what their shape settles for them.
 *
 * @param source Splunk's {@code source} for events read here
 * @param cluster the cluster name events get when no log group names one, or null
 * @param timeMicros {@code _time} taken from a wrapper (a leading timestamp), or {@link
 *     Timestamps#INVALID} when the event's own time fields give it
 */
record Origin(String source, String cluster, long timeMicros) {

  Origin withTime(long micros) {
    return new Origin(source, cluster, micros);
  }

  Origin withSource(String newSource) {
    return new Origin(newSource, cluster, timeMicros);
  }
}
