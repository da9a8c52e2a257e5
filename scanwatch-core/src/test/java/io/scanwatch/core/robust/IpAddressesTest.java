package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.1.2.3        | 10.0.0.0/8 private (RFC 1918)",
        "172.31.255.255  | 172.16.0.0/12 private (RFC 1918)",
        "192.168.0.1     | 192.168.0.0/16 private (RFC 1918)",
        "127.0.0.1       | 127.0.0.0/8 loopback (RFC 1122)",
        "169.254.169.254 | 169.254.0.0/16 link-local (RFC 3927)",
        "100.64.0.1      | 100.64.0.0/10 shared address space, carrier-grade NAT (RFC 6598)",
        "100.127.255.255 | 100.64.0.0/10 shared address space, carrier-grade NAT (RFC 6598)",
        "192.0.2.44      | 192.0.2.0/24 documentation TEST-NET-1 (RFC 5737)",
        "198.51.100.9    | 198.51.100.0/24 documentation TEST-NET-2 (RFC 5737)",
        "203.0.113.7     | 203.0.113.0/24 documentation TEST-NET-3 (RFC 5737)",
        "0.0.0.0         | 0.0.0.0/8 this network (RFC 1122)",
        "224.0.0.251     | 224.0.0.0/4 multicast (RFC 5771)",
        "255.255.255.255 | 240.0.0.0/4 reserved (RFC 1112)",
        "198.19.0.1      | 198.18.0.0/15 benchmarking (RFC 2544)"
      })
  void classify_nonPublicIpv4_namesItsBlock(String text, String range) {
    SourceAddress address = IpAddresses.classify(text);

    assertThat(address.scope()).isEqualTo(AddressScope.NON_PUBLIC);
    assertThat(address.range()).isEqualTo(range);
    assertThat(address.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "100.63.255.255", "100.128.0.0", "172.32.0.1",
      "192.0.3.1", "11.0.0.1", "223.255.255.255"})
  void classify_publicIpv4_isPublic(String text) {
    SourceAddress address = IpAddresses.classify(text);

    assertThat(address.scope()).isEqualTo(AddressScope.PUBLIC);
    assertThat(address.range()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "::1                     | ::1           | ::1/128 loopback (RFC 4291)",
        "::                      | ::            | ::/128 unspecified (RFC 4291)",
        "fd12:3456:789a::1       | fd12:3456:789a::1 | fc00::/7 unique local (RFC 4193)",
        "FE80::1                 | fe80::1       | fe80::/10 link-local (RFC 4291)",
        "2001:DB8:0:0:0:0:0:1    | 2001:db8::1   | 2001:db8::/32 documentation (RFC 3849)",
        "ff02::1                 | ff02::1       | ff00::/8 multicast (RFC 4291)",
        "::ffff:10.0.0.1         | ::ffff:10.0.0.1 | 10.0.0.0/8 private (RFC 1918)",
        "64:ff9b::192.168.1.1    | 64:ff9b::c0a8:101 | 192.168.0.0/16 private (RFC 1918)",
        "::2                     | ::2           | outside global unicast 2000::/3 (RFC 4291)"
      })
  void classify_nonPublicIpv6_isCanonicalWithBlock(String text, String canonical, String range) {
    SourceAddress address = IpAddresses.classify(text);

    assertThat(address.scope()).isEqualTo(AddressScope.NON_PUBLIC);
    assertThat(address.text()).isEqualTo(canonical);
    assertThat(address.range()).isEqualTo(range);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2600:1f18:0:0:0:0:0:1      | 2600:1f18::1",
        "2a00:1450:4001:0830::200e  | 2a00:1450:4001:830::200e",
        "2001:0:0:1:0:0:0:1         | 2001:0:0:1::1",
        "2001:db9::1                | 2001:db9::1",
        "::ffff:8.8.8.8             | ::ffff:8.8.8.8",
        "2001:4860:4860:0:0:0:0:8888 | 2001:4860:4860::8888"
      })
  void classify_publicIpv6_isCanonical(String text, String canonical) {
    SourceAddress address = IpAddresses.classify(text);

    assertThat(address.scope()).isEqualTo(AddressScope.PUBLIC);
    assertThat(address.text()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1",
      "010.0.0.1", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/32", "1.2.3.4:443", "[::1]", "fe80::1%eth0",
      ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "1:", ":1", "g::1", "::1.2.3",
      "1:2:3:4:5:6:7:1.2.3.4", "unknown", "-", "1.2.3.4, 5.6.7.8"})
  void classify_notAnAddress_isInvalidAndKeptAsWritten(String text) {
    SourceAddress address = IpAddresses.classify(text);

    assertThat(address.scope()).isEqualTo(AddressScope.INVALID);
    assertThat(address.text()).isEqualTo(text);
    assertThat(address.range()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"1:0:0:2:0:0:0:3, 1:0:0:2::3", "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
      "0:0:0:0:0:0:0:1, ::1", "1:0:0:0:0:0:0:0, 1::", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
      "0:1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7"})
  void classify_zeroRuns_compressedAsRfc5952(String text, String canonical) {
    assertThat(IpAddresses.classify(text).text()).isEqualTo(canonical);
  }
}
