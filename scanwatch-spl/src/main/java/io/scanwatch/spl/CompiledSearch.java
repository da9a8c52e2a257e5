package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed and validated search. Immutable and thread-safe: start any number of
 * {@link SearchPipeline}s from it, one per run.
 */
public final class CompiledSearch {

  private final String search;
  private final String source;
  private final List<Command> commands;
  private final Set<String> tokens;

  CompiledSearch(String search, String source, List<Command> commands, Set<String> tokens) {
    this.search = search;
    this.source = source;
    this.commands = List.copyOf(commands);
    this.tokens = Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
  }

  /** Returns the names of the {@code $name$} tokens the search had, which parameters filled. */
  public Set<String> tokens() {
    return tokens;
  }

  /** Returns the search after macro and token expansion. */
  public String search() {
    return search;
  }

  /** Starts a new run. */
  public SearchPipeline newPipeline() {
    return new SearchPipeline(commands, source);
  }

  /**
   * Returns the literal texts that every event the initial search keeps contains in its
   * {@code _raw}, compared ignoring ASCII case, for a prefilter on raw bytes. They come from
   * {@code field=value} terms (the longest run between wildcards) and bare terms joined by
   * AND, leaving out terms under OR or NOT and metadata fields such as {@code sourcetype}.
   * The texts are unescaped values: a prefilter over JSON must also accept their escaped forms
   * (such as a backslash-u escape of {@code &} or of any letter).
   */
  public List<String> requiredLiterals() {
    List<String> literals = new ArrayList<>();
    ((SearchCommand) commands.get(0)).terms().collectRequiredLiterals(literals);
    return Collections.unmodifiableList(literals);
  }

  /**
   * Returns the names of the fields the search reads, for a projection. The set may name
   * fields the search itself creates. It contains {@code *} when a wildcard in {@code table},
   * {@code fields} or {@code rename} can read any field, and then every field is needed.
   */
  public Set<String> fieldsRead() {
    Set<String> fields = new LinkedHashSet<>();
    commands.forEach(command -> command.collectFields(fields));
    return Collections.unmodifiableSet(fields);
  }

  /** Returns the names of the fields the initial search (before the first pipe) reads. */
  public Set<String> initialFieldsRead() {
    Set<String> fields = new LinkedHashSet<>();
    commands.get(0).collectFields(fields);
    return Collections.unmodifiableSet(fields);
  }

  /**
   * Tests whether the initial search keeps an event whose fields {@code fields} gives. Only the
   * fields {@link #initialFieldsRead} names are read, so a caller can test a view of the event
   * first and make its whole record only when the event is kept.
   */
  public boolean initiallyKeeps(FieldValues fields) {
    return ((SearchCommand) commands.get(0)).terms().matches(fields);
  }

  /**
   * Returns the search cut at its first {@code stats} for runs over parts of the input, or null
   * when it cannot be cut: when a command before {@code stats} keeps state between records (as
   * {@code head}, {@code dedup} or {@code sort}), when another command needs all events first, or
   * when {@code stats} has {@code sum} or {@code avg}, whose partial sums may round differently.
   */
  public SearchSplit split() {
    for (int i = 0; i < commands.size(); i++) {
      Command command = commands.get(i);
      if (command instanceof StatsCommand stats) {
        return stats.mergeable()
            ? new SearchSplit(commands.subList(0, i), stats,
                commands.subList(i + 1, commands.size()), source)
            : null;
      }
      if (!command.recordLocal()) {
        return null;
      }
    }
    return null;
  }

  /**
   * Returns the values of {@code field=value} terms on {@code field} that every event the initial
   * search keeps must match (terms joined by AND at the top of the search), as written.
   */
  public List<String> requiredValues(String field) {
    List<String> values = new ArrayList<>();
    collectRequired(((SearchCommand) commands.get(0)).terms(), field, values);
    return values;
  }

  /** Tests whether a {@code field=value} value, wildcards and ASCII case included, matches. */
  public static boolean valueMatches(String pattern, String value) {
    return Wildcard.matches(pattern, value, true);
  }

  private static void collectRequired(SearchExpr expr, String field, List<String> values) {
    if (expr instanceof SearchExpr.And and) {
      and.terms().forEach(term -> collectRequired(term, field, values));
    } else if (expr instanceof SearchExpr.FieldTerm term && term.field().equals(field)
        && term.operator() == SearchExpr.Operator.EQ) {
      values.add(term.value());
    }
  }

  /** Tests whether the search has a command that needs all events before it emits rows. */
  public boolean transforming() {
    return commands.stream().anyMatch(Command::transforming);
  }
}
