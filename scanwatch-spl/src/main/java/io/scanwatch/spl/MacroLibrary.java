package io.scanwatch.spl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search macros by key, and their expansion in a search. Immutable and thread-safe; the
 * {@code with} methods return a new library in which later definitions replace earlier ones.
 *
 * <p>A macro call is {@code `name`} or {@code `name(arg1, arg2)`}, looked up as {@code name}
 * or {@code name(2)}. A macro whose name ends in {@code _filter} and that no file defines
 * expands to {@code search *}, because ESCU leaves these tuning hooks for users to define.
 */
public final class MacroLibrary {

  private static final Pattern KEYED_NAME = Pattern.compile("(.+)\\(([0-9]+)\\)");
  private static final int MAX_DEPTH = 20;
  private static final String DEFAULTS_RESOURCE = "default-macros.yml";

  private final Map<String, Macro> macros;

  private MacroLibrary(Map<String, Macro> macros) {
    this.macros = Map.copyOf(macros);
  }

  /** Returns a library with no macros; only the {@code *_filter} fallback applies. */
  public static MacroLibrary empty() {
    return new MacroLibrary(Map.of());
  }

  /**
   * Returns the built-in definitions: {@code security_content_ctime(1)} and
   * {@code aws_cloudwatchlogs_eks}.
   */
  public static MacroLibrary defaults() {
    try (InputStream in = MacroLibrary.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULTS_RESOURCE + " is missing");
      }
      List<Macro> parsed = new ArrayList<>();
      for (JsonNode node : YamlTree.read(in, DEFAULTS_RESOURCE).path("macros")) {
        parsed.add(fromYaml(node, DEFAULTS_RESOURCE));
      }
      return empty().with(parsed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  /** Returns this library plus the given macros. */
  public MacroLibrary with(List<Macro> added) {
    Map<String, Macro> copy = new LinkedHashMap<>(macros);
    added.forEach(macro -> copy.put(macro.key(), macro));
    return new MacroLibrary(copy);
  }

  /**
   * Returns this library plus the macro of one ESCU macro YAML file ({@code name},
   * {@code definition} and optional {@code arguments}).
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it lacks a name or a definition
   */
  public MacroLibrary withFile(Path file) throws IOException {
    JsonNode node = YamlTree.read(file);
    return with(List.of(fromYaml(node, file.toString())));
  }

  /** Returns this library plus every {@code .yml} and {@code .yaml} file of a folder, in name order. */
  public MacroLibrary withDirectory(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(path -> path.toString().endsWith(".yml")
          || path.toString().endsWith(".yaml")).sorted().toList();
    }
    MacroLibrary library = this;
    for (Path file : files) {
      library = library.withFile(file);
    }
    return library;
  }

  private static Macro fromYaml(JsonNode node, String origin) {
    String name = node.path("name").asText("");
    JsonNode definition = node.get("definition");
    if (name.isEmpty() || definition == null || definition.isNull()) {
      throw new IllegalArgumentException(origin + ": a macro needs 'name' and 'definition'");
    }
    List<String> arguments = new ArrayList<>();
    node.path("arguments").forEach(argument -> arguments.add(argument.asText()));
    Matcher keyed = KEYED_NAME.matcher(name);
    if (arguments.isEmpty() && keyed.matches() && !keyed.group(2).equals("0")) {
      throw new IllegalArgumentException(origin + ": macro '" + name + "' names "
          + keyed.group(2) + " arguments but lists none under 'arguments'");
    }
    String plainName = keyed.matches() ? keyed.group(1) : name;
    return new Macro(plainName, arguments, definition.asText());
  }

  /** Returns the macro for a key such as {@code security_content_ctime(1)}, or null. */
  public Macro find(String key) {
    return macros.get(key);
  }

  /**
   * Expands every macro call outside double quotes, recursively.
   *
   * @throws SplException for an unknown macro, a wrong argument count, a cycle or an
   *     unterminated call
   */
  public String expand(String search) {
    String expanded = expand(search, 0);
    if (expanded.length() > MAX_EXPANDED_LENGTH) {
      throw SplException.at("the search is " + expanded.length() + " characters long after its "
          + "macros are expanded, more than the limit of " + MAX_EXPANDED_LENGTH, null, 0, search);
    }
    return expanded;
  }

  /** The longest search that macros may expand to, against macros that multiply each other. */
  static final int MAX_EXPANDED_LENGTH = 1 << 20;

  private String expand(String search, int depth) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < search.length(); i++) {
      char c = search.charAt(i);
      if (c == '\\' && quoted && i + 1 < search.length()) {
        out.append(c).append(search.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c != '`' || quoted) {
        out.append(c);
        continue;
      }
      int close = search.indexOf('`', i + 1);
      if (close < 0) {
        throw SplException.at("unterminated macro call: a backtick has no closing backtick",
            null, i, search);
      }
      out.append(expandCall(search, i, close, depth));
      if (out.length() > MAX_EXPANDED_LENGTH) {
        throw SplException.at("macros expand the search past " + MAX_EXPANDED_LENGTH
            + " characters", null, i, search);
      }
      i = close;
    }
    return out.toString();
  }

  private String expandCall(String search, int open, int close, int depth) {
    String call = search.substring(open + 1, close).trim();
    if (depth >= MAX_DEPTH) {
      throw SplException.at("macro '" + call + "' nests deeper than " + MAX_DEPTH
          + " levels; check for a macro that calls itself", call, open, search);
    }
    int paren = call.indexOf('(');
    String name = paren < 0 ? call : call.substring(0, paren).trim();
    List<String> arguments = paren < 0 ? List.of() : splitArguments(call, paren, search, open);
    String key = arguments.isEmpty() ? name : name + "(" + arguments.size() + ")";
    Macro macro = macros.get(key);
    if (macro == null) {
      if (name.endsWith("_filter") && arguments.isEmpty()) {
        return "search *";
      }
      throw SplException.at("macro '" + key + "' is not defined; define it in an ESCU macro"
          + " file", key, open, search);
    }
    String body = macro.definition();
    for (int i = 0; i < arguments.size(); i++) {
      body = body.replace("$" + macro.arguments().get(i) + "$", arguments.get(i));
    }
    return expand(body, depth + 1);
  }

  private static List<String> splitArguments(String call, int paren, String search, int at) {
    if (!call.endsWith(")")) {
      throw SplException.at("macro call '" + call + "' must end with ')'", call, at, search);
    }
    List<String> arguments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = paren + 1; i < call.length() - 1; i++) {
      char c = call.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        arguments.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    arguments.add(current.toString().trim());
    return arguments;
  }
}
