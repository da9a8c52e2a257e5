package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.Objects;

/**
 * A {@code sourceIPs} value, parsed and classified by {@link IpAddresses#classify}.
 *
 * @param text the canonical form of a valid address (IPv4 dotted decimal, IPv6 as RFC 5952
 *     writes it), or the value unchanged when it is {@link AddressScope#INVALID}
 * @param scope public, non-public or invalid
 * @param range the reserved block and its RFC for a {@link AddressScope#NON_PUBLIC} address, such
 *     as {@code "10.0.0.0/8 private (RFC 1918)"}; null otherwise
 */
public record SourceAddress(String text, AddressScope scope, String range)
    implements Serializable {

  public SourceAddress {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(scope, "scope");
    if ((scope == AddressScope.NON_PUBLIC) != (range != null)) {
      throw new IllegalArgumentException("range must be given exactly for a non-public address");
    }
  }
}
