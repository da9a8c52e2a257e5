package io.scanwatch.spl;

import java.util.List;
import java.util.Map;

/**
 * Compiles searches of the supported SPL subset. The search before the first pipe is a list
 * of search terms, and the commands after it are those of {@link #supportedCommands()}.
 */
public final class Spl {

  private Spl() {}

  /**
   * Expands macros, then {@code $token$} parameters, then parses and validates the search, so
   * that every unsupported command or function fails here, before any event is read.
   *
   * @param search the search text as written
   * @param macros the macro definitions to expand
   * @param parameters values of {@code $name$} tokens
   * @param source a label for messages, such as the detection file name
   * @param options time zone and regular expression limit
   * @throws SplException when the search is invalid or outside the subset
   */
  public static CompiledSearch compile(String search, MacroLibrary macros,
      Map<String, String> parameters, String source, SearchOptions options) {
    try {
      String withMacros = macros.expand(search);
      String expanded = Tokens.replace(withMacros, parameters);
      List<Command> commands = new CommandParser(expanded, options).parse();
      return new CompiledSearch(expanded, source, commands, Tokens.names(withMacros));
    } catch (SplException e) {
      throw e.withSource(source);
    }
  }

  /** Compiles with the built-in macros, no parameters and {@link SearchOptions#DEFAULTS}. */
  public static CompiledSearch compile(String search) {
    return compile(search, MacroLibrary.defaults(), Map.of(), null, SearchOptions.DEFAULTS);
  }

  /** Returns the supported commands. */
  public static List<String> supportedCommands() {
    return CommandParser.COMMANDS;
  }

  /** Returns the supported eval functions. */
  public static List<String> supportedEvalFunctions() {
    return EvalFunctions.NAMES;
  }

  /** Returns the supported stats functions. */
  public static List<String> supportedStatsFunctions() {
    return Aggregation.FUNCTIONS;
  }
}
