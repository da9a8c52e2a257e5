package io.scanwatch.core.robust;

/**
 * The positions an address took in the {@code sourceIPs} of a row's requests. The API server
 * lists the {@code X-Forwarded-For} entries first, in header order, and the connecting peer last.
 * So only the last entry is an address the server saw, and the others are whatever the client
 * wrote.
 */
public enum IpRole {
  /** Always the last entry: the TCP peer (or the proxy in front of the server). */
  CONNECTING_PEER,
  /** Never the last entry, so only a client-supplied {@code X-Forwarded-For} value. */
  FORWARDED_FOR_ONLY,
  /** The last entry of some requests and an earlier entry of others (or of the same one). */
  BOTH;

  static IpRole of(boolean seenAsPeer, boolean seenAsForwarded) {
    if (seenAsPeer && seenAsForwarded) {
      return BOTH;
    }
    return seenAsPeer ? CONNECTING_PEER : FORWARDED_FOR_ONLY;
  }
}
