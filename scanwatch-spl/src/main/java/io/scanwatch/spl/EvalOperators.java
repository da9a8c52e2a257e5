package io.scanwatch.spl;

import io.scanwatch.core.text.Utf8Order;
import java.util.List;

/**
 * The operators of eval expressions. Arithmetic and comparison read text that holds a decimal
 * number as that number. A comparison with a multivalue holds when any value satisfies it.
 * A comparison with no value, and NOT of no value, is null, which {@code where} treats as false.
 */
final class EvalOperators {

  private EvalOperators() {}

  static EvalFunctions.Implementation binary(String operator) {
    return switch (operator) {
      case "+" -> (args, r) -> plus(args.get(0).evaluate(r), args.get(1).evaluate(r));
      case "-", "*", "/", "%" -> (args, r) -> arithmetic(operator, args.get(0).evaluate(r),
          args.get(1).evaluate(r));
      case "." -> (args, r) -> concat(args.get(0).evaluate(r), args.get(1).evaluate(r));
      case "AND" -> EvalOperators::and;
      case "OR" -> EvalOperators::or;
      case "XOR" -> (args, r) -> xor(args.get(0).evaluate(r), args.get(1).evaluate(r));
      case "LIKE" -> (args, r) -> like(args, r);
      default -> (args, r) -> compare(operator, args.get(0).evaluate(r),
          args.get(1).evaluate(r));
    };
  }

  static EvalFunctions.Implementation not() {
    return (args, r) -> {
      Object value = args.get(0).evaluate(r);
      return value instanceof Boolean flag ? !flag : null;
    };
  }

  static EvalFunctions.Implementation negate() {
    return (args, r) -> {
      Double value = EvalValues.toNumber(args.get(0).evaluate(r));
      return value == null ? null : -value;
    };
  }

  private static Object plus(Object left, Object right) {
    Double a = EvalValues.toNumber(left);
    Double b = EvalValues.toNumber(right);
    if (a != null && b != null) {
      return a + b;
    }
    if (left instanceof String && right instanceof String) {
      return (String) left + right;
    }
    return null;
  }

  private static Object arithmetic(String operator, Object left, Object right) {
    Double a = EvalValues.toNumber(left);
    Double b = EvalValues.toNumber(right);
    if (a == null || b == null) {
      return null;
    }
    return switch (operator) {
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> b == 0 ? null : a / b;
      default -> b == 0 ? null : a % b;
    };
  }

  private static Object concat(Object left, Object right) {
    String a = EvalValues.toText(left);
    String b = EvalValues.toText(right);
    return a == null || b == null ? null : a + b;
  }

  private static Object and(List<EvalExpr> args, Record record) {
    Object left = args.get(0).evaluate(record);
    if (Boolean.FALSE.equals(left)) {
      return false;
    }
    Object right = args.get(1).evaluate(record);
    if (Boolean.FALSE.equals(right)) {
      return false;
    }
    return left instanceof Boolean && right instanceof Boolean ? Boolean.TRUE : null;
  }

  private static Object or(List<EvalExpr> args, Record record) {
    Object left = args.get(0).evaluate(record);
    if (Boolean.TRUE.equals(left)) {
      return true;
    }
    Object right = args.get(1).evaluate(record);
    if (Boolean.TRUE.equals(right)) {
      return true;
    }
    return left instanceof Boolean && right instanceof Boolean ? Boolean.FALSE : null;
  }

  private static Object xor(Object left, Object right) {
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return a ^ b;
    }
    return null;
  }

  private static Object like(List<EvalExpr> args, Record record) {
    return EvalFunctions.like(EvalValues.toText(args.get(0).evaluate(record)),
        EvalValues.toText(args.get(1).evaluate(record)));
  }

  private static Object compare(String operator, Object left, Object right) {
    if (left == null || right == null) {
      return null;
    }
    for (String a : EvalValues.toTexts(left)) {
      for (String b : EvalValues.toTexts(right)) {
        if (holds(operator, order(a, b))) {
          return true;
        }
      }
    }
    return false;
  }

  private static int order(String a, String b) {
    Double x = Numbers.parse(a);
    Double y = Numbers.parse(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    return Utf8Order.INSTANCE.compare(a, b);
  }

  private static boolean holds(String operator, int order) {
    return switch (operator) {
      case "=", "==" -> order == 0;
      case "!=" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }
}
