package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.text.Ascii;

/**
 * Event-level rules of the robust detection. Stateless and thread-safe.
 *
 * <p>An event is unauthenticated when a {@code user.username} value equals {@code
 * system:anonymous} ignoring ASCII case (the API server's anonymous user, when anonymous access is
 * on), or when {@code user.username} has no value and a {@code responseStatus.code} value is 401.
 * The second form is how the API server logs a request it rejected before it knew a user: with
 * anonymous access off, and on EKS 1.32 and later for every path but {@code /healthz}, {@code
 * /livez} and {@code /readyz}, such a request is one event with {@code "user":{}} and code 401.
 */
public final class RobustDetection {

  public static final String ANONYMOUS_USER = "system:anonymous";

  /** Rank of an event without a {@code stage} value or with an unknown one: below every stage. */
  static final int UNKNOWN_STAGE = -1;

  private RobustDetection() {}

  /** Tests whether {@code event} is unauthenticated, as defined on the class. */
  public static boolean isUnauthenticated(AuditEvent event) {
    for (String username : event.usernames()) {
      if (Ascii.equalsIgnoreCase(username, ANONYMOUS_USER)) {
        return true;
      }
    }
    return event.usernames().isEmpty() && StatusCodes.anyInRange(event.codes(), 401, 401);
  }

  /**
   * Returns the rank of an audit stage: {@code RequestReceived} 0, {@code ResponseStarted} 1,
   * {@code ResponseComplete} 2, {@code Panic} 3, ignoring ASCII case as field values are compared
   * elsewhere; anything else is {@link #UNKNOWN_STAGE}.
   */
  static int stageRank(String stage) {
    return switch (asciiLowerCase(stage)) {
      case "requestreceived" -> 0;
      case "responsestarted" -> 1;
      case "responsecomplete" -> 2;
      case "panic" -> 3;
      default -> UNKNOWN_STAGE;
    };
  }

  private static String asciiLowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      lower.append(Ascii.toLower(text.charAt(i)));
    }
    return lower.toString();
  }
}
