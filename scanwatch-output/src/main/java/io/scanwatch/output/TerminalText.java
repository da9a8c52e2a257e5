package io.scanwatch.output;

/**
 * Makes attacker-written text safe to print on a terminal: control characters, including the
 * escape that starts terminal sequences, C1 controls and the Unicode bidirectional overrides,
 * are shown as escapes ({@code \e}, {@code \n}, {@code \x7f}, {@code \u202e}) instead of being
 * sent to the terminal, and so are the line and paragraph separators and lone surrogates. A
 * backslash is doubled so that an escape in the output is unambiguous.
 */
public final class TerminalText {

  private TerminalText() {}

  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = isLoneSurrogate(text, i)
          ? String.format("\\u%04x", (int) c) : replacement(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16);
        out.append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isLoneSurrogate(String text, int index) {
    char c = text.charAt(index);
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
    }
    return false;
  }

  private static String replacement(char c) {
    switch (c) {
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case 0x1b:
        return "\\e";
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return String.format("\\x%02x", (int) c);
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
        || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029) {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }
}
