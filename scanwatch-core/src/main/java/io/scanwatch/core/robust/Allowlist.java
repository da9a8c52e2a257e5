package io.scanwatch.core.robust;

import io.scanwatch.core.event.AuditEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted traffic, applied to each event before aggregation. An event that an entry matches is
 * left out of the rows and counted for the first entry that matches it, so every suppression is
 * reported. Entries are built in code; reading them from a file is up to the caller.
 *
 * @param entries tried in order
 */
public record Allowlist(List<AllowlistEntry> entries) implements Serializable {

  /** The reason of the default entry. */
  public static final String AWS_SECURITY_SCANNER_REASON =
      "AWS Security Scanner (excluded by the Splunk analytic)";

  private static final Allowlist DEFAULT =
      new Allowlist(
          List.of(
              AllowlistEntry.ofUserAgents(AWS_SECURITY_SCANNER_REASON, "AWS Security Scanner")));

  public Allowlist {
    entries = List.copyOf(entries);
  }

  /**
   * Returns the default allowlist: one entry for the user agent {@code AWS Security Scanner}
   * (ignoring ASCII case), which the Splunk analytic excludes with {@code userAgent!=}.
   */
  public static Allowlist defaults() {
    return DEFAULT;
  }

  /** Returns an allowlist with no entries. */
  public static Allowlist empty() {
    return new Allowlist(List.of());
  }

  /** Returns an allowlist with this one's entries followed by {@code more}. */
  public Allowlist plus(List<AllowlistEntry> more) {
    List<AllowlistEntry> all = new ArrayList<>(entries);
    all.addAll(more);
    return new Allowlist(all);
  }

  /** Returns the index of the first entry that matches {@code event}, or -1 when none does. */
  public int firstMatch(AuditEvent event) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).matches(event)) {
        return i;
      }
    }
    return -1;
  }
}
