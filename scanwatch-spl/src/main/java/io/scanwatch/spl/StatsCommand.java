package io.scanwatch.spl;

import io.scanwatch.core.text.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stats}: aggregates records into one row per combination of by-field values.
 *
 * <p>A record gives one combination for each choice of one value from every by-field, so two
 * multivalue by-fields give every pair, and a value repeated in a record counts that record
 * twice for its group (Splunk's {@code dedup_splitvals=false}). A record without a value for
 * some by-field is dropped. Rows are sorted by their by-values, each compared by UTF-8 bytes.
 * Without by-fields there is exactly one row, even for no records.
 */
record StatsCommand(List<Aggregation> aggregations, List<String> byFields) implements Command {

  @Override
  public Stage start(Stage next) {
    return new StatsStage(next);
  }

  /** Starts a stage that sends its rows to {@code next} and can take in other runs' groups. */
  StatsStage startMergeable(Stage next) {
    return new StatsStage(next);
  }

  /**
   * Tests whether the states of runs over consecutive parts of the input, merged in input order,
   * give the rows of one run. Every aggregation can, except {@code sum} and {@code avg}: a sum of
   * partial sums may differ from the running sum in its last bits.
   */
  boolean mergeable() {
    return aggregations.stream().noneMatch(aggregation ->
        aggregation.canonical().equals("sum") || aggregation.canonical().equals("avg"));
  }

  @Override
  public boolean transforming() {
    return true;
  }

  @Override
  public void collectFields(Set<String> fields) {
    fields.addAll(byFields);
    for (Aggregation aggregation : aggregations) {
      if (aggregation.field() != null) {
        fields.add(aggregation.field());
      }
      if (aggregation.canonical().equals("earliest") || aggregation.canonical().equals("latest")) {
        fields.add("_time");
      }
    }
  }

  /** The running {@code stats}: one state per group. */
  final class StatsStage implements Stage {
    private final Stage next;
    private final Map<List<String>, Accumulator[]> groups = new HashMap<>();
    /** Whether an aggregation reads {@code _time} ({@code earliest}, {@code latest}). */
    private final boolean readsTime;

    StatsStage(Stage next) {
      this.next = next;
      this.readsTime = aggregations.stream().anyMatch(aggregation ->
          aggregation.canonical().equals("earliest") || aggregation.canonical().equals("latest"));
    }

    @Override
    public void push(Record record) {
      List<List<String>> keys = new ArrayList<>();
      keys.add(List.of());
      for (String field : byFields) {
        keys = extend(keys, record.values(field));
      }
      BigDecimal time = readsTime ? Numbers.parseExact(record.first("_time")) : null;
      for (List<String> key : keys) {
        Accumulator[] state = groups.computeIfAbsent(key, k -> newState());
        for (int i = 0; i < state.length; i++) {
          Aggregation aggregation = aggregations.get(i);
          List<String> values = aggregation.field() == null ? List.of()
              : record.values(aggregation.field());
          state[i].add(values, time, aggregation.field() == null);
        }
      }
    }

    /**
     * Takes in the groups of a run over the part of the input right after this one's; that run's
     * stage is not used afterwards.
     */
    void absorb(StatsStage later) {
      later.groups.forEach((key, state) -> {
        Accumulator[] mine = groups.get(key);
        if (mine == null) {
          groups.put(key, state);
          return;
        }
        for (int i = 0; i < mine.length; i++) {
          mine[i].absorb(state[i]);
        }
      });
    }

    private List<List<String>> extend(List<List<String>> keys, List<String> values) {
      List<List<String>> extended = new ArrayList<>(keys.size() * values.size());
      for (List<String> key : keys) {
        for (String value : values) {
          List<String> longer = new ArrayList<>(key);
          longer.add(value);
          extended.add(longer);
        }
      }
      return extended;
    }

    private Accumulator[] newState() {
      Accumulator[] state = new Accumulator[aggregations.size()];
      for (int i = 0; i < state.length; i++) {
        state[i] = new Accumulator(aggregations.get(i).canonical());
      }
      return state;
    }

    @Override
    public void finish() {
      if (byFields.isEmpty() && groups.isEmpty()) {
        groups.put(List.of(), newState());
      }
      List<List<String>> keys = new ArrayList<>(groups.keySet());
      keys.sort(StatsCommand::compareKeys);
      for (List<String> key : keys) {
        next.push(row(key, groups.get(key)));
      }
      next.finish();
    }

    private Record row(List<String> key, Accumulator[] state) {
      Record row = Record.empty();
      for (int i = 0; i < byFields.size(); i++) {
        row.set(byFields.get(i), List.of(key.get(i)));
      }
      for (int i = 0; i < state.length; i++) {
        String name = aggregations.get(i).name();
        row.set(name, state[i].result());
        row.declare(name);
      }
      return row;
    }
  }

  private static int compareKeys(List<String> left, List<String> right) {
    for (int i = 0; i < left.size(); i++) {
      int order = Utf8Order.INSTANCE.compare(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
