package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  SearchSplit(List<Command> before, StatsCommand stats, List<Command> after, String source) {
    this.before = List.copyOf(before);
    this.stats = stats;
    this.after = List.copyOf(after);
    this.source = source;
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

  /** The run over one part: the commands before {@code stats} and the part's groups. */
  public final class Part {
    private final StatsCommand.StatsStage groups = stats.startMergeable(null);
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
  }
}
