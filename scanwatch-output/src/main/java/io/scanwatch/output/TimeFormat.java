package io.scanwatch.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Renders {@code _time} as {@code security_content_ctime} does: {@code %Y-%m-%dT%H:%M:%S} in the
 * searching user's time zone, the fraction of a second dropped rather than rounded.
 */
public final class TimeFormat {

  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final ZoneId zone;

  public TimeFormat(ZoneId zone) {
    this.zone = zone;
  }

  public String format(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    return PATTERN.format(Instant.ofEpochSecond(seconds).atZone(zone));
  }
}
