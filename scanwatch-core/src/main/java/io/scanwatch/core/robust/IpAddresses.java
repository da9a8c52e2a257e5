package io.scanwatch.core.robust;

import java.util.List;

/**
 * Parses IPv4 and IPv6 address text without any name lookup, and classifies each address as
 * public or as private or reserved.
 *
 * <p>Accepted text: IPv4 as four decimal parts 0 to 255 without leading zeros ({@code 010.0.0.1}
 * is rejected because some parsers read it as octal; Go's {@code net.ParseIP}, which writes the
 * API server's {@code sourceIPs}, rejects it too since Go 1.17). IPv6 as RFC 4291 text: one to
 * four hex digits a group, at most one {@code ::}, an optional trailing IPv4 part, letters in
 * either case. Zone ids ({@code fe80::1%eth0}), brackets, ports, CIDR suffixes and surrounding
 * spaces are rejected, so such values are reported as invalid text.
 *
 * <p>Non-public blocks, IPv4 (from the IANA IPv4 Special-Purpose Address Registry, RFC 6890):
 * 0.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 172.16.0.0/12,
 * 192.0.0.0/24, 192.0.2.0/24, 192.88.99.0/24, 192.168.0.0/16, 198.18.0.0/15, 198.51.100.0/24,
 * 203.0.113.0/24, 224.0.0.0/4 and 240.0.0.0/4 (which holds 255.255.255.255). IPv6: ::/128,
 * ::1/128, 64:ff9b:1::/48, 100::/64, 2001:2::/48, 2001:db8::/32, 3fff::/20, fc00::/7,
 * fe80::/10, fec0::/10, ff00::/8, and every address outside the global unicast block 2000::/3.
 * An IPv4-mapped address ({@code ::ffff:a.b.c.d}) and one in the NAT64 prefix 64:ff9b::/96 are
 * classified by the IPv4 address they carry. Teredo (2001::/32) and 6to4 (2002::/16) addresses
 * count as public.
 */
public final class IpAddresses {

  private static final long MAPPED_HIGH = 0L;
  private static final long MAPPED_LOW_PREFIX = 0x0000_ffff_0000_0000L;
  private static final long NAT64_HIGH = 0x0064_ff9b_0000_0000L;
  private static final int MAX_IPV6_TEXT = 45;

  private static final List<Block> IPV4_BLOCKS =
      List.of(
          v4("0.0.0.0", 8, "this network (RFC 1122)"),
          v4("10.0.0.0", 8, "private (RFC 1918)"),
          v4("100.64.0.0", 10, "shared address space, carrier-grade NAT (RFC 6598)"),
          v4("127.0.0.0", 8, "loopback (RFC 1122)"),
          v4("169.254.0.0", 16, "link-local (RFC 3927)"),
          v4("172.16.0.0", 12, "private (RFC 1918)"),
          v4("192.0.0.0", 24, "IETF protocol assignments (RFC 6890)"),
          v4("192.0.2.0", 24, "documentation TEST-NET-1 (RFC 5737)"),
          v4("192.88.99.0", 24, "6to4 relay anycast, deprecated (RFC 7526)"),
          v4("192.168.0.0", 16, "private (RFC 1918)"),
          v4("198.18.0.0", 15, "benchmarking (RFC 2544)"),
          v4("198.51.100.0", 24, "documentation TEST-NET-2 (RFC 5737)"),
          v4("203.0.113.0", 24, "documentation TEST-NET-3 (RFC 5737)"),
          v4("224.0.0.0", 4, "multicast (RFC 5771)"),
          v4("240.0.0.0", 4, "reserved (RFC 1112)"));

  private static final List<Block> IPV6_BLOCKS =
      List.of(
          v6("::", 128, "unspecified (RFC 4291)"),
          v6("::1", 128, "loopback (RFC 4291)"),
          v6("64:ff9b:1::", 48, "local-use NAT64 (RFC 8215)"),
          v6("100::", 64, "discard-only (RFC 6666)"),
          v6("2001:2::", 48, "benchmarking (RFC 5180)"),
          v6("2001:db8::", 32, "documentation (RFC 3849)"),
          v6("3fff::", 20, "documentation (RFC 9637)"),
          v6("fc00::", 7, "unique local (RFC 4193)"),
          v6("fe80::", 10, "link-local (RFC 4291)"),
          v6("fec0::", 10, "site-local, deprecated (RFC 3879)"),
          v6("ff00::", 8, "multicast (RFC 4291)"));

  private static final Block GLOBAL_UNICAST = v6("2000::", 3, "global unicast");

  private IpAddresses() {}

  /**
   * Parses and classifies a non-null {@code sourceIPs} value without any name lookup. Text that is
   * not an address gives {@link AddressScope#INVALID} rather than an exception.
   */
  public static SourceAddress classify(String text) {
    IpAddress address = parse(text);
    if (address == null) {
      return new SourceAddress(text, AddressScope.INVALID, null);
    }
    String range = nonPublicRange(address);
    AddressScope scope = range == null ? AddressScope.PUBLIC : AddressScope.NON_PUBLIC;
    return new SourceAddress(address.toString(), scope, range);
  }

  /** Parses IPv4 or IPv6 text as described on the class; returns null for anything else. */
  static IpAddress parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_IPV6_TEXT) {
      return null;
    }
    if (text.indexOf(':') < 0) {
      long ipv4 = parseIpv4(text, 0, text.length());
      return ipv4 < 0 ? null : IpAddress.ofIpv4((int) ipv4);
    }
    return parseIpv6(text);
  }

  private static String nonPublicRange(IpAddress address) {
    boolean mapped = address.high() == MAPPED_HIGH
        && (address.low() & 0xffff_ffff_0000_0000L) == MAPPED_LOW_PREFIX;
    boolean nat64 = address.high() == NAT64_HIGH && (address.low() >>> 32) == 0;
    if (mapped || nat64) {
      IpAddress embedded = IpAddress.ofIpv4((int) address.low());
      for (Block block : IPV4_BLOCKS) {
        if (block.contains(embedded)) {
          return block.label();
        }
      }
      return null;
    }
    for (Block block : IPV6_BLOCKS) {
      if (block.contains(address)) {
        return block.label();
      }
    }
    if (!GLOBAL_UNICAST.contains(address)) {
      return "outside global unicast 2000::/3 (RFC 4291)";
    }
    return null;
  }

  /** Returns the address as an unsigned 32-bit value, or -1 when the text is not dotted IPv4. */
  static long parseIpv4(String text, int start, int end) {
    long value = 0;
    int position = start;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (position >= end || text.charAt(position) != '.') {
          return -1;
        }
        position++;
      }
      int partStart = position;
      int number = 0;
      while (position < end && position - partStart < 3 && isDigit(text.charAt(position))) {
        number = number * 10 + (text.charAt(position) - '0');
        position++;
      }
      int length = position - partStart;
      boolean leadingZero = length > 1 && text.charAt(partStart) == '0';
      if (length == 0 || leadingZero || number > 255) {
        return -1;
      }
      value = (value << 8) | number;
    }
    return position == end ? value : -1;
  }

  private static IpAddress parseIpv6(String text) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int position = 0;
    int end = text.length();
    if (text.startsWith("::")) {
      gap = 0;
      position = 2;
    } else if (text.charAt(0) == ':') {
      return null;
    }
    while (position < end) {
      int groupStart = position;
      int value = 0;
      while (position < end && position - groupStart < 5 && hexValue(text.charAt(position)) >= 0) {
        value = (value << 4) | hexValue(text.charAt(position));
        position++;
      }
      if (position < end && text.charAt(position) == '.') {
        // A trailing IPv4 part fills the last two groups.
        long ipv4 = count <= 6 ? parseIpv4(text, groupStart, end) : -1;
        if (ipv4 < 0) {
          return null;
        }
        groups[count++] = (int) (ipv4 >>> 16);
        groups[count++] = (int) (ipv4 & 0xffff);
        position = end;
        break;
      }
      int length = position - groupStart;
      if (length == 0 || length > 4 || count == 8) {
        return null;
      }
      groups[count++] = value;
      if (position == end) {
        break;
      }
      if (text.charAt(position) != ':') {
        return null;
      }
      position++;
      if (position < end && text.charAt(position) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        position++;
      } else if (position == end) {
        return null;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      int tail = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    return IpAddress.ofGroups(full);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static Block v4(String text, int prefixLength, String name) {
    return new Block(parse(text), 96 + prefixLength, text + "/" + prefixLength + " " + name);
  }

  private static Block v6(String text, int prefixLength, String name) {
    return new Block(parse(text), prefixLength, text + "/" + prefixLength + " " + name);
  }

  /** An address block with the text that names it in reports. */
  private record Block(IpAddress network, int prefixLength, String label) {
    boolean contains(IpAddress address) {
      return address.hasPrefix(network, prefixLength);
    }
  }
}
