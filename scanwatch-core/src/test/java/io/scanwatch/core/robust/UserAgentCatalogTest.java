package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentCatalogTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kube-hunter                                                        | kube-hunter",
        "Mozilla/5.0 zgrab/0.x                                              | zgrab",
        "masscan/1.3 (https://github.com/robertdavidgraham/masscan)         | masscan",
        "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)  | Nuclei",
        "Go-http-client/1.1                                                 | Go-http-client",
        "python-requests/2.31.0                                             | python-requests",
        "curl/8.5.0                                                         | curl",
        "CURL/7.0                                                           | curl",
        "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/) | censys",
        "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html) | Nmap",
        "Wget/1.21.3                                                        | Wget",
        "sqlmap/1.7                                                         | sqlmap",
        "Mozilla/5.00 (Nikto/2.1.6)                                         | Nikto"
      })
  void defaultScanners_knownAgent_matchesByName(String userAgent, String name) {
    Optional<UserAgentPattern> match = UserAgentCatalog.defaultScanners().match(userAgent);

    assertThat(match).map(UserAgentPattern::name).contains(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubectl/v1.29.0 (linux/amd64) kubernetes/abc", "AWS Security Scanner",
      "kube-probe/1.29", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", "my-curl/1.0",
      "ELB-HealthChecker/2.0"})
  void defaultScanners_ordinaryAgent_noMatch(String userAgent) {
    assertThat(UserAgentCatalog.defaultScanners().match(userAgent)).isEmpty();
  }

  @Test
  void defaultHealthProbers_matchesPrefixesOnly() {
    UserAgentCatalog probers = UserAgentCatalog.defaultHealthProbers();

    assertThat(probers.match("kube-probe/1.20")).map(UserAgentPattern::name).contains("kube-probe");
    assertThat(probers.match("ELB-HealthChecker/2.0")).map(UserAgentPattern::name)
        .contains("ELB-HealthChecker");
    assertThat(probers.match("kube-probe")).isEmpty();
    assertThat(probers.match("curl/8 kube-probe/1.20")).isEmpty();
    assertThat(probers.patterns()).hasSize(2);
  }

  @Test
  void parse_linesWithSpacesAndComments_keepsOrder() {
    UserAgentCatalog catalog = UserAgentCatalog.parse(
        "# probers of our own\n\n  exact\tinternal  Internal Health Check  \n"
            + "contains acme acme-monitor\nprefix GoogleHC GoogleHC/\n",
        "probers.txt");

    assertThat(catalog.patterns()).containsExactly(
        new UserAgentPattern(UserAgentPattern.Kind.EXACT, "internal", "Internal Health Check"),
        new UserAgentPattern(UserAgentPattern.Kind.CONTAINS, "acme", "acme-monitor"),
        new UserAgentPattern(UserAgentPattern.Kind.PREFIX, "GoogleHC", "GoogleHC/"));
    assertThat(catalog.match("internal health check")).isPresent();
    assertThat(catalog.match("Internal Health Check v2")).isEmpty();
  }

  @Test
  void plus_appendsUserEntries() {
    UserAgentCatalog extended = UserAgentCatalog.defaultHealthProbers()
        .plus(UserAgentCatalog.parse("prefix GoogleHC GoogleHC/", "mine.txt"));

    assertThat(extended.match("GoogleHC/1.0")).map(UserAgentPattern::name).contains("GoogleHC");
    assertThat(extended.patterns()).hasSize(3);
  }

  @Test
  void parse_unknownKind_throwsWithLine() {
    assertThatThrownBy(() -> UserAgentCatalog.parse("# x\nprefx curl curl/\n", "agents.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agents.txt:2: unknown kind 'prefx', expected prefix, contains or exact");
  }

  @Test
  void parse_missingPattern_throwsWithLine() {
    assertThatThrownBy(() -> UserAgentCatalog.parse("contains zgrab\n", "agents.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agents.txt:1: expected KIND NAME PATTERN, found 'contains zgrab'");
  }

  @Test
  void matches_nonAsciiCase_notFolded() {
    UserAgentPattern pattern =
        new UserAgentPattern(UserAgentPattern.Kind.CONTAINS, "kelvin", "k");

    assertThat(pattern.matches("\u212a")).isFalse();
    assertThat(pattern.matches("K")).isTrue();
  }
}
