package io.scanwatch.spl;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings that change how a search evaluates.
 *
 * @param zone the time zone of {@code strftime}, {@code convert ctime} and day bins, as
 *     Splunk uses the searching user's zone
 * @param regexTimeout the maximum time one {@code match} call may run before the search fails
 */
public record SearchOptions(ZoneId zone, Duration regexTimeout) {

  /** UTC and a one-second regular expression limit. */
  public static final SearchOptions DEFAULTS = new SearchOptions(ZoneOffset.UTC,
      Duration.ofSeconds(1));

  /** Checks the settings. */
  public SearchOptions {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(regexTimeout, "regexTimeout");
    if (regexTimeout.isNegative() || regexTimeout.isZero()) {
      throw new IllegalArgumentException("regexTimeout must be positive, got " + regexTimeout);
    }
  }

  /** Returns these options with another time zone. */
  public SearchOptions withZone(ZoneId newZone) {
    return new SearchOptions(newZone, regexTimeout);
  }
}
