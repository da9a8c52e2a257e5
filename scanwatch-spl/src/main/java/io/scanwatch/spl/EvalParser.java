package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses eval expressions by precedence, lowest first: {@code OR}, {@code XOR}, {@code AND},
 * {@code NOT}, comparisons ({@code = == != < <= > >= LIKE}), {@code + - .}, {@code * / %},
 * unary minus, then literals, fields, calls and parentheses. Double quotes make a string,
 * single quotes a field name ({@code 'user.username'}), because {@code .} is the concatenation
 * operator.
 */
final class EvalParser {

  private static final String[] COMPARISONS = {"==", "!=", "<=", ">=", "=", "<", ">"};

  private final Cursor cursor;
  private final EvalFunctions functions;

  EvalParser(Cursor cursor, EvalFunctions functions) {
    this.cursor = cursor;
    this.functions = functions;
  }

  /** Parses one expression, stopping before a top-level comma or the end of the command. */
  EvalExpr parse() {
    return parseOr();
  }

  private EvalExpr parseOr() {
    EvalExpr left = parseXor();
    while (true) {
      int position = cursor.index();
      if (!cursor.consumeKeyword("OR", false)) {
        return left;
      }
      left = binary("OR", left, parseXor(), position);
    }
  }

  private EvalExpr parseXor() {
    EvalExpr left = parseAnd();
    while (true) {
      int position = cursor.index();
      if (!cursor.consumeKeyword("XOR", false)) {
        return left;
      }
      left = binary("XOR", left, parseAnd(), position);
    }
  }

  private EvalExpr parseAnd() {
    EvalExpr left = parseNot();
    while (true) {
      int position = cursor.index();
      if (!cursor.consumeKeyword("AND", false)) {
        return left;
      }
      left = binary("AND", left, parseNot(), position);
    }
  }

  private EvalExpr parseNot() {
    cursor.skipSpace();
    int position = cursor.index();
    if (cursor.consumeKeyword("NOT", false)) {
      return new EvalExpr.Call("NOT", List.of(parseNot()), EvalOperators.not(), position);
    }
    return parseComparison();
  }

  private EvalExpr parseComparison() {
    EvalExpr left = parseAdditive();
    cursor.skipSpace();
    int position = cursor.index();
    if (cursor.consumeKeyword("LIKE", false)) {
      return binary("LIKE", left, parseAdditive(), position);
    }
    for (String operator : COMPARISONS) {
      if (cursor.consume(operator)) {
        return binary(operator, left, parseAdditive(), position);
      }
    }
    return left;
  }

  private EvalExpr parseAdditive() {
    EvalExpr left = parseMultiplicative();
    while (true) {
      cursor.skipSpace();
      int position = cursor.index();
      char c = cursor.peek();
      if (c != '+' && c != '-' && c != '.') {
        return left;
      }
      cursor.advance(1);
      left = binary(String.valueOf(c), left, parseMultiplicative(), position);
    }
  }

  private EvalExpr parseMultiplicative() {
    EvalExpr left = parseUnary();
    while (true) {
      cursor.skipSpace();
      int position = cursor.index();
      char c = cursor.peek();
      if (c != '*' && c != '/' && c != '%') {
        return left;
      }
      cursor.advance(1);
      left = binary(String.valueOf(c), left, parseUnary(), position);
    }
  }

  private EvalExpr parseUnary() {
    cursor.skipSpace();
    int position = cursor.index();
    if (cursor.peek() == '-') {
      cursor.advance(1);
      return new EvalExpr.Call("-", List.of(parseUnary()), EvalOperators.negate(), position);
    }
    return parsePrimary();
  }

  private EvalExpr parsePrimary() {
    cursor.skipSpace();
    char c = cursor.peek();
    if (c == '(') {
      cursor.advance(1);
      EvalExpr inner = parseOr();
      cursor.expect(")", "')'");
      return inner;
    }
    if (c == '"') {
      return new EvalExpr.Literal(cursor.readQuoted());
    }
    if (c == '\'') {
      return new EvalExpr.Field(readSingleQuoted());
    }
    if (Character.isDigit(c) || c == '.' && Character.isDigit(cursor.peekAt(1))) {
      return new EvalExpr.Literal(readNumber());
    }
    if (Character.isLetter(c) || c == '_') {
      return parseNameOrCall();
    }
    throw cursor.error("expected a value, field or function");
  }

  private EvalExpr parseNameOrCall() {
    int position = cursor.index();
    StringBuilder name = new StringBuilder();
    while (Character.isLetterOrDigit(cursor.peek()) || cursor.peek() == '_') {
      name.append(cursor.peek());
      cursor.advance(1);
    }
    if (cursor.peek() != '(') {
      return new EvalExpr.Field(name.toString());
    }
    cursor.advance(1);
    List<EvalExpr> arguments = new ArrayList<>();
    if (!cursor.consume(")")) {
      do {
        arguments.add(parseOr());
      } while (cursor.consume(","));
      cursor.expect(")", "',' or ')' in the argument list of " + name);
    }
    String function = name.toString();
    return new EvalExpr.Call(function, List.copyOf(arguments),
        functions.resolve(function, arguments, position), position);
  }

  private String readSingleQuoted() {
    int start = cursor.index();
    cursor.advance(1);
    StringBuilder name = new StringBuilder();
    while (!cursor.atEndRaw()) {
      char c = cursor.peek();
      cursor.advance(1);
      if (c == '\'') {
        return name.toString();
      }
      if (c == '\\' && !cursor.atEndRaw()) {
        c = cursor.peek();
        cursor.advance(1);
      }
      name.append(c);
    }
    cursor.reset(start);
    throw cursor.error("unterminated single-quoted field name");
  }

  private Double readNumber() {
    StringBuilder text = new StringBuilder();
    while (Character.isDigit(cursor.peek()) || cursor.peek() == '.'
        && Character.isDigit(cursor.peekAt(1))) {
      text.append(cursor.peek());
      cursor.advance(1);
    }
    return Double.valueOf(text.toString());
  }

  private EvalExpr binary(String operator, EvalExpr left, EvalExpr right, int position) {
    return new EvalExpr.Call(operator, List.of(left, right), EvalOperators.binary(operator),
        position);
  }
}
