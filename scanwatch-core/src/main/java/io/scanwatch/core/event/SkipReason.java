package io.scanwatch.core.event;

/** Why an input record produced no event, or why a detection dropped an event it could read. */
public enum SkipReason {
  INVALID_JSON("invalid JSON"),
  TRUNCATED("truncated by CloudWatch"),
  NOT_AUDIT_EVENT("not an audit event"),
  CONTROL_MESSAGE("control message"),
  NO_TIMESTAMP("no timestamp"),
  MISSING_BY_FIELD("missing by-field"),
  MISSING_USER_AGENT("missing userAgent");

  private final String label;

  SkipReason(String label) {
    this.label = label;
  }

  /** The wording used in summaries. */
  public String label() {
    return label;
  }
}
