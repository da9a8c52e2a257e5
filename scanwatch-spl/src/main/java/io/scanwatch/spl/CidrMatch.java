package io.scanwatch.spl;

import java.math.BigInteger;

/**
 * Tests IPv4 and IPv6 addresses against CIDR blocks for the eval function {@code cidrmatch}.
 * Parsing is textual, so no host name is ever resolved. An IPv4 block matches IPv4 addresses
 * only and an IPv6 block IPv6 addresses only.
 */
final class CidrMatch {

  private CidrMatch() {}

  /** Tests whether {@code address} lies in {@code cidr}; invalid text gives false. */
  static boolean matches(String cidr, String address) {
    int slash = cidr.indexOf('/');
    byte[] network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
    byte[] candidate = parse(address);
    if (network == null || candidate == null || network.length != candidate.length) {
      return false;
    }
    int bits = network.length * 8;
    if (slash >= 0) {
      String lengthText = cidr.substring(slash + 1);
      if (!lengthText.matches("[0-9]{1,3}") || Integer.parseInt(lengthText) > bits) {
        return false;
      }
      bits = Integer.parseInt(lengthText);
    }
    int shift = network.length * 8 - bits;
    BigInteger left = new BigInteger(1, network).shiftRight(shift);
    BigInteger right = new BigInteger(1, candidate).shiftRight(shift);
    return left.equals(right);
  }

  /** Parses an address into 4 or 16 bytes, or returns null. */
  static byte[] parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  private static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
        return null;
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return bytes;
  }

  private static int[] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    String last = parts[parts.length - 1];
    boolean embeddedIpv4 = last.indexOf('.') >= 0;
    int count = parts.length + (embeddedIpv4 ? 1 : 0);
    int[] groups = new int[count];
    for (int i = 0; i < parts.length - (embeddedIpv4 ? 1 : 0); i++) {
      if (!parts[i].matches("[0-9A-Fa-f]{1,4}")) {
        return null;
      }
      groups[i] = Integer.parseInt(parts[i], 16);
    }
    if (embeddedIpv4) {
      byte[] ipv4 = parseIpv4(last);
      if (ipv4 == null) {
        return null;
      }
      groups[count - 2] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
      groups[count - 1] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
    }
    return groups;
  }
}
