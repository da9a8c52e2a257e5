package io.scanwatch.spl;

import io.scanwatch.core.text.Ascii;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A boolean expression of the {@code search} command: field terms, bare terms, AND, OR, NOT. */
sealed interface SearchExpr {

  /** Fields that Splunk keeps outside {@code _raw}, so their values never appear in it. */
  Set<String> METADATA_FIELDS = Set.of("source", "sourcetype", "host", "index",
      "splunk_server", "linecount", "punct", "eventtype", "tag");

  boolean matches(FieldValues record);

  /** Adds the names of the fields this expression reads. */
  void collectFields(Set<String> fields);

  /** Adds the literals that every matching event contains in {@code _raw}, ignoring case. */
  void collectRequiredLiterals(List<String> literals);

  /**
   * Tests the expression where a {@code NOT} negates it. Only terms on {@code index} differ:
   * they hold for every event, except under a {@code NOT}, where they hold for none.
   */
  default boolean matchesUnderNot(FieldValues record) {
    return matches(record);
  }

  /** Comparison operators of field terms. */
  enum Operator { EQ, NE, LT, LE, GT, GE }

  /** Matches every event: {@code *}. */
  record All() implements SearchExpr {
    @Override
    public boolean matches(FieldValues record) {
      return true;
    }

    @Override
    public void collectFields(Set<String> fields) {}

    @Override
    public void collectRequiredLiterals(List<String> literals) {}
  }

  /** Conjunction of terms, implicit between adjacent terms. */
  record And(List<SearchExpr> terms) implements SearchExpr {
    /**
     * Tests the terms in order. Up to four are tested without a loop: a search tests every
     * candidate event here, and a loop would have the JIT compiler compile this method, with the
     * terms inlined, long before that pays off.
     */
    @Override
    public boolean matches(FieldValues record) {
      return switch (terms.size()) {
        case 2 -> terms.get(0).matches(record) && terms.get(1).matches(record);
        case 3 -> terms.get(0).matches(record) && terms.get(1).matches(record)
            && terms.get(2).matches(record);
        case 4 -> terms.get(0).matches(record) && terms.get(1).matches(record)
            && terms.get(2).matches(record) && terms.get(3).matches(record);
        default -> matchesAll(record);
      };
    }

    private boolean matchesAll(FieldValues record) {
      for (SearchExpr term : terms) {
        if (!term.matches(record)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean matchesUnderNot(FieldValues record) {
      for (SearchExpr term : terms) {
        if (!term.matchesUnderNot(record)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collectFields(Set<String> fields) {
      terms.forEach(term -> term.collectFields(fields));
    }

    @Override
    public void collectRequiredLiterals(List<String> literals) {
      terms.forEach(term -> term.collectRequiredLiterals(literals));
    }
  }

  /** Disjunction; it requires no literal because each side may match without the other's. */
  record Or(List<SearchExpr> terms) implements SearchExpr {
    @Override
    public boolean matches(FieldValues record) {
      for (SearchExpr term : terms) {
        if (term.matches(record)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean matchesUnderNot(FieldValues record) {
      for (SearchExpr term : terms) {
        if (term.matchesUnderNot(record)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectFields(Set<String> fields) {
      terms.forEach(term -> term.collectFields(fields));
    }

    @Override
    public void collectRequiredLiterals(List<String> literals) {}
  }

  /**
   * Negation. {@code NOT field=value} keeps events without the field, unlike {@code !=}. Under
   * it, terms on {@code index} are false, because files have no index to exclude: {@code NOT
   * index=main} keeps every event, and {@code NOT (index=main OR role=dev)} those not matching
   * {@code role=dev}.
   */
  record Not(SearchExpr term) implements SearchExpr {
    @Override
    public boolean matches(FieldValues record) {
      return !term.matchesUnderNot(record);
    }

    @Override
    public boolean matchesUnderNot(FieldValues record) {
      // Two negations: the term is tested as outside any.
      return !term.matches(record);
    }

    @Override
    public void collectFields(Set<String> fields) {
      term.collectFields(fields);
    }

    @Override
    public void collectRequiredLiterals(List<String> literals) {}
  }

  /**
   * A {@code field<op>value} term. {@code =} holds when any value matches the pattern
   * ({@code *} wildcards, ASCII case ignored), or lies in the block a CIDR value such as {@code
   * 10.0.0.0/8} names, as in Splunk's search. {@code !=} holds when the field has a value and
   * none of its values matches. The ordering operators compare numbers and hold when any value
   * is a number that satisfies them. Files have no Splunk index, so a term on {@code index}
   * holds for every event, and a data-source macro that names the user's index still selects
   * the events.
   */
  record FieldTerm(String field, Operator operator, String value, boolean index, boolean plain,
      boolean cidr) implements SearchExpr {

    /**
     * A term; {@code index}, {@code plain} (a value without wildcards) and {@code cidr} (a value
     * that is an IPv4 or IPv6 block such as {@code 10.0.0.0/8}) are derived.
     */
    FieldTerm(String field, Operator operator, String value) {
      this(field, operator, value, field.equals("index"), value.indexOf('*') < 0,
          isCidr(value));
    }

    private static boolean isCidr(String value) {
      int slash = value.indexOf('/');
      return slash > 0 && value.substring(slash + 1).matches("[0-9]{1,3}")
          && CidrMatch.parse(value.substring(0, slash)) != null;
    }

    @Override
    public boolean matchesUnderNot(FieldValues record) {
      return !index && matches(record);
    }

    @Override
    public boolean matches(FieldValues record) {
      if (index) {
        return true;
      }
      List<String> values = record.values(field);
      if (operator == Operator.EQ) {
        return anyMatch(values);
      }
      if (operator == Operator.NE) {
        return !values.isEmpty() && !anyMatch(values);
      }
      return anyCompares(values);
    }

    private boolean anyMatch(List<String> values) {
      for (int i = 0; i < values.size(); i++) {
        String candidate = values.get(i);
        if (plain ? Ascii.equalsIgnoreCase(value, candidate)
                || cidr && CidrMatch.matches(value, candidate)
            : Wildcard.matches(value, candidate, true)) {
          return true;
        }
      }
      return false;
    }

    private boolean anyCompares(List<String> values) {
      Double bound = Numbers.parse(value);
      if (bound == null) {
        return false;
      }
      for (String candidate : values) {
        Double number = Numbers.parse(candidate);
        if (number != null && compares(Double.compare(number, bound))) {
          return true;
        }
      }
      return false;
    }

    private boolean compares(int order) {
      return switch (operator) {
        case LT -> order < 0;
        case LE -> order <= 0;
        case GT -> order > 0;
        default -> order >= 0;
      };
    }

    @Override
    public void collectFields(Set<String> fields) {
      fields.add(field);
    }

    @Override
    public void collectRequiredLiterals(List<String> literals) {
      if (operator == Operator.EQ && !cidr && !field.startsWith("_")
          && !METADATA_FIELDS.contains(field)) {
        addLongestSegment(value, literals);
      }
    }
  }

  /**
   * A bare word or quoted phrase matched against {@code _raw}, ignoring ASCII case. It must
   * start and end at a boundary: the neighbouring characters of the match are not letters,
   * digits or {@code _}, unless the term's own edge character is one of those breakers or a
   * {@code *} wildcard.
   */
  record RawTerm(String text, Pattern pattern) implements SearchExpr {
    static RawTerm of(String text) {
      StringBuilder regex = new StringBuilder();
      if (startsWithWordChar(text)) {
        regex.append("(?<![A-Za-z0-9_])");
      }
      String[] parts = text.split("\\*", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append(".*?");
        }
        regex.append(Pattern.quote(parts[i]));
      }
      if (endsWithWordChar(text)) {
        regex.append("(?![A-Za-z0-9_])");
      }
      return new RawTerm(text, Pattern.compile(regex.toString(),
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    private static boolean startsWithWordChar(String text) {
      return !text.isEmpty() && isWordChar(text.charAt(0));
    }

    private static boolean endsWithWordChar(String text) {
      return !text.isEmpty() && isWordChar(text.charAt(text.length() - 1));
    }

    private static boolean isWordChar(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    @Override
    public boolean matches(FieldValues record) {
      for (String raw : record.values("_raw")) {
        if (pattern.matcher(raw).find()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collectFields(Set<String> fields) {
      fields.add("_raw");
    }

    @Override
    public void collectRequiredLiterals(List<String> literals) {
      addLongestSegment(text, literals);
    }
  }

  private static void addLongestSegment(String pattern, List<String> literals) {
    String longest = "";
    for (String part : pattern.split("\\*")) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    if (longest.isEmpty()) {
      return;
    }
    for (String literal : literals) {
      if (Ascii.equalsIgnoreCase(literal, longest)) {
        return;
      }
    }
    literals.add(longest);
  }
}
