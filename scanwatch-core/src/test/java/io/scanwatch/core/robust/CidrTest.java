package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void parse_ipv4Block_containsItsAddressesOnly() {
    Cidr block = Cidr.parse("10.20.0.0/16");

    assertThat(block.contains(IpAddresses.parse("10.20.255.1"))).isTrue();
    assertThat(block.contains(IpAddresses.parse("10.21.0.1"))).isFalse();
    assertThat(block.contains(IpAddresses.parse("::ffff:10.20.1.1"))).isTrue();
    assertThat(block.contains(IpAddresses.parse("2001:db8::1"))).isFalse();
  }

  @Test
  void parse_bareAddress_isBlockOfOne() {
    Cidr block = Cidr.parse("2001:db8::7");

    assertThat(block.contains(IpAddresses.parse("2001:db8::7"))).isTrue();
    assertThat(block.contains(IpAddresses.parse("2001:db8::8"))).isFalse();
  }

  @Test
  void parse_hostBitsSet_areIgnored() {
    assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.parse("10.1.2.3/8").text()).isEqualTo("10.1.2.3/8");
    assertThat(Cidr.parse("0.0.0.0/0").contains(IpAddresses.parse("8.8.8.8"))).isTrue();
    assertThat(Cidr.parse("::/0").contains(IpAddresses.parse("2600::1"))).isTrue();
  }

  @Test
  void parse_invalidText_throwsNamingIt() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid CIDR '10.0.0.0/33': prefix length must be 0 to 32");
    assertThatThrownBy(() -> Cidr.parse("corp-vpn/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid CIDR 'corp-vpn/8': 'corp-vpn' is not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> Cidr.parse("::/-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("::/129")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseExact_rejectsHostBits() {
    assertThatThrownBy(() -> Cidr.parseExact("10.0.0.7/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid CIDR '10.0.0.7/8': bits are set after the /8 prefix; write "
            + "10.0.0.0/8 for the block, or 10.0.0.7/32 for the one address");
    assertThatThrownBy(() -> Cidr.parseExact("2001:db8::1/32"))
        .hasMessage("invalid CIDR '2001:db8::1/32': bits are set after the /32 prefix; write "
            + "2001:db8::/32 for the block, or 2001:db8::1/128 for the one address");
  }

  @Test
  void parseExact_acceptsBlocksAndAddresses() {
    assertThat(Cidr.parseExact("10.0.0.0/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.parseExact("10.0.0.7")).isEqualTo(Cidr.parse("10.0.0.7/32"));
    assertThat(Cidr.parseExact("2001:db8::/32")).isEqualTo(Cidr.parse("2001:db8::/32"));
    assertThat(Cidr.parseExact("0.0.0.0/0")).isEqualTo(Cidr.parse("0.0.0.0/0"));
  }
}
