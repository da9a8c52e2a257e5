package io.scanwatch.output.ocsf;

import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustRow;
import java.util.Locale;

/** The sentences of a finding: its title, its one-line message and its description. */
final class FindingText {

  private FindingText() {}

  /** Returns the title, such as {@code Kubernetes API scan from 203.0.113.7}. */
  static String title(RobustRow row) {
    return "Kubernetes API scan from " + row.address();
  }

  /**
   * Returns the message: the title, the requests, and the severity with its most severe reason,
   * such as {@code Kubernetes API scan from 203.0.113.7: 3 unauthenticated requests, severity
   * critical (2xx on /api/v1/secrets)}.
   */
  static String message(RobustRow row) {
    StringBuilder text = new StringBuilder(title(row));
    text.append(": ").append(count(row.requests(), "unauthenticated request"));
    text.append(", severity ").append(severityName(row));
    if (!row.reasons().isEmpty()) {
      text.append(" (").append(row.reasons().get(0)).append(')');
    }
    return text.toString();
  }

  /**
   * Returns the description: requests, distinct paths and responses by class, the role of the
   * address when it was not always the connecting peer, and the severity with every reason.
   */
  static String description(RobustRow row) {
    ResponseShares responses = row.responses();
    StringBuilder text = new StringBuilder(row.address());
    text.append(" sent ").append(count(row.requests(), "unauthenticated request"));
    text.append(" to ").append(count(row.paths().size(), "distinct path"));
    text.append(" of the Kubernetes API server. Responses: ");
    text.append(responses.success()).append(" 2xx, ");
    text.append(responses.unauthorized()).append(" 401, ");
    text.append(responses.forbidden()).append(" 403, ");
    text.append(responses.notFound()).append(" 404.");
    if (row.role() == IpRole.FORWARDED_FOR_ONLY) {
      text.append(" The address was only ever an X-Forwarded-For entry, which the client writes.");
    } else if (row.role() == IpRole.BOTH) {
      text.append(" The address was the connecting peer of ").append(row.peerRequests());
      text.append(" and an X-Forwarded-For entry of ").append(row.forwardedRequests());
      text.append(" of these requests.");
    }
    text.append(" Severity ").append(severityName(row));
    if (row.reasons().isEmpty()) {
      text.append('.');
    } else {
      text.append(": ").append(String.join("; ", row.reasons())).append('.');
    }
    return text.toString();
  }

  private static String severityName(RobustRow row) {
    return row.severity().name().toLowerCase(Locale.ROOT);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
