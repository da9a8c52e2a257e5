package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Tunable parts of the robust detection. {@link #defaults()} gives the values below; the {@code
 * with...} methods return a copy with one part changed. See {@link SeverityRules} for how the
 * thresholds are used.
 *
 * @param scannerAgents user agents that raise a row's severity one level (default: {@link
 *     UserAgentCatalog#defaultScanners()})
 * @param healthProbers user agents whose requests to health paths are health probes (default:
 *     {@link UserAgentCatalog#defaultHealthProbers()})
 * @param allowlist entries applied to unauthenticated events before aggregation (default: {@link
 *     Allowlist#defaults()})
 * @param sensitiveSegments path segments that make a request sensitive, compared exactly with
 *     each segment of the path without its query string (default: {@link
 *     #DEFAULT_SENSITIVE_SEGMENTS})
 * @param mediumDistinctPaths distinct paths (without query string) from which a row is at least
 *     medium (default 5)
 * @param highDistinctPaths distinct paths from which a row is at least high (default 20)
 * @param maxReasonExamples paths named in one kind of reason before the rest are only counted
 *     (default 3)
 */
public record DetectionSettings(
    UserAgentCatalog scannerAgents,
    UserAgentCatalog healthProbers,
    Allowlist allowlist,
    List<String> sensitiveSegments,
    int mediumDistinctPaths,
    int highDistinctPaths,
    int maxReasonExamples)
    implements Serializable {

  /**
   * Segments of sensitive API paths: secrets, the exec, attach, port-forward and proxy
   * subresources (which reach into pods and nodes), service account tokens, certificate signing
   * requests and the RBAC resources.
   */
  public static final List<String> DEFAULT_SENSITIVE_SEGMENTS =
      List.of(
          "secrets",
          "exec",
          "attach",
          "portforward",
          "port-forward",
          "proxy",
          "token",
          "certificatesigningrequests",
          "roles",
          "rolebindings",
          "clusterroles",
          "clusterrolebindings");

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException unless {@code 1 <= mediumDistinctPaths <=
   *     highDistinctPaths} and {@code maxReasonExamples >= 1}
   */
  public DetectionSettings {
    Objects.requireNonNull(scannerAgents, "scannerAgents");
    Objects.requireNonNull(healthProbers, "healthProbers");
    Objects.requireNonNull(allowlist, "allowlist");
    sensitiveSegments = List.copyOf(sensitiveSegments);
    if (mediumDistinctPaths < 1 || highDistinctPaths < mediumDistinctPaths) {
      throw new IllegalArgumentException("distinct path thresholds must satisfy 1 <= medium <="
          + " high, got medium " + mediumDistinctPaths + " and high " + highDistinctPaths);
    }
    if (maxReasonExamples < 1) {
      throw new IllegalArgumentException("maxReasonExamples must be >= 1: " + maxReasonExamples);
    }
  }

  /** Returns the default settings. */
  public static DetectionSettings defaults() {
    return new DetectionSettings(
        UserAgentCatalog.defaultScanners(),
        UserAgentCatalog.defaultHealthProbers(),
        Allowlist.defaults(),
        DEFAULT_SENSITIVE_SEGMENTS,
        5,
        20,
        3);
  }

  public DetectionSettings withScannerAgents(UserAgentCatalog catalog) {
    return new DetectionSettings(catalog, healthProbers, allowlist, sensitiveSegments,
        mediumDistinctPaths, highDistinctPaths, maxReasonExamples);
  }

  public DetectionSettings withHealthProbers(UserAgentCatalog catalog) {
    return new DetectionSettings(scannerAgents, catalog, allowlist, sensitiveSegments,
        mediumDistinctPaths, highDistinctPaths, maxReasonExamples);
  }

  public DetectionSettings withAllowlist(Allowlist list) {
    return new DetectionSettings(scannerAgents, healthProbers, list, sensitiveSegments,
        mediumDistinctPaths, highDistinctPaths, maxReasonExamples);
  }

  public DetectionSettings withSensitiveSegments(List<String> segments) {
    return new DetectionSettings(scannerAgents, healthProbers, allowlist, segments,
        mediumDistinctPaths, highDistinctPaths, maxReasonExamples);
  }

  public DetectionSettings withDistinctPathThresholds(int medium, int high) {
    return new DetectionSettings(scannerAgents, healthProbers, allowlist, sensitiveSegments,
        medium, high, maxReasonExamples);
  }

  public DetectionSettings withMaxReasonExamples(int max) {
    return new DetectionSettings(scannerAgents, healthProbers, allowlist, sensitiveSegments,
        mediumDistinctPaths, highDistinctPaths, max);
  }
}
