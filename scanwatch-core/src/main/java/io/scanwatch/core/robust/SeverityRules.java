package io.scanwatch.core.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rates a scan row. Paths are compared without their query string; thresholds come from {@link
 * DetectionSettings} (defaults in brackets).
 *
 * <ol>
 *   <li>Breadth: a row whose paths are all public is {@link Severity#INFO} ("only public paths").
 *       Otherwise, also when its requests had no {@code requestURI}, it is {@link Severity#LOW},
 *       {@link Severity#MEDIUM} from {@code mediumDistinctPaths} [5] distinct paths and {@link
 *       Severity#HIGH} from {@code highDistinctPaths} [20] ("47 distinct paths").
 *   <li>Sensitive paths: a request, whatever its response, to a path with a segment in {@code
 *       sensitiveSegments} makes the row {@link Severity#HIGH} ("sensitive path:
 *       /api/v1/namespaces/default/secrets").
 *   <li>Known scanner user agents: when a user agent matches {@code scannerAgents}, the level
 *       from rules 1 and 2 goes up by one, to {@link Severity#HIGH} at most ("known scanner user
 *       agent: zgrab").
 *   <li>Access granted: a 2xx response on a path that is not public makes the row {@link
 *       Severity#CRITICAL} ("2xx on /api/v1/secrets"). So does 101 Switching Protocols, the
 *       response of an exec, attach or port-forward stream that was opened ("101 on ...").
 * </ol>
 *
 * <p>Public paths: {@code /version}, {@code /.well-known/openid-configuration}, {@code
 * /openid/v1/jwks}, and {@code /healthz}, {@code /livez}, {@code /readyz} with the paths below
 * them. Whether the address is public does not change the severity; the row reports its scope.
 * Reasons list every rule that fired, most severe first, and name at most {@code
 * maxReasonExamples} [3] paths per rule before counting the rest.
 */
public final class SeverityRules {

  private SeverityRules() {}

  /** A level with the reasons that produced it. */
  record Rating(Severity severity, List<String> reasons) {}

  /**
   * Rates a row.
   *
   * @param paths the row's distinct paths without query strings, sorted
   * @param grantedPaths non-public paths that got access, sorted, each with {@code "2xx"} or
   *     {@code "101"}
   * @param sensitivePaths paths with a sensitive segment, sorted
   * @param scannerNames names of matched scanner user agents, sorted
   */
  static Rating rate(
      List<String> paths,
      Map<String, String> grantedPaths,
      List<String> sensitivePaths,
      List<String> scannerNames,
      DetectionSettings settings) {
    List<String> reasons = new ArrayList<>();
    int examples = settings.maxReasonExamples();

    int listed = 0;
    for (Map.Entry<String, String> granted : grantedPaths.entrySet()) {
      if (listed++ < examples) {
        reasons.add(granted.getValue() + " on " + granted.getKey());
      }
    }
    if (grantedPaths.size() > examples) {
      reasons.add("access granted on " + (grantedPaths.size() - examples)
          + " more non-public paths");
    }

    for (int i = 0; i < Math.min(examples, sensitivePaths.size()); i++) {
      reasons.add("sensitive path: " + sensitivePaths.get(i));
    }
    if (sensitivePaths.size() > examples) {
      reasons.add((sensitivePaths.size() - examples) + " more sensitive paths");
    }

    Severity level = breadthLevel(paths, settings);
    reasons.add(level == Severity.INFO ? "only public paths" : distinctPaths(paths.size()));
    if (!sensitivePaths.isEmpty()) {
      level = Severity.max(level, Severity.HIGH);
    }

    if (!scannerNames.isEmpty()) {
      level = level.raise(Severity.HIGH);
      for (String name : scannerNames) {
        reasons.add("known scanner user agent: " + name);
      }
    }
    if (!grantedPaths.isEmpty()) {
      level = Severity.CRITICAL;
    }
    return new Rating(level, reasons);
  }

  private static Severity breadthLevel(List<String> paths, DetectionSettings settings) {
    boolean allPublic = !paths.isEmpty();
    for (String path : paths) {
      allPublic &= ApiPaths.isPublicPath(path);
    }
    if (allPublic) {
      return Severity.INFO;
    }
    if (paths.size() >= settings.highDistinctPaths()) {
      return Severity.HIGH;
    }
    return paths.size() >= settings.mediumDistinctPaths() ? Severity.MEDIUM : Severity.LOW;
  }

  private static String distinctPaths(int count) {
    return count == 1 ? "1 distinct path" : count + " distinct paths";
  }
}
