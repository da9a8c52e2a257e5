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
     * The groups by their by-values written as one string (see {@link #chosenKey}). String
     * keys, as in the records' maps, keep a second key class out of the shared hash-map code,
     * whose deoptimizations made the JIT compiler compile the stage again.
     */
    private final Map<String, Group> groups = new HashMap<>();
    /** Whether an aggregation reads {@code _time} ({@code earliest}, {@code latest}). */
    private final boolean readsTime;
    private final String[] byFieldNames;
    /** The field each aggregation reads, or null for {@code count} without a field. */
    private final String[] aggregationFields;
    private char[] keyChars = new char[64];
    /** The values of each by-field in the record being added, and the one chosen of each. */
    private final List<String>[] byValues;
    private final int[] choice;

    StatsStage(Stage next) {
      this.next = next;
      this.readsTime = aggregations.stream().anyMatch(aggregation ->
          aggregation.canonical().equals("earliest") || aggregation.canonical().equals("latest"));
      this.byFieldNames = byFields.toArray(new String[0]);
      @SuppressWarnings("unchecked")
      List<String>[] lists = new List[byFieldNames.length];
      this.byValues = lists;
      this.choice = new int[byFieldNames.length];
      this.aggregationFields = new String[aggregations.size()];
      for (int i = 0; i < aggregationFields.length; i++) {
        aggregationFields[i] = aggregations.get(i).field();
      }
    }

    @Override
    public void push(Record record) {
      BigDecimal time = readsTime ? Numbers.parseExact(record.first("_time")) : null;
      // The loops are in the small methods called here, each compiled on its own. The JIT
      // compiler compiles a method with a busy loop early, with everything it calls inlined,
      // and it compiled this one three times over a few GiB when the loops were here.
      if (!takeByValues(record)) {
        return;
      }
      // The record adds to one group per combination of by-values, taken like an odometer with
      // the last field turning fastest. Most records have one value for each field, which makes
      // one combination.
      do {
        add(chosenGroup(), record, time);
      } while (turnOdometer());
    }

    /**
     * Takes the values of each by-field and chooses the first of each. Returns false when a field
     * has none.
     */
    private boolean takeByValues(Record record) {
      for (int i = 0; i < byFieldNames.length; i++) {
        List<String> values = record.values(byFieldNames[i]);
        if (values.isEmpty()) {
          return false;
        }
        byValues[i] = values;
        choice[i] = 0;
      }
      return true;
    }

    /** Chooses the next combination of by-values, or returns false after the last. */
    private boolean turnOdometer() {
      for (int turn = byFieldNames.length - 1; turn >= 0; turn--) {
        if (++choice[turn] < byValues[turn].size()) {
          return true;
        }
        choice[turn] = 0;
      }
      return false;
    }

    /** Returns the group of the chosen by-values, made when new. */
    private Group chosenGroup() {
      String text = chosenKey();
      Group group = groups.get(text);
      if (group == null) {
        group = newGroup();
        groups.put(text, group);
      }
      return group;
    }

    /**
     * Returns the chosen by-values as one string: each value's length in two characters, then
     * the value. Written into an array rather than with a string builder, whose compiled code is
     * several times larger.
     */
    private String chosenKey() {
      int length = 0;
      for (int i = 0; i < byFieldNames.length; i++) {
        length += 2 + byValues[i].get(choice[i]).length();
      }
      if (keyChars.length < length) {
        keyChars = new char[Math.max(length, 2 * keyChars.length)];
      }
      int at = 0;
      for (int i = 0; i < byFieldNames.length; i++) {
        String value = byValues[i].get(choice[i]);
        keyChars[at++] = (char) (value.length() >>> 16);
        keyChars[at++] = (char) value.length();
        value.getChars(0, value.length(), keyChars, at);
        at += value.length();
      }
      return new String(keyChars, 0, at);
    }

    /** Returns a new group for the by-values {@link #push} has chosen. */
    private Group newGroup() {
      List<String> key = new ArrayList<>(byFieldNames.length);
      for (int i = 0; i < byFieldNames.length; i++) {
        key.add(byValues[i].get(choice[i]));
      }
      return new Group(key, newState());
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

    private Accumulator[] newState() {
      Accumulator[] state = new Accumulator[aggregations.size()];
      for (int i = 0; i < state.length; i++) {
        state[i] = Accumulator.of(aggregations.get(i).canonical());
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
