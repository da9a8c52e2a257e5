package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expanded search at its pipes and parses each command of the supported subset. */
final class CommandParser {

  /** Commands of the supported subset. */
  static final List<String> COMMANDS = List.of("bin", "bucket", "convert", "dedup", "eval",
      "fields", "fillnull", "head", "rename", "search", "sort", "spath", "stats", "table",
      "where");

  private final String search;
  private final SearchOptions options;
  private final EvalFunctions functions;

  CommandParser(String search, SearchOptions options) {
    this.search = search;
    this.options = options;
    this.functions = new EvalFunctions(options, search);
  }

  /** Parses every command; the text before the first pipe is an implicit {@code search}. */
  List<Command> parse() {
    List<int[]> segments = segments();
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      int[] segment = segments.get(i);
      Cursor cursor = new Cursor(search, segment[0], segment[1]);
      if (i == 0) {
        if (cursor.atEnd() && segments.size() > 1) {
          throw SplException.unsupported("a search must start with search terms, not with a"
              + " generating command", null, segment[1], search, List.of());
        }
        commands.add(new SearchCommand(SearchParser.parse(cursor)));
      } else {
        commands.add(parseCommand(cursor));
      }
    }
    return commands;
  }

  private List<int[]> segments() {
    List<int[]> segments = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < search.length(); i++) {
      char c = search.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '|' && !quoted) {
        segments.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (quoted) {
      throw SplException.at("unterminated quoted string", null, search.lastIndexOf('"'),
          search);
    }
    segments.add(new int[] {start, search.length()});
    return segments;
  }

  private Command parseCommand(Cursor cursor) {
    cursor.skipSpace();
    int position = cursor.index();
    String name = cursor.readWord("");
    if (name.isEmpty()) {
      throw SplException.at("expected a command name after '|'", null, position, search);
    }
    CommandArguments arguments = new CommandArguments(cursor, functions, options);
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "search" -> new SearchCommand(SearchParser.parse(cursor));
      case "where" -> arguments.where();
      case "eval" -> arguments.eval();
      case "rename" -> arguments.rename();
      case "stats" -> arguments.stats();
      case "table" -> new TableCommand(arguments.fieldList("table"));
      case "fields" -> arguments.fields();
      case "sort" -> arguments.sort();
      case "head" -> arguments.head();
      case "dedup" -> arguments.dedup();
      case "fillnull" -> arguments.fillnull();
      case "spath" -> arguments.spath();
      case "convert" -> arguments.convert();
      case "bin", "bucket" -> arguments.bin();
      default -> throw SplException.unsupported("unsupported command '" + name + "'", name,
          position, search, COMMANDS);
    };
  }
}
