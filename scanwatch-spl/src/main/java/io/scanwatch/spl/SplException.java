package io.scanwatch.spl;

import java.util.List;

/**
 * An SPL search that cannot be run: a syntax error, a command or function outside the supported
 * subset, a missing macro or token, or a failure while evaluating an expression.
 *
 * <p>{@link #position()} is a zero-based character index into {@link #search()}, the search
 * after macros and tokens were expanded, or -1 when no single place is at fault.
 */
public final class SplException extends RuntimeException {

  private final String reason;
  private final String name;
  private final int position;
  private final String search;
  private final String source;
  private final List<String> supported;

  /**
   * Creates an exception.
   *
   * @param reason what failed, as a sentence without the location
   * @param name the command, function, macro or token at fault, or null
   * @param position zero-based index into {@code search}, or -1
   * @param search the expanded search text, or null
   * @param source the detection file name or another label for the search, or null
   * @param supported the names that would have been accepted in place of {@code name}
   */
  public SplException(String reason, String name, int position, String search, String source,
      List<String> supported) {
    super(compose(reason, position, search, source, supported));
    this.reason = reason;
    this.name = name;
    this.position = position;
    this.search = search;
    this.source = source;
    this.supported = List.copyOf(supported);
  }

  static SplException at(String reason, String name, int position, String search) {
    return new SplException(reason, name, position, search, null, List.of());
  }

  static SplException unsupported(String reason, String name, int position, String search,
      List<String> supported) {
    return new SplException(reason, name, position, search, null, supported);
  }

  /** Returns a copy of this exception that names the file or label the search came from. */
  public SplException withSource(String newSource) {
    if (source != null) {
      return this;
    }
    SplException copy = new SplException(reason, name, position, search, newSource, supported);
    copy.initCause(getCause());
    return copy;
  }

  private static String compose(String reason, int position, String search, String source,
      List<String> supported) {
    StringBuilder text = new StringBuilder();
    if (source != null) {
      text.append(source).append(": ");
    }
    text.append(reason);
    if (position >= 0) {
      text.append(" (at index ").append(position).append(" of the expanded search");
      if (search != null && position <= search.length()) {
        // Macros can put the fault far from anything the user wrote, so show where it is.
        text.append(", near \"").append(excerpt(search, position)).append('"');
      }
      text.append(')');
    }
    if (!supported.isEmpty()) {
      text.append("; supported: ").append(String.join(", ", supported));
    }
    return text.toString();
  }

  /** Returns up to 40 characters of the search from {@code position}, on one line. */
  private static String excerpt(String search, int position) {
    int end = Math.min(search.length(), position + 40);
    String text = search.substring(position, end).replaceAll("\\s+", " ");
    return end < search.length() ? text + "..." : text;
  }

  /** Returns what failed, without location. */
  public String reason() {
    return reason;
  }

  /** Returns the command, function, macro or token at fault, or null. */
  public String name() {
    return name;
  }

  /** Returns the zero-based character index into {@link #search()}, or -1. */
  public int position() {
    return position;
  }

  /** Returns the search after macro and token expansion, or null. */
  public String search() {
    return search;
  }

  /** Returns the detection file name or label of the search, or null. */
  public String source() {
    return source;
  }

  /** Returns the supported names in place of {@link #name()}, empty when not applicable. */
  public List<String> supported() {
    return supported;
  }
}
