package io.scanwatch.spl;

import java.util.List;

/**
 * One statistical function of {@code stats}: {@code function(field) as name}. {@code field} is
 * null for a bare {@code count}. {@code name} is the alias, or the call as written, such as
 * {@code values(verb)}, as Splunk names the column.
 */
record Aggregation(String function, String field, String name) {

  /** Functions {@code stats} accepts, with the aliases Splunk documents for them. */
  static final List<String> FUNCTIONS = List.of("avg", "c", "count", "dc", "distinct_count",
      "earliest", "latest", "list", "max", "mean", "min", "sum", "values");

  /** Returns the canonical function for an alias, such as {@code count} for {@code c}. */
  String canonical() {
    return switch (function) {
      case "c" -> "count";
      case "distinct_count" -> "dc";
      case "mean" -> "avg";
      default -> function;
    };
  }
}
