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
    /**
     * The groups by their by-values written as one string (see {@link #encode}). String keys, as
     * in the records' maps, keep a second key class out of the shared hash-map code, whose
     * deoptimizations made the JIT compiler compile this method again.
     */
    private final Map<String, Group> groups = new HashMap<>();
    /** Whether an aggregation reads {@code _time} ({@code earliest}, {@code latest}). */
    private final boolean readsTime;
    private final String[] byFieldNames;
    /** The field each aggregation reads, or null for {@code count} without a field. */
    private final String[] aggregationFields;
    private final StringBuilder keyText = new StringBuilder();

    StatsStage(Stage next) {
      this.next = next;
      this.readsTime = aggregations.stream().anyMatch(aggregation ->
          aggregation.canonical().equals("earliest") || aggregation.canonical().equals("latest"));
      this.byFieldNames = byFields.toArray(new String[0]);
      this.aggregationFields = new String[aggregations.size()];
      for (int i = 0; i < aggregationFields.length; i++) {
        aggregationFields[i] = aggregations.get(i).field();
      }
    }

    @Override
    public void push(Record record) {
      BigDecimal time = readsTime ? Numbers.parseExact(record.first("_time")) : null;
      // Most records have one value for every by-field, which makes one group.
      keyText.setLength(0);
      for (String field : byFieldNames) {
        List<String> values = record.values(field);
        if (values.size() != 1) {
          pushCombinations(record, time);
          return;
        }
        encode(keyText, values.get(0));
      }
      String text = keyText.toString();
      Group group = groups.get(text);
      if (group == null) {
        List<String> key = new ArrayList<>(byFieldNames.length);
        for (String field : byFieldNames) {
          key.add(record.values(field).get(0));
        }
        group = new Group(key, newState());
        groups.put(text, group);
      }
      add(group, record, time);
    }

    /** Adds a record with several values, or none, for some by-field to each of its groups. */
    private void pushCombinations(Record record, BigDecimal time) {
      List<List<String>> keys = new ArrayList<>();
      keys.add(List.of());
      for (String field : byFields) {
        keys = extend(keys, record.values(field));
      }
      for (List<String> key : keys) {
        StringBuilder text = new StringBuilder();
        key.forEach(value -> encode(text, value));
        add(groups.computeIfAbsent(text.toString(), k -> new Group(key, newState())), record,
            time);
      }
    }

    private void add(Group group, Record record, BigDecimal time) {
      Accumulator[] state = group.state();
      for (int i = 0; i < state.length; i++) {
        String field = aggregationFields[i];
        state[i].add(field == null ? List.of() : record.values(field), time, field == null);
      }
    }

    /**
     * Takes in the groups of a run over the part of the input right after this one's; that run's
     * stage is not used afterwards.
     */
    void absorb(StatsStage later) {
      later.groups.forEach((text, group) -> {
        Group mine = groups.get(text);
        if (mine == null) {
          groups.put(text, group);
          return;
        }
        for (int i = 0; i < mine.state().length; i++) {
          mine.state()[i].absorb(group.state()[i]);
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
        groups.put("", new Group(List.of(), newState()));
      }
      List<Group> sorted = new ArrayList<>(groups.values());
      sorted.sort((left, right) -> compareKeys(left.key(), right.key()));
      for (Group group : sorted) {
        next.push(row(group.key(), group.state()));
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

  /** One group: its by-values and the state of each aggregation. */
  private record Group(List<String> key, Accumulator[] state) {}

  /** Appends a by-value so that different lists of values give different strings. */
  private static void encode(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
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
