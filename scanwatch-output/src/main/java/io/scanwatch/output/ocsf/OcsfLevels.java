package io.scanwatch.output.ocsf;

import io.scanwatch.core.robust.Severity;

/**
 * The OCSF 1.1.0 enum values that scanwatch levels and scores map to, with the caption that the
 * schema gives each id. OCSF defines no bands for scores, so the bands of {@link #confidenceId} and
 * {@link #impactId} are scanwatch's own: equal parts of the range 0 to 100.
 */
final class OcsfLevels {

  /** {@code confidence_id} and {@code impact_id} 0, for a score outside 0 to 100. */
  static final int UNKNOWN = 0;

  private static final String[] SEVERITY_CAPTIONS = {
    "Unknown", "Informational", "Low", "Medium", "High", "Critical"
  };
  private static final String[] CONFIDENCE_CAPTIONS = {"Unknown", "Low", "Medium", "High"};
  private static final String[] IMPACT_CAPTIONS = {"Unknown", "Low", "Medium", "High", "Critical"};

  private OcsfLevels() {}

  /** Returns the {@code severity_id}: 1 (Informational) for info up to 5 (Critical). */
  static int severityId(Severity severity) {
    return switch (severity) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  static String severityCaption(int severityId) {
    return SEVERITY_CAPTIONS[severityId];
  }

  /**
   * Returns the {@code confidence_id} of a confidence score: 1 (Low) up to 33, 2 (Medium) up to
   * 66, 3 (High) up to 100, else 0 (Unknown).
   */
  static int confidenceId(int score) {
    if (score < 0 || score > 100) {
      return UNKNOWN;
    }
    if (score <= 33) {
      return 1;
    }
    return score <= 66 ? 2 : 3;
  }

  static String confidenceCaption(int confidenceId) {
    return CONFIDENCE_CAPTIONS[confidenceId];
  }

  /**
   * Returns the {@code impact_id} of an impact score: 1 (Low) up to 25, 2 (Medium) up to 50, 3
   * (High) up to 75, 4 (Critical) up to 100, else 0 (Unknown).
   */
  static int impactId(int score) {
    if (score < 0 || score > 100) {
      return UNKNOWN;
    }
    if (score <= 25) {
      return 1;
    }
    if (score <= 50) {
      return 2;
    }
    return score <= 75 ? 3 : 4;
  }

  static String impactCaption(int impactId) {
    return IMPACT_CAPTIONS[impactId];
  }
}
