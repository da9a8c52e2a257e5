package io.scanwatch.core.detect;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.text.Ascii;

/**
 * The filter of the Splunk ESCU search "Amazon EKS Kubernetes cluster scan detection" (id
 * 294c4686-63dd-4fe6-93a2-ca807626704a, version 3), evaluated as Splunk evaluates it:
 *
 * <pre>
 * "user.username"="system:anonymous" userAgent!="AWS Security Scanner"
 * | rename sourceIPs{} as src_ip | stats ... by src_ip user.username user.groups{}
 * </pre>
 *
 * <p>Field=value terms ignore ASCII case. {@code userAgent!=value} keeps an event only when it has
 * a {@code userAgent} value other than the excluded one; with several values, one such value is
 * enough. {@code stats ... by} drops an event that has no value for a by-field. Stateless and
 * thread-safe.
 */
public final class ParityDetection {

  public static final String ANONYMOUS_USER = "system:anonymous";
  public static final String EXCLUDED_USER_AGENT = "AWS Security Scanner";

  public ParityVerdict evaluate(AuditEvent event) {
    if (!containsIgnoreCase(event.usernames(), ANONYMOUS_USER)) {
      return ParityVerdict.NOT_ANONYMOUS;
    }
    if (event.userAgents().isEmpty()) {
      return ParityVerdict.MISSING_USER_AGENT;
    }
    if (!hasValueOtherThan(event.userAgents(), EXCLUDED_USER_AGENT)) {
      return ParityVerdict.EXCLUDED_USER_AGENT;
    }
    if (event.sourceIps().isEmpty() || event.groups().isEmpty()) {
      return ParityVerdict.MISSING_BY_FIELD;
    }
    return ParityVerdict.MATCHED;
  }

  private static boolean containsIgnoreCase(Iterable<String> values, String wanted) {
    for (String value : values) {
      if (Ascii.equalsIgnoreCase(value, wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasValueOtherThan(Iterable<String> values, String excluded) {
    for (String value : values) {
      if (!Ascii.equalsIgnoreCase(value, excluded)) {
        return true;
      }
    }
    return false;
  }
}
