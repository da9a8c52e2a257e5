package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;

/** Field name lists with {@code *} wildcards, as {@code table} and {@code fields} take them. */
final class FieldPatterns {

  private FieldPatterns() {}

  /** Returns the fields of a record that a pattern names, in record order. */
  static List<String> expand(String pattern, Record record) {
    if (pattern.indexOf('*') < 0) {
      return List.of(pattern);
    }
    List<String> names = new ArrayList<>();
    for (String field : record.fieldNames()) {
      if (Wildcard.matches(pattern, field, false)) {
        names.add(field);
      }
    }
    return names;
  }

  /** Tests whether any pattern names the field. */
  static boolean anyMatches(List<String> patterns, String field) {
    for (String pattern : patterns) {
      if (Wildcard.matches(pattern, field, false)) {
        return true;
      }
    }
    return false;
  }
}
