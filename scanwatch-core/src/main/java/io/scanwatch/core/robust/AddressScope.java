package io.scanwatch.core.robust;

/** Whether a {@code sourceIPs} value is a public address, a private or reserved one, or no IP. */
public enum AddressScope {
  /** A valid address outside every block listed in {@link IpAddresses}. */
  PUBLIC,
  /** A valid address in a private, loopback, link-local, documentation or other reserved block. */
  NON_PUBLIC,
  /** Text that is not an IPv4 or IPv6 address; the row keeps it as it was written. */
  INVALID
}
