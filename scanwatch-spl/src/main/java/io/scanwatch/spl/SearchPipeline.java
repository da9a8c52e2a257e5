package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of a compiled search. Feed each event to {@link #accept}, then call {@link #finish}
 * once for the result rows. Streaming commands process an event as it arrives; {@code stats},
 * {@code sort} and {@code fillnull} without fields hold their input until {@code finish}.
 *
 * <p>Not thread-safe: use one pipeline per thread and do not share it. Rows of separate
 * pipelines cannot be merged, so a search with {@code stats} must see all its events through
 * one pipeline.
 */
public final class SearchPipeline {

  private final Stage head;
  private final List<Map<String, List<String>>> rows = new ArrayList<>();
  private final String source;
  private final StatsCommand.StatsStage firstStats;
  private boolean finished;

  SearchPipeline(List<Command> commands, String source) {
    this.source = source;
    // The chain is built here as in chain(), keeping the first stats stage.
    Stage stage = chain(List.of(), rows);
    StatsCommand.StatsStage firstStats = null;
    for (int i = commands.size() - 1; i >= 0; i--) {
      stage = commands.get(i).start(stage);
      if (stage instanceof StatsCommand.StatsStage stats) {
        firstStats = stats;
      }
    }
    this.head = stage;
    this.firstStats = firstStats;
  }

  /** Returns what the search's first {@code stats} took in so far, or null when it has none. */
  public StatsInput statsInput() {
    return firstStats == null ? null : firstStats.input();
  }

  /** Starts {@code commands} in order, the last passing its records to {@code rows}. */
  static Stage chain(List<Command> commands, List<Map<String, List<String>>> rows) {
    Stage stage = new Stage() {
      @Override
      public void push(Record record) {
        rows.add(record.toMap());
      }

      @Override
      public void finish() {}
    };
    for (int i = commands.size() - 1; i >= 0; i--) {
      stage = commands.get(i).start(stage);
    }
    return stage;
  }

  /**
   * Passes one event through the search. The pipeline may change the record, so pass a copy
   * when the caller keeps using it.
   *
   * @throws IllegalStateException after {@link #finish}
   * @throws SplException when evaluation fails, as a {@code match} past its time limit
   */
  public void accept(Record event) {
    if (finished) {
      throw new IllegalStateException("the pipeline is finished; compile a new one");
    }
    try {
      head.push(event);
    } catch (SplException e) {
      throw e.withSource(source);
    }
  }

  /**
   * Ends the input and returns the result rows in order. Each row maps column names to
   * values; an empty list is a column without a value.
   */
  public List<Map<String, List<String>>> finish() {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    finished = true;
    try {
      head.finish();
    } catch (SplException e) {
      throw e.withSource(source);
    }
    return List.copyOf(rows);
  }
}
