package io.scanwatch.core.detect;

/** What the parity detection decided about one event. */
public enum ParityVerdict {
  /** Kept: it contributes to one or more rows. */
  MATCHED,
  /** No value of {@code user.username} is {@code system:anonymous}. */
  NOT_ANONYMOUS,
  /** Anonymous, but its user agent is the excluded AWS Security Scanner. */
  EXCLUDED_USER_AGENT,
  /** Anonymous, but with no {@code userAgent} value, which {@code userAgent!=...} drops. */
  MISSING_USER_AGENT,
  /** Anonymous, but {@code sourceIPs{}} or {@code user.groups{}} has no value. */
  MISSING_BY_FIELD
}
