package io.scanwatch.core.robust;

/**
 * The urgency of a finding, from least to most severe, so that {@link #compareTo} ranks a more
 * severe level higher. {@link SeverityRules} states when each level applies.
 */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Returns the next level up, stopping at {@code ceiling}. */
  Severity raise(Severity ceiling) {
    if (compareTo(ceiling) >= 0) {
      return this;
    }
    return values()[ordinal() + 1];
  }

  static Severity max(Severity left, Severity right) {
    return left.compareTo(right) >= 0 ? left : right;
  }
}
