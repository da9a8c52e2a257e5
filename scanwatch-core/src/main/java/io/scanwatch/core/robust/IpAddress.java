package io.scanwatch.core.robust;

import java.io.Serializable;

/**
 * A parsed address as 128 bits; IPv4 is held as its IPv4-mapped IPv6 form {@code ::ffff:a.b.c.d}
 * so that one prefix test serves both families.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 * @param ipv4 true when the text was dotted IPv4, which {@link #toString} writes back the same way
 */
record IpAddress(long high, long low, boolean ipv4) implements Serializable {

  static IpAddress ofIpv4(int address) {
    return new IpAddress(0L, 0x0000_ffff_0000_0000L | (address & 0xffff_ffffL), true);
  }

  static IpAddress ofGroups(int[] groups) {
    long high = 0;
    long low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | groups[i];
      low = (low << 16) | groups[i + 4];
    }
    return new IpAddress(high, low, false);
  }

  /** Returns this address with every bit after the first {@code length} (0 to 128) cleared. */
  IpAddress withoutHostBits(int length) {
    long highMask = length >= 64 ? -1L : (length == 0 ? 0L : -1L << (64 - length));
    long lowMask = length <= 64 ? 0L : (length == 128 ? -1L : -1L << (128 - length));
    return new IpAddress(high & highMask, low & lowMask, ipv4);
  }

  /** Tests whether the first {@code length} bits (0 to 128) equal those of {@code network}. */
  boolean hasPrefix(IpAddress network, int length) {
    if (length <= 64) {
      return length == 0 || ((high ^ network.high) >>> (64 - length)) == 0;
    }
    return high == network.high && ((low ^ network.low) >>> (128 - length)) == 0;
  }

  /**
   * Formats IPv4 as dotted decimal and IPv6 as RFC 5952 recommends: lower case, no leading zeros,
   * the longest run of two or more zero groups (the first of equal runs) written as {@code ::},
   * and an IPv4-mapped address as {@code ::ffff:a.b.c.d}.
   */
  @Override
  public String toString() {
    if (ipv4) {
      return dotted((int) low);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
    }
    if (high == 0 && (low >>> 32) == 0xffffL) {
      return "::ffff:" + dotted((int) low);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static String dotted(int address) {
    return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff)
        + "." + (address & 0xff);
  }
}
