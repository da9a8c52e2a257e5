package io.scanwatch.spl;

import io.scanwatch.spl.SearchExpr.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses search terms: {@code field=value}, {@code field!=value}, {@code field<value} and the
 * other comparisons, {@code field IN (v1, v2)}, bare words, quoted phrases, {@code NOT},
 * {@code OR}, {@code AND} (implicit between terms) and parentheses. Boolean keywords are upper
 * case only, as in Splunk.
 */
final class SearchParser {

  private static final String VALUE_STOPS = ")";

  private final Cursor cursor;

  private SearchParser(Cursor cursor) {
    this.cursor = cursor;
  }

  /** Parses the rest of the command; an empty term list matches every event. */
  static SearchExpr parse(Cursor cursor) {
    SearchParser parser = new SearchParser(cursor);
    if (cursor.atEnd()) {
      return new SearchExpr.All();
    }
    SearchExpr expr = parser.parseOr();
    if (!cursor.atEnd()) {
      throw cursor.error("unexpected text in search terms");
    }
    return expr;
  }

  private SearchExpr parseOr() {
    List<SearchExpr> terms = new ArrayList<>();
    terms.add(parseAnd());
    while (cursor.consumeKeyword("OR", false)) {
      terms.add(parseAnd());
    }
    return terms.size() == 1 ? terms.get(0) : new SearchExpr.Or(terms);
  }

  private SearchExpr parseAnd() {
    List<SearchExpr> terms = new ArrayList<>();
    terms.add(parseNot());
    while (!cursor.atEnd() && cursor.peek() != ')') {
      int before = cursor.index();
      if (cursor.consumeKeyword("OR", false)) {
        cursor.reset(before);
        break;
      }
      cursor.consumeKeyword("AND", false);
      terms.add(parseNot());
    }
    return terms.size() == 1 ? terms.get(0) : new SearchExpr.And(terms);
  }

  /** Splunk's time modifiers, which select events by time rather than test a field. */
  private static final java.util.Set<String> TIME_MODIFIERS = java.util.Set.of("earliest",
      "latest", "_index_earliest", "_index_latest", "starttime", "endtime", "starttimeu",
      "endtimeu");

  private SearchExpr parseNot() {
    if (cursor.consumeKeyword("NOT", false)) {
      return new SearchExpr.Not(parseNot());
    }
    return parsePrimary();
  }

  private SearchExpr parsePrimary() {
    cursor.skipSpace();
    char c = cursor.peek();
    if (c == '(') {
      cursor.advance(1);
      SearchExpr inner = parseOr();
      cursor.expect(")", "')' to close the group");
      return inner;
    }
    if (c == '[') {
      throw SplException.unsupported("subsearches in square brackets are not supported", "[",
          cursor.index(), cursor.search(), List.of());
    }
    if (c == ')' || c == '\0') {
      throw cursor.error("expected a search term");
    }
    return parseTerm();
  }

  private SearchExpr parseTerm() {
    boolean quoted = cursor.peek() == '"';
    int start = cursor.index();
    String word = cursor.readWord("<>!");
    int afterWord = cursor.index();
    Operator operator = quoted && Character.isWhitespace(cursor.peek()) ? null : readOperator();
    if (operator != null) {
      if (!quoted && TIME_MODIFIERS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        throw SplException.unsupported("the time modifier '" + word + "' is not supported: a "
            + "hunt reads every event of its inputs, so choose the files or the CloudWatch time "
            + "range instead", word, start, cursor.search(), List.of());
      }
      return new SearchExpr.FieldTerm(word, operator, readValue());
    }
    cursor.reset(afterWord);
    if (cursor.consumeKeyword("IN", false)) {
      return parseIn(word);
    }
    cursor.reset(afterWord);
    if (word.isEmpty() && !quoted) {
      throw cursor.error("expected a search term");
    }
    return word.equals("*") && !quoted ? new SearchExpr.All() : SearchExpr.RawTerm.of(word);
  }

  private Operator readOperator() {
    cursor.skipSpace();
    String[] texts = {"!=", "<=", ">=", "==", "=", "<", ">"};
    Operator[] operators = {Operator.NE, Operator.LE, Operator.GE, Operator.EQ, Operator.EQ,
        Operator.LT, Operator.GT};
    for (int i = 0; i < texts.length; i++) {
      if (cursor.consume(texts[i])) {
        return operators[i];
      }
    }
    return null;
  }

  private String readValue() {
    cursor.skipSpace();
    if (cursor.peek() == '"') {
      return cursor.readQuoted();
    }
    int start = cursor.index();
    while (!cursor.atEndRaw() && !Character.isWhitespace(cursor.peek())
        && VALUE_STOPS.indexOf(cursor.peek()) < 0) {
      cursor.advance(1);
    }
    return cursor.search().substring(start, cursor.index());
  }

  private SearchExpr parseIn(String field) {
    cursor.expect("(", "'(' after IN");
    List<SearchExpr> terms = new ArrayList<>();
    while (!cursor.consume(")")) {
      cursor.consume(",");
      cursor.skipSpace();
      String value = cursor.peek() == '"' ? cursor.readQuoted() : cursor.readWord("");
      if (value.isEmpty()) {
        throw cursor.error("expected a value or ')' in the IN list");
      }
      terms.add(new SearchExpr.FieldTerm(field, Operator.EQ, value));
    }
    return terms.size() == 1 ? terms.get(0) : new SearchExpr.Or(terms);
  }
}
