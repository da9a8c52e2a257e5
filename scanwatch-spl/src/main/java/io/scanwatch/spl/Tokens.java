package io.scanwatch.spl;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code $name$} tokens of investigation searches with parameter values. The value
 * goes in as written, as Splunk dashboards insert tokens, so a value with spaces or quotes
 * changes the search; {@code $name|s$} inserts it as one double-quoted string instead.
 */
final class Tokens {

  private static final Pattern TOKEN = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_.]*)(\\|s)?\\$");

  private Tokens() {}

  /** Returns the names of the tokens in {@code search}, in order of first use. */
  static java.util.Set<String> names(String search) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Matcher matcher = TOKEN.matcher(search);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static String replace(String search, Map<String, String> parameters) {
    Matcher matcher = TOKEN.matcher(search);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = parameters.get(name);
      if (value == null) {
        throw new SplException("missing parameter '" + name + "' for token $" + name + "$",
            name, matcher.start(), search, null, List.of());
      }
      String text = matcher.group(2) == null ? value : quote(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
