package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the arguments of one command, after its name, into a {@link Command}. */
final class CommandArguments {

  private static final Map<String, Long> SPAN_UNITS = Map.ofEntries(
      Map.entry("s", 1L), Map.entry("sec", 1L), Map.entry("secs", 1L),
      Map.entry("second", 1L), Map.entry("seconds", 1L),
      Map.entry("m", 60L), Map.entry("min", 60L), Map.entry("mins", 60L),
      Map.entry("minute", 60L), Map.entry("minutes", 60L),
      Map.entry("h", 3_600L), Map.entry("hr", 3_600L), Map.entry("hrs", 3_600L),
      Map.entry("hour", 3_600L), Map.entry("hours", 3_600L),
      Map.entry("d", 86_400L), Map.entry("day", 86_400L), Map.entry("days", 86_400L));

  private final Cursor cursor;
  private final EvalFunctions functions;
  private final SearchOptions options;

  CommandArguments(Cursor cursor, EvalFunctions functions, SearchOptions options) {
    this.cursor = cursor;
    this.functions = functions;
    this.options = options;
  }

  private record Option(String key, String value, int position) {}

  /** Reads {@code key=value} at the cursor, or returns null and leaves the cursor in place. */
  private Option readOption() {
    cursor.skipSpace();
    int start = cursor.index();
    if (cursor.peek() == '"') {
      return null;
    }
    String key = cursor.readWord("");
    if (key.isEmpty() || cursor.peek() != '=') {
      cursor.reset(start);
      return null;
    }
    cursor.advance(1);
    cursor.skipSpace();
    String value = cursor.peek() == '"' ? cursor.readQuoted() : cursor.readWord("");
    return new Option(key.toLowerCase(Locale.ROOT), value, start);
  }

  private SplException unsupportedOption(String command, Option option, List<String> known) {
    return SplException.unsupported("unsupported option '" + option.key() + "' of " + command,
        option.key(), option.position(), cursor.search(), known);
  }

  private void expectEnd(String command) {
    if (!cursor.atEnd()) {
      throw cursor.error("unexpected text in " + command);
    }
  }

  Command where() {
    EvalExpr condition = new EvalParser(cursor, functions).parse();
    expectEnd("where");
    return new WhereCommand(condition);
  }

  Command eval() {
    List<EvalCommand.Assignment> assignments = new ArrayList<>();
    do {
      cursor.skipSpace();
      int position = cursor.index();
      String field = cursor.peek() == '\'' ? readSingleQuotedName() : cursor.requireWord(
          "a field name");
      if (!cursor.consume("=") || cursor.peek() == '=') {
        throw cursor.error("expected '=' after the eval field name");
      }
      EvalExpr expression = new EvalParser(cursor, functions).parse();
      assignments.add(new EvalCommand.Assignment(field, expression, position));
    } while (cursor.consume(","));
    expectEnd("eval");
    return new EvalCommand(List.copyOf(assignments), cursor.search());
  }

  private String readSingleQuotedName() {
    int close = cursor.search().indexOf('\'', cursor.index() + 1);
    if (close < 0) {
      throw cursor.error("unterminated single-quoted field name");
    }
    String name = cursor.search().substring(cursor.index() + 1, close);
    cursor.reset(close + 1);
    return name;
  }

  Command rename() {
    List<RenameCommand.Pair> pairs = new ArrayList<>();
    while (!cursor.atEnd()) {
      String source = cursor.requireWord("a field to rename");
      if (!cursor.consumeKeyword("as", true)) {
        throw cursor.error("expected 'as' after '" + source + "' in rename");
      }
      String target = cursor.requireWord("a new field name");
      if (source.chars().filter(c -> c == '*').count() > 1
          || source.contains("*") != target.contains("*")) {
        throw cursor.error("rename supports one '*' in both names or none");
      }
      pairs.add(new RenameCommand.Pair(source, target));
      cursor.consume(",");
    }
    if (pairs.isEmpty()) {
      throw cursor.error("expected 'field as name' in rename");
    }
    return new RenameCommand(List.copyOf(pairs));
  }

  Command stats() {
    List<Aggregation> aggregations = new ArrayList<>();
    while (!cursor.atEnd() && !atKeyword("by")) {
      aggregations.add(aggregation());
      cursor.consume(",");
    }
    if (aggregations.isEmpty()) {
      throw cursor.error("expected a statistical function in stats");
    }
    List<String> by = List.of();
    if (cursor.consumeKeyword("by", true)) {
      by = fieldList("stats by");
    }
    return new StatsCommand(List.copyOf(aggregations), by);
  }

  private boolean atKeyword(String keyword) {
    int start = cursor.index();
    boolean found = cursor.consumeKeyword(keyword, true);
    cursor.reset(start);
    return found;
  }

  private Aggregation aggregation() {
    cursor.skipSpace();
    int position = cursor.index();
    String function = cursor.readWord("");
    String canonicalName = function.toLowerCase(Locale.ROOT);
    if (!Aggregation.FUNCTIONS.contains(canonicalName)) {
      throw SplException.unsupported("unsupported stats function '" + function + "'", function,
          position, cursor.search(), Aggregation.FUNCTIONS);
    }
    String field = null;
    if (cursor.peek() == '(') {
      cursor.advance(1);
      cursor.skipSpace();
      int fieldPosition = cursor.index();
      field = cursor.peek() == '"' ? cursor.readQuoted() : cursor.readWord("");
      if (field.isEmpty()) {
        throw cursor.error("expected a field name in " + function + "()");
      }
      if (field.equalsIgnoreCase("eval") && cursor.peek() == '(') {
        throw SplException.unsupported("eval expressions inside stats functions are not "
            + "supported; compute the field with eval before stats, such as | eval lists=if("
            + "verb=\"list\", 1, null()) | stats count(lists)", "eval", fieldPosition,
            cursor.search(), List.of());
      }
      cursor.expect(")", "')' after the field of " + function);
    } else if (!canonicalName.equals("count") && !canonicalName.equals("c")) {
      throw SplException.at(function + " needs a field, as in " + function + "(field)",
          function, position, cursor.search());
    }
    String name = field == null ? function : function + "(" + field + ")";
    if (cursor.consumeKeyword("as", true)) {
      name = cursor.requireWord("a name after 'as'");
    }
    return new Aggregation(canonicalName, field, name);
  }

  List<String> fieldList(String command) {
    List<String> names = new ArrayList<>();
    while (!cursor.atEnd()) {
      names.add(cursor.requireWord("a field name in " + command));
      cursor.consume(",");
    }
    if (names.isEmpty()) {
      throw cursor.error("expected field names in " + command);
    }
    return List.copyOf(names);
  }

  Command fields() {
    boolean remove = cursor.consume("-");
    if (!remove) {
      cursor.consume("+");
    }
    return new FieldsCommand(remove, fieldList("fields"));
  }

  Command sort() {
    int limit = SortCommand.DEFAULT_LIMIT;
    Option option = readOption();
    if (option != null) {
      if (!option.key().equals("limit")) {
        throw unsupportedOption("sort", option, List.of("limit"));
      }
      limit = parseCount(option.value(), "sort limit", option.position());
    } else if (Character.isDigit(firstChar())) {
      limit = parseCount(cursor.readWord(""), "sort count", cursor.index());
    }
    List<SortCommand.Key> keys = new ArrayList<>();
    while (!cursor.atEnd()) {
      boolean descending = cursor.consume("-");
      if (!descending) {
        cursor.consume("+");
      }
      int position = cursor.index();
      String field = cursor.requireWord("a field to sort by");
      if (cursor.peek() == '(') {
        throw SplException.unsupported("unsupported sort function '" + field + "'", field,
            position, cursor.search(), List.of("-field", "+field"));
      }
      keys.add(new SortCommand.Key(field, descending));
      cursor.consume(",");
    }
    if (keys.isEmpty()) {
      throw cursor.error("expected a field to sort by");
    }
    return new SortCommand(limit, List.copyOf(keys));
  }

  private char firstChar() {
    cursor.skipSpace();
    return cursor.peek();
  }

  private int parseCount(String text, String what, int position) {
    if (!text.matches("[0-9]{1,9}")) {
      throw SplException.at(what + " must be a whole number, got '" + text + "'", null,
          position, cursor.search());
    }
    return Integer.parseInt(text);
  }

  Command head() {
    long limit = 10;
    Option option = readOption();
    if (option != null) {
      if (!option.key().equals("limit")) {
        throw unsupportedOption("head", option, List.of("limit"));
      }
      limit = parseCount(option.value(), "head limit", option.position());
    } else if (!cursor.atEnd()) {
      int position = cursor.index();
      limit = parseCount(cursor.readWord(""), "head count", position);
    }
    expectEnd("head");
    return new HeadCommand(limit);
  }

  Command dedup() {
    int keep = 1;
    boolean keepEmpty = false;
    if (Character.isDigit(firstChar())) {
      int position = cursor.index();
      keep = parseCount(cursor.readWord(""), "dedup count", position);
    }
    List<String> fields = new ArrayList<>();
    while (!cursor.atEnd()) {
      Option option = readOption();
      if (option != null) {
        if (!option.key().equals("keepempty")) {
          throw unsupportedOption("dedup", option, List.of("keepempty"));
        }
        keepEmpty = option.value().equalsIgnoreCase("true");
      } else {
        fields.add(cursor.requireWord("a field name in dedup"));
        cursor.consume(",");
      }
    }
    if (fields.isEmpty()) {
      throw cursor.error("expected field names in dedup");
    }
    return new DedupCommand(Math.max(keep, 1), List.copyOf(fields), keepEmpty);
  }

  Command fillnull() {
    String value = "0";
    List<String> fields = new ArrayList<>();
    while (!cursor.atEnd()) {
      Option option = readOption();
      if (option != null) {
        if (!option.key().equals("value")) {
          throw unsupportedOption("fillnull", option, List.of("value"));
        }
        value = option.value();
      } else {
        fields.add(cursor.requireWord("a field name in fillnull"));
        cursor.consume(",");
      }
    }
    return new FillnullCommand(value, List.copyOf(fields));
  }

  Command spath() {
    String input = "_raw";
    String output = null;
    String path = null;
    while (!cursor.atEnd()) {
      Option option = readOption();
      int position = cursor.index();
      if (option == null) {
        path = cursor.requireWord("a path in spath");
        continue;
      }
      switch (option.key()) {
        case "input" -> input = option.value();
        case "output" -> output = option.value();
        case "path" -> path = option.value();
        default -> throw unsupportedOption("spath", option, List.of("input", "output", "path"));
      }
      if (path != null && !SpathCommand.validPath(path)) {
        throw SplException.at("invalid spath path '" + path + "'", "spath", position,
            cursor.search());
      }
    }
    return new SpathCommand(input, output, path);
  }

  Command convert() {
    String format = ConvertCommand.DEFAULT_FORMAT;
    List<ConvertCommand.Conversion> conversions = new ArrayList<>();
    while (!cursor.atEnd()) {
      Option option = readOption();
      if (option != null) {
        if (!option.key().equals("timeformat")) {
          throw unsupportedOption("convert", option, List.of("timeformat"));
        }
        format = option.value();
        EvalFunctions.checkFormat(format, option.position(), cursor.search());
        continue;
      }
      conversions.add(conversion());
    }
    if (conversions.isEmpty()) {
      throw cursor.error("expected ctime(field) in convert");
    }
    return new ConvertCommand(format, List.copyOf(conversions), options.zone());
  }

  private ConvertCommand.Conversion conversion() {
    cursor.skipSpace();
    int position = cursor.index();
    String function = cursor.readWord("");
    if (!ConvertCommand.FUNCTIONS.contains(function.toLowerCase(Locale.ROOT))
        || cursor.peek() != '(') {
      throw SplException.unsupported("unsupported convert function '" + function + "'",
          function, position, cursor.search(), ConvertCommand.FUNCTIONS);
    }
    cursor.advance(1);
    String field = cursor.requireWord("a field in ctime()");
    cursor.expect(")", "')' after the field of ctime");
    String target = field;
    if (cursor.consumeKeyword("as", true)) {
      target = cursor.requireWord("a name after 'as'");
    }
    return new ConvertCommand.Conversion(field, target);
  }

  Command bin() {
    String field = null;
    String target = null;
    Option span = null;
    while (!cursor.atEnd()) {
      Option option = readOption();
      if (option != null) {
        if (!option.key().equals("span")) {
          throw unsupportedOption("bin", option, List.of("span"));
        }
        span = option;
      } else if (field != null && cursor.consumeKeyword("as", true)) {
        target = cursor.requireWord("a name after 'as'");
      } else {
        field = cursor.requireWord("a field to bin");
      }
    }
    if (field == null || span == null) {
      throw cursor.error("bin needs a field and span=, as in 'bin _time span=5m'");
    }
    return spanCommand(field, target == null ? field : target, span);
  }

  private Command spanCommand(String field, String target, Option span) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("([0-9]{1,9})([a-z]*)").matcher(span.value());
    Long unit = matcher.matches() ? SPAN_UNITS.getOrDefault(
        matcher.group(2).isEmpty() ? "s" : matcher.group(2), null) : null;
    if (unit == null || Long.parseLong(matcher.group(1)) == 0) {
      throw SplException.unsupported("unsupported span '" + span.value() + "'", span.value(),
          span.position(), cursor.search(), List.of("Ns", "Nm", "Nh", "Nd"));
    }
    long seconds = Long.parseLong(matcher.group(1)) * unit;
    return new BinCommand(field, target, seconds, unit == 86_400L, options.zone());
  }
}
