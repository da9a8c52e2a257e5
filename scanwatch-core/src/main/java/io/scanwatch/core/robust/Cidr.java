package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. A bare
 * address is a block of one ({@code /32} or {@code /128}). An IPv4 block also contains the
 * IPv4-mapped IPv6 form of its addresses ({@code ::ffff:10.1.2.3}).
 * Two blocks are equal when they hold the same addresses, whatever their text.
 */
public final class Cidr implements Serializable {

  private final String text;
  private final IpAddress network;
  private final int prefixLength;

  private Cidr(String text, IpAddress network, int prefixLength) {
    this.text = text;
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code address/length} or a bare address. Host bits after the prefix are allowed and
   * ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
   *
   * @throws IllegalArgumentException if the address or the length is invalid
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    IpAddress address = IpAddresses.parse(addressText);
    if (address == null) {
      throw new IllegalArgumentException("invalid CIDR '" + text + "': '" + addressText
          + "' is not an IPv4 or IPv6 address");
    }
    int maxLength = address.ipv4() ? 32 : 128;
    int length = maxLength;
    if (slash >= 0) {
      String lengthText = text.substring(slash + 1);
      length = lengthText.matches("[0-9]{1,3}") ? Integer.parseInt(lengthText) : -1;
      if (length < 0 || length > maxLength) {
        throw new IllegalArgumentException("invalid CIDR '" + text + "': prefix length must be 0"
            + " to " + maxLength);
      }
    }
    int bits = address.ipv4() ? 96 + length : length;
    return new Cidr(text, address.withoutHostBits(bits), bits);
  }

  /**
   * Parses as {@link #parse} does, but rejects an address with host bits after the prefix
   * ({@code 10.0.0.7/8}), which more likely means a mistyped length than the whole block.
   *
   * @throws IllegalArgumentException if the address or the length is invalid, or host bits are
   *     set, naming the block the text stands for
   */
  public static Cidr parseExact(String text) {
    Cidr cidr = parse(text);
    int slash = text.indexOf('/');
    IpAddress written = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
    if (written.high() != cidr.network.high() || written.low() != cidr.network.low()) {
      int length = cidr.prefixLength - (written.ipv4() ? 96 : 0);
      throw new IllegalArgumentException("invalid CIDR '" + text + "': bits are set after the /"
          + length + " prefix; write " + cidr.network + "/" + length + " for the block, or "
          + written + "/" + (written.ipv4() ? 32 : 128) + " for the one address");
    }
    return cidr;
  }

  /** Returns the block as it was written. */
  public String text() {
    return text;
  }

  /** Tests whether the parsed address lies in this block. */
  boolean contains(IpAddress address) {
    return address.hasPrefix(network, prefixLength);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr
        && prefixLength == cidr.prefixLength
        && network.high() == cidr.network.high()
        && network.low() == cidr.network.low();
  }

  @Override
  public int hashCode() {
    return Objects.hash(network.high(), network.low(), prefixLength);
  }

  @Override
  public String toString() {
    return text;
  }
}
