package io.scanwatch.core.robust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ordered list of user-agent patterns, read from a line-based text file.
 *
 * <p>File format (UTF-8): each line is {@code KIND NAME PATTERN}, separated by spaces or tabs.
 * KIND is {@code prefix}, {@code contains} or {@code exact}. NAME is one word, the name shown in
 * reasons. PATTERN is the rest of the line with surrounding whitespace removed, so it may contain
 * spaces. Blank lines and lines whose first non-blank character is {@code #} are skipped. Example:
 *
 * <pre>
 * # kind    name         pattern
 * prefix    curl         curl/
 * contains  Nmap         Nmap Scripting Engine
 * </pre>
 *
 * <p>{@link #defaultScanners()} and {@link #defaultHealthProbers()} are the files {@code
 * scanner-user-agents.txt} and {@code health-probe-user-agents.txt} in this package's resources;
 * {@link #plus} extends them with a user's own file.
 *
 * @param patterns the entries in file order; {@link #match} returns the first that matches
 */
public record UserAgentCatalog(List<UserAgentPattern> patterns) implements Serializable {

  private static final String SCANNERS_RESOURCE = "scanner-user-agents.txt";
  private static final String PROBERS_RESOURCE = "health-probe-user-agents.txt";

  public UserAgentCatalog {
    patterns = List.copyOf(patterns);
  }

  /** Returns the built-in catalog of scanner and generic HTTP client user agents. */
  public static UserAgentCatalog defaultScanners() {
    return DefaultCatalogs.SCANNERS;
  }

  /** Returns the built-in catalog of health probers: {@code kube-probe/} and {@code
   * ELB-HealthChecker/}. */
  public static UserAgentCatalog defaultHealthProbers() {
    return DefaultCatalogs.PROBERS;
  }

  /**
   * Parses a catalog file.
   *
   * @param reader the file content; not closed
   * @param fileName the name used in error messages
   * @throws IOException if {@code reader} fails
   * @throws IllegalArgumentException if a line is malformed; the message names the file and line
   */
  public static UserAgentCatalog parse(Reader reader, String fileName) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    List<UserAgentPattern> patterns = new ArrayList<>();
    String line;
    int lineNumber = 0;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      patterns.add(parseLine(trimmed, fileName + ":" + lineNumber));
    }
    return new UserAgentCatalog(patterns);
  }

  /** Parses catalog text; see {@link #parse(Reader, String)}. */
  public static UserAgentCatalog parse(String text, String fileName) {
    try {
      return parse(new StringReader(text), fileName);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string failed", e);
    }
  }

  /** Returns a catalog with this one's patterns followed by those of {@code more}. */
  public UserAgentCatalog plus(UserAgentCatalog more) {
    List<UserAgentPattern> all = new ArrayList<>(patterns);
    all.addAll(more.patterns);
    return new UserAgentCatalog(all);
  }

  /** Returns the first pattern that {@code userAgent} matches. */
  public Optional<UserAgentPattern> match(String userAgent) {
    for (UserAgentPattern pattern : patterns) {
      if (pattern.matches(userAgent)) {
        return Optional.of(pattern);
      }
    }
    return Optional.empty();
  }

  private static UserAgentPattern parseLine(String line, String where) {
    String[] parts = line.split("[ \t]+", 3);
    if (parts.length < 3) {
      throw new IllegalArgumentException(where + ": expected KIND NAME PATTERN, found '" + line
          + "'");
    }
    UserAgentPattern.Kind kind;
    try {
      kind = UserAgentPattern.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": unknown kind '" + parts[0]
          + "', expected prefix, contains or exact", e);
    }
    return new UserAgentPattern(kind, parts[1], parts[2].strip());
  }

  private static UserAgentCatalog load(String resource) {
    try (InputStream in = UserAgentCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("reading resource " + resource + " failed", e);
    }
  }

  /** Loads the built-in catalogs once, on first use. */
  private static final class DefaultCatalogs {
    static final UserAgentCatalog SCANNERS = load(SCANNERS_RESOURCE);
    static final UserAgentCatalog PROBERS = load(PROBERS_RESOURCE);
  }
}
