package io.scanwatch.spl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The eval functions of the supported subset, with their argument counts. Functions that read
 * one text take the first value of a multivalue, except {@code lower} and {@code upper}, which
 * convert every value.
 */
final class EvalFunctions {

  /** A function body: evaluates its argument expressions for one record. */
  interface Implementation {
    Object apply(List<EvalExpr> arguments, Record record);
  }

  private record Arity(int min, int max) {}

  private static final Map<String, Arity> ARITIES = new TreeMap<>();

  static {
    ARITIES.put("abs", new Arity(1, 1));
    ARITIES.put("case", new Arity(2, Integer.MAX_VALUE));
    ARITIES.put("cidrmatch", new Arity(2, 2));
    ARITIES.put("coalesce", new Arity(1, Integer.MAX_VALUE));
    ARITIES.put("false", new Arity(0, 0));
    ARITIES.put("if", new Arity(3, 3));
    ARITIES.put("isnotnull", new Arity(1, 1));
    ARITIES.put("isnull", new Arity(1, 1));
    ARITIES.put("len", new Arity(1, 1));
    ARITIES.put("like", new Arity(2, 2));
    ARITIES.put("lower", new Arity(1, 1));
    ARITIES.put("match", new Arity(2, 2));
    ARITIES.put("mvcount", new Arity(1, 1));
    ARITIES.put("mvindex", new Arity(2, 3));
    ARITIES.put("mvjoin", new Arity(2, 2));
    ARITIES.put("null", new Arity(0, 0));
    ARITIES.put("round", new Arity(1, 2));
    ARITIES.put("split", new Arity(2, 2));
    ARITIES.put("strftime", new Arity(2, 2));
    ARITIES.put("substr", new Arity(2, 3));
    ARITIES.put("tonumber", new Arity(1, 1));
    ARITIES.put("tostring", new Arity(1, 1));
    ARITIES.put("true", new Arity(0, 0));
    ARITIES.put("upper", new Arity(1, 1));
  }

  /** Names of the supported functions, sorted. */
  static final List<String> NAMES = List.copyOf(ARITIES.keySet());

  private final SearchOptions options;
  private final String search;

  EvalFunctions(SearchOptions options, String search) {
    this.options = options;
    this.search = search;
  }

  /** Resolves a call, checking the name and the argument count at parse time. */
  Implementation resolve(String name, List<EvalExpr> arguments, int position) {
    Arity arity = ARITIES.get(name);
    if (arity == null) {
      throw SplException.unsupported("unsupported eval function '" + name + "'", name,
          position, search, NAMES);
    }
    int count = arguments.size();
    if (count < arity.min() || count > arity.max() || name.equals("case") && count % 2 != 0) {
      throw SplException.at("function '" + name + "' got " + count + " arguments, which it"
          + " does not accept", name, position, search);
    }
    return switch (name) {
      case "abs" -> (args, r) -> number(args, 0, r) == null ? null
          : Math.abs(number(args, 0, r));
      case "case" -> EvalFunctions::caseOf;
      case "cidrmatch" -> (args, r) -> cidrMatch(text(args, 0, r), text(args, 1, r));
      case "coalesce" -> EvalFunctions::coalesce;
      case "false" -> (args, r) -> Boolean.FALSE;
      case "if" -> (args, r) -> isTrue(args.get(0).evaluate(r)) ? args.get(1).evaluate(r)
          : args.get(2).evaluate(r);
      case "isnotnull" -> (args, r) -> args.get(0).evaluate(r) != null;
      case "isnull" -> (args, r) -> args.get(0).evaluate(r) == null;
      case "len" -> (args, r) -> length(text(args, 0, r));
      case "like" -> (args, r) -> like(text(args, 0, r), text(args, 1, r));
      case "lower" -> (args, r) -> mapTexts(args.get(0).evaluate(r), true);
      case "upper" -> (args, r) -> mapTexts(args.get(0).evaluate(r), false);
      case "match" -> match(arguments, position);
      case "mvcount" -> (args, r) -> mvCount(args.get(0).evaluate(r));
      case "mvindex" -> EvalFunctions::mvIndex;
      case "mvjoin" -> (args, r) -> mvJoin(args.get(0).evaluate(r), text(args, 1, r));
      case "null" -> (args, r) -> null;
      case "round" -> EvalFunctions::round;
      case "split" -> (args, r) -> split(text(args, 0, r), text(args, 1, r));
      case "strftime" -> strftime(arguments, position);
      case "substr" -> EvalFunctions::substr;
      case "tonumber" -> (args, r) -> number(args, 0, r);
      case "tostring" -> (args, r) -> text(args, 0, r);
      default -> (args, r) -> Boolean.TRUE;
    };
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }

  private static String text(List<EvalExpr> args, int index, Record record) {
    return EvalValues.toText(args.get(index).evaluate(record));
  }

  private static Double number(List<EvalExpr> args, int index, Record record) {
    return EvalValues.toNumber(args.get(index).evaluate(record));
  }

  private static Object caseOf(List<EvalExpr> args, Record record) {
    for (int i = 0; i + 1 < args.size(); i += 2) {
      if (isTrue(args.get(i).evaluate(record))) {
        return args.get(i + 1).evaluate(record);
      }
    }
    return null;
  }

  private static Object coalesce(List<EvalExpr> args, Record record) {
    for (EvalExpr arg : args) {
      Object value = arg.evaluate(record);
      if (value != null && !"".equals(value)) {
        return value;
      }
    }
    return null;
  }

  private static Object cidrMatch(String cidr, String address) {
    if (cidr == null || address == null) {
      return null;
    }
    return CidrMatch.matches(cidr, address);
  }

  private static Object length(String text) {
    return text == null ? null : (double) text.codePointCount(0, text.length());
  }

  static Object like(String text, String pattern) {
    if (text == null || pattern == null) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  private static Object mapTexts(Object value, boolean lower) {
    List<String> texts = new ArrayList<>();
    for (String text : EvalValues.toTexts(value)) {
      texts.add(lower ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT));
    }
    return EvalValues.ofTexts(texts);
  }

  private Implementation match(List<EvalExpr> arguments, int position) {
    Pattern fixed = null;
    if (arguments.get(1) instanceof EvalExpr.Literal literal
        && literal.value() instanceof String regex) {
      fixed = compile(regex, position);
    }
    Pattern constant = fixed;
    return (args, r) -> {
      String text = text(args, 0, r);
      String regex = text(args, 1, r);
      if (text == null || regex == null) {
        return null;
      }
      Pattern pattern = constant != null ? constant : compile(regex, position);
      try {
        return GuardedRegex.find(pattern, text, options.regexTimeout());
      } catch (GuardedRegex.TimeoutException e) {
        // Values come from requests: one crafted value must not stop the whole search, so a
        // match that runs out of time or stack gives no value, which conditions read as false.
        return null;
      }
    };
  }

  private Pattern compile(String regex, int position) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw SplException.at("invalid regular expression in match(): "
          + e.getDescription(), "match", position, search);
    }
  }

  private static Object mvCount(Object value) {
    if (value == null) {
      return null;
    }
    return (double) EvalValues.toTexts(value).size();
  }

  private static Object mvIndex(List<EvalExpr> args, Record record) {
    List<String> values = EvalValues.toTexts(args.get(0).evaluate(record));
    Double start = number(args, 1, record);
    Double end = args.size() > 2 ? number(args, 2, record) : start;
    if (values.isEmpty() || start == null || end == null) {
      return null;
    }
    int from = resolveIndex(start.intValue(), values.size());
    int to = resolveIndex(end.intValue(), values.size());
    if (from < 0 || from >= values.size() || to < from) {
      return null;
    }
    return EvalValues.ofField(values.subList(from, Math.min(to, values.size() - 1) + 1));
  }

  private static int resolveIndex(int index, int size) {
    return index < 0 ? size + index : index;
  }

  private static Object mvJoin(Object value, String delimiter) {
    if (value == null || delimiter == null) {
      return null;
    }
    return String.join(delimiter, EvalValues.toTexts(value));
  }

  private static Object round(List<EvalExpr> args, Record record) {
    Double value = number(args, 0, record);
    Double digits = args.size() > 1 ? number(args, 1, record) : Double.valueOf(0);
    if (value == null || digits == null || value.isInfinite() || value.isNaN()) {
      return null;
    }
    return BigDecimal.valueOf(value).setScale(digits.intValue(), RoundingMode.HALF_UP)
        .doubleValue();
  }

  private static Object split(String text, String delimiter) {
    if (text == null || delimiter == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (delimiter.isEmpty()) {
      text.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
    } else {
      int start = 0;
      int found;
      while ((found = text.indexOf(delimiter, start)) >= 0) {
        parts.add(text.substring(start, found));
        start = found + delimiter.length();
      }
      parts.add(text.substring(start));
    }
    return parts.size() == 1 ? parts.get(0) : parts;
  }

  private Implementation strftime(List<EvalExpr> arguments, int position) {
    if (arguments.get(1) instanceof EvalExpr.Literal literal
        && literal.value() instanceof String format) {
      checkFormat(format, position, search);
    }
    return (args, r) -> {
      BigDecimal seconds = Numbers.parseExact(text(args, 0, r));
      String format = text(args, 1, r);
      if (seconds == null || format == null) {
        return null;
      }
      return Strftime.format(seconds, format, options.zone());
    };
  }

  /** Rejects a time format that uses a conversion outside {@link Strftime#SUPPORTED}. */
  static void checkFormat(String format, int position, String search) {
    String unsupported = Strftime.firstUnsupported(format);
    if (unsupported != null) {
      throw SplException.unsupported("unsupported time format conversion '" + unsupported
          + "'", unsupported, position, search, Strftime.SUPPORTED);
    }
  }

  private static Object substr(List<EvalExpr> args, Record record) {
    String text = text(args, 0, record);
    Double start = number(args, 1, record);
    if (text == null || start == null) {
      return null;
    }
    int from = start.intValue() > 0 ? start.intValue() - 1
        : Math.max(0, text.length() + start.intValue());
    from = Math.min(from, text.length());
    int to = text.length();
    if (args.size() > 2) {
      Double length = number(args, 2, record);
      if (length == null) {
        return null;
      }
      to = Math.min(text.length(), from + Math.max(0, length.intValue()));
    }
    return text.substring(from, to);
  }
}
