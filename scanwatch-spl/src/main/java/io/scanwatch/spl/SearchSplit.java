package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search cut at its {@code stats} so that it can run over parts of the input at once: each
 * part's records go through the commands before {@code stats} and into that part's groups on the
 * part's own thread, and {@link #finish} takes the parts' groups in input order and runs the rest
 * of the search once. The rows are those of one run over the whole input.
 *
 * <p>Only searches whose commands before {@code stats} each handle a record on its own, and
 * whose aggregations merge exactly, are cut (see {@link CompiledSearch#split()}). Immutable and
 * thread-safe; each {@link Part} belongs to one thread.
 */
public final class SearchSplit {

  private final List<Command> before;
  private final StatsCommand stats;
  private final List<Command> after;
  private final String source;
  /**
   * The field of a view that contains the values of each field {@code stats} reads, after the
   * renames before {@code stats}. Null when the parts take no views (see {@link #takingViews}).
   */
  private final Map<String, String> viewNames;

  SearchSplit(List<Command> before, StatsCommand stats, List<Command> after, String source) {
    this(before, stats, after, source, null);
  }

  private SearchSplit(List<Command> before, StatsCommand stats, List<Command> after,
      String source, Map<String, String> viewNames) {
    this.before = List.copyOf(before);
    this.stats = stats;
    this.after = List.copyOf(after);
    this.source = source;
    this.viewNames = viewNames;
  }

  /**
   * Returns this split with parts that also take events as views of their fields ({@link
   * Part#acceptView}), or this split unchanged when they cannot. A view gives the values of the
   * fields {@code viewFields} names, and none for any other field. It is never changed. Parts
   * take views when the commands before {@code stats} are the initial search and renames of
   * whole field names, and each field {@code stats} reads then contains the values of one field
   * of the view or of none.
   */
  public SearchSplit takingViews(Set<String> viewFields) {
    if (viewNames != null || !(before.get(0) instanceof SearchCommand)) {
      return this;
    }
    List<RenameCommand.Pair> renames = new ArrayList<>();
    for (Command command : before.subList(1, before.size())) {
      if (!(command instanceof RenameCommand rename)) {
        return this;
      }
      for (RenameCommand.Pair pair : rename.pairs()) {
        if (pair.source().contains("*") || pair.target().contains("*")) {
          return this;
        }
        renames.add(pair);
      }
    }
    Set<String> read = new LinkedHashSet<>();
    stats.collectFields(read);
    read.add("_time");
    Map<String, String> names = new HashMap<>();
    for (String field : read) {
      List<String> sources = sourcesOf(field, renames, renames.size());
      List<String> inView = sources.stream().filter(viewFields::contains).toList();
      if (sources.isEmpty() || inView.size() > 1) {
        return this;
      }
      // A field that no field of the view fills is read under a name the view has no values for.
      names.put(field, inView.isEmpty() ? sources.get(0) : inView.get(0));
    }
    return new SearchSplit(before, stats, after, source, Map.copyOf(names));
  }

  /** Tests whether the parts take views (see {@link #takingViews}). */
  public boolean takesViews() {
    return viewNames != null;
  }

  /**
   * Returns the fields of the input whose values {@code field} contains after the first {@code
   * count} renames, in the order they are tried: a rename moves its source's values to its target
   * only when the source has values, and leaves the source without values either way.
   */
  private static List<String> sourcesOf(String field, List<RenameCommand.Pair> renames,
      int count) {
    for (int k = count - 1; k >= 0; k--) {
      RenameCommand.Pair pair = renames.get(k);
      if (pair.source().equals(pair.target())) {
        continue;
      }
      if (field.equals(pair.target())) {
        List<String> sources = new ArrayList<>(sourcesOf(pair.source(), renames, k));
        sources.addAll(sourcesOf(field, renames, k));
        return sources;
      }
      if (field.equals(pair.source())) {
        return List.of();
      }
    }
    return List.of(field);
  }

  /** Starts the run over one part of the input. */
  public Part newPart() {
    return new Part();
  }

  /**
   * Takes in the parts' groups in the order of their parts in the input, runs the commands after
   * {@code stats} and returns the rows, as {@link SearchPipeline#finish} does.
   *
   * @throws SplException when evaluation fails
   */
  public List<Map<String, List<String>>> finish(List<Part> parts) {
    List<Map<String, List<String>>> rows = new ArrayList<>();
    StatsCommand.StatsStage merged = stats.startMergeable(SearchPipeline.chain(after, rows));
    for (Part part : parts) {
      merged.absorb(part.groups);
    }
    try {
      merged.finish();
    } catch (SplException e) {
      throw e.withSource(source);
    }
    return List.copyOf(rows);
  }

  /** Returns what the parts' {@code stats} took in, over all of them. */
  public StatsInput statsInput(List<Part> parts) {
    StatsCommand.StatsStage all = stats.startMergeable(null);
    for (Part part : parts) {
      all.absorbInput(part.groups);
    }
    return all.input();
  }

  /** The run over one part: the commands before {@code stats} and the part's groups. */
  public final class Part {
    private final StatsCommand.StatsStage groups = viewNames == null
        ? stats.startMergeable(null)
        : stats.startMergeable(null, viewNames::get);
    private final Stage head;

    private Part() {
      Stage stage = groups;
      for (int i = before.size() - 1; i >= 0; i--) {
        stage = before.get(i).start(stage);
      }
      this.head = stage;
    }

    /**
     * Passes one event through the commands before {@code stats}. The part may change the
     * record, so pass a copy when the caller keeps using it.
     *
     * @throws SplException when evaluation fails, as a {@code match} past its time limit
     */
    public void accept(Record event) {
      try {
        head.push(event);
      } catch (SplException e) {
        throw e.withSource(source);
      }
    }

    /**
     * Passes one event through the commands before {@code stats} as {@link #accept} passes its
     * record, given as a view of its fields that {@link #takingViews} describes. The initial
     * search reads the view, and {@code stats} reads each field from the view's field that
     * contains its values.
     *
     * @throws IllegalStateException when the split's parts take no views
     */
    public void acceptView(FieldValues view) {
      if (viewNames == null) {
        throw new IllegalStateException("this search's parts take no views");
      }
      if (((SearchCommand) before.get(0)).terms().matches(view)) {
        groups.pushView(view);
      }
    }
  }
}
