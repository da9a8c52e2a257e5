package io.scanwatch.core.robust;

import io.scanwatch.core.text.Ascii;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a {@link UserAgentCatalog}: a name to report and the text a user agent must start
 * with, contain or equal. Matching ignores the case of ASCII letters only.
 *
 * @param kind how {@code pattern} is compared
 * @param name the name shown in reasons, such as {@code zgrab}; no whitespace
 * @param pattern the text to look for, not empty
 */
public record UserAgentPattern(Kind kind, String name, String pattern) implements Serializable {

  /** The comparison a pattern makes with a user agent. */
  public enum Kind {
    /** The user agent starts with the pattern. */
    PREFIX,
    /** The pattern occurs anywhere in the user agent. */
    CONTAINS,
    /** The user agent equals the pattern. */
    EXACT;

    /** Returns this kind's keyword in catalog files: prefix, contains or exact. */
    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public UserAgentPattern {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("invalid name '" + name + "': expected a word without"
          + " whitespace");
    }
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("empty pattern for name '" + name + "'");
    }
  }

  /** Tests whether {@code userAgent} matches, ignoring the case of ASCII letters. */
  public boolean matches(String userAgent) {
    return switch (kind) {
      case PREFIX -> asciiEquals(userAgent, 0, pattern);
      case EXACT -> userAgent.length() == pattern.length() && asciiEquals(userAgent, 0, pattern);
      case CONTAINS -> containsIgnoreAsciiCase(userAgent, pattern);
    };
  }

  private static boolean containsIgnoreAsciiCase(String text, String part) {
    for (int start = 0; start + part.length() <= text.length(); start++) {
      if (asciiEquals(text, start, part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean asciiEquals(String text, int start, String part) {
    if (start + part.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (Ascii.toLower(text.charAt(start + i)) != Ascii.toLower(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
