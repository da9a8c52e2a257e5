package io.scanwatch.spl;

import io.scanwatch.core.text.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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
   * As {@link #startMergeable(Stage)}, for a stage that also takes views through {@link
   * StatsStage#pushView}: {@code viewName} maps each field the stage reads to the field of the
   * view that contains its values.
   */
  StatsStage startMergeable(Stage next, UnaryOperator<String> viewName) {
    StatsStage stage = new StatsStage(next);
    stage.readViewsAs(viewName);
    return stage;
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
     * The groups in a tree of maps with one level per by-field: the first by-value maps to the
     * map of the second, and the last to the group. A record's group is found from its values as
     * they are, with no key built for it.
     */
    private final Map<String, Object> tree = new HashMap<>();
    /** Every group, in the order made. */
    private final List<Group> groups = new ArrayList<>();
    /** Whether an aggregation reads {@code _time} ({@code earliest}, {@code latest}). */
    private final boolean readsTime;
    private final String[] byFieldNames;
    /** The field each aggregation reads, or null for {@code count} without a field. */
    private final String[] aggregationFields;
    /** The values of each by-field in the record being added, and the one chosen of each. */
    private final List<String>[] byValues;
    private final int[] choice;
    /**
     * Whether some record added had a value for each by-field and then each aggregation's field
     * (true from the start for {@code count} without one), and how many had none yet.
     */
    private final boolean[] seen;
    private int unseen;
    /** The records added, from this stage and the stages it took in. */
    private long records;
    /** The names {@link #pushView} reads in place of the by-fields, fields and {@code _time}. */
    private String[] viewByFields;
    private String[] viewAggregationFields;
    private String viewTime;

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
      this.seen = new boolean[byFieldNames.length + aggregations.size()];
      this.unseen = byFieldNames.length;
      for (int i = 0; i < aggregationFields.length; i++) {
        aggregationFields[i] = aggregations.get(i).field();
        seen[byFieldNames.length + i] = aggregationFields[i] == null;
        unseen += aggregationFields[i] == null ? 0 : 1;
      }
    }

    private void readViewsAs(UnaryOperator<String> viewName) {
      viewByFields = new String[byFieldNames.length];
      for (int i = 0; i < viewByFields.length; i++) {
        viewByFields[i] = viewName.apply(byFieldNames[i]);
      }
      viewAggregationFields = new String[aggregationFields.length];
      for (int i = 0; i < viewAggregationFields.length; i++) {
        String field = aggregationFields[i];
        viewAggregationFields[i] = field == null ? null : viewName.apply(field);
      }
      viewTime = viewName.apply("_time");
    }

    @Override
    public void push(Record record) {
      push(record, byFieldNames, aggregationFields, "_time");
    }

    /**
     * Adds a view as {@link #push} adds a record, reading each field from the field of the view
     * that {@link #startMergeable(Stage, UnaryOperator)} maps it to.
     */
    void pushView(FieldValues view) {
      push(view, viewByFields, viewAggregationFields, viewTime);
    }

    private void push(FieldValues record, String[] byNames, String[] fieldNames, String timeName) {
      BigDecimal time = null;
      if (readsTime) {
        List<String> times = record.values(timeName);
        time = Numbers.parseExact(times.isEmpty() ? null : times.get(0));
      }
      records++;
      if (unseen > 0) {
        markSeen(record, byNames, fieldNames);
      }
      // The loops are in the small methods called here, each compiled on its own. The JIT
      // compiler compiles a method with a busy loop early, with everything it calls inlined,
      // and it compiled this one three times over a few GiB when the loops were here.
      if (!takeByValues(record, byNames)) {
        return;
      }
      // The record adds to one group per combination of by-values, taken like an odometer with
      // the last field turning fastest. Most records have one value for each field, which makes
      // one combination.
      do {
        add(chosenGroup(), record, fieldNames, time);
      } while (turnOdometer());
    }

    private void markSeen(FieldValues record, String[] byNames, String[] fieldNames) {
      for (int i = 0; i < seen.length; i++) {
        String name = i < byNames.length ? byNames[i] : fieldNames[i - byNames.length];
        if (!seen[i] && !record.values(name).isEmpty()) {
          seen[i] = true;
          unseen--;
        }
      }
    }

    /**
     * Returns the records added, and the by-fields and aggregation fields that none of them had
     * a value for, in the order of the search.
     */
    StatsInput input() {
      if (records == 0) {
        return new StatsInput(0, List.of(), List.of());
      }
      List<String> byFieldsUnseen = new ArrayList<>();
      Set<String> fieldsUnseen = new java.util.LinkedHashSet<>();
      for (int i = 0; i < seen.length; i++) {
        if (seen[i]) {
          continue;
        }
        if (i < byFieldNames.length) {
          byFieldsUnseen.add(byFieldNames[i]);
        } else {
          fieldsUnseen.add(aggregationFields[i - byFieldNames.length]);
        }
      }
      return new StatsInput(records, byFieldsUnseen, List.copyOf(fieldsUnseen));
    }

    /** Takes in what a stage over other records saw, without its groups. */
    void absorbInput(StatsStage other) {
      records += other.records;
      for (int i = 0; i < seen.length; i++) {
        if (!seen[i] && other.seen[i]) {
          seen[i] = true;
          unseen--;
        }
      }
    }

    /**
     * Takes the values of each by-field and chooses the first of each. Returns false when a field
     * has none.
     */
    private boolean takeByValues(FieldValues record, String[] byNames) {
      for (int i = 0; i < byNames.length; i++) {
        List<String> values = record.values(byNames[i]);
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
      if (byFieldNames.length == 0) {
        return groups.isEmpty() ? newGroup(tree, null) : groups.get(0);
      }
      Map<String, Object> level = tree;
      int last = byFieldNames.length - 1;
      for (int i = 0; i < last; i++) {
        level = below(level, byValues[i].get(choice[i]));
      }
      String value = byValues[last].get(choice[last]);
      Group group = (Group) level.get(value);
      return group != null ? group : newGroup(level, value);
    }

    /** Returns the map under {@code value} in {@code level}, made when new. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> below(Map<String, Object> level, String value) {
      Object found = level.get(value);
      if (found == null) {
        found = new HashMap<String, Object>();
        level.put(value, found);
      }
      return (Map<String, Object>) found;
    }

    /** Makes the group of the chosen by-values, added under the last of them in {@code level}. */
    private Group newGroup(Map<String, Object> level, String lastValue) {
      List<String> key = new ArrayList<>(byFieldNames.length);
      for (int i = 0; i < byFieldNames.length; i++) {
        key.add(byValues[i].get(choice[i]));
      }
      Group group = new Group(List.copyOf(key), newState());
      addGroup(level, lastValue, group);
      return group;
    }

    /** Adds a group to the tree, under {@code lastValue} in {@code level}, and to the list. */
    private void addGroup(Map<String, Object> level, String lastValue, Group group) {
      if (lastValue != null) {
        level.put(lastValue, group);
      }
      groups.add(group);
    }

    private void add(Group group, FieldValues record, String[] fieldNames, BigDecimal time) {
      Accumulator[] state = group.state();
      for (int i = 0; i < state.length; i++) {
        String field = fieldNames[i];
        state[i].add(field == null ? List.of() : record.values(field), time, field == null);
      }
    }

    /**
     * Takes in the groups of a run over the part of the input right after this one's; that run's
     * stage is not used afterwards.
     */
    void absorb(StatsStage later) {
      absorbInput(later);
      for (Group group : later.groups) {
        List<String> key = group.key();
        if (key.isEmpty()) {
          if (groups.isEmpty()) {
            addGroup(tree, null, group);
          } else {
            absorbState(groups.get(0), group);
          }
          continue;
        }
        Map<String, Object> level = tree;
        for (int i = 0; i < key.size() - 1; i++) {
          level = below(level, key.get(i));
        }
        Group mine = (Group) level.get(key.get(key.size() - 1));
        if (mine == null) {
          addGroup(level, key.get(key.size() - 1), group);
        } else {
          absorbState(mine, group);
        }
      }
    }

    private static void absorbState(Group mine, Group later) {
      for (int i = 0; i < mine.state().length; i++) {
        mine.state()[i].absorb(later.state()[i]);
      }
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
        addGroup(tree, null, new Group(List.of(), newState()));
      }
      List<Group> sorted = new ArrayList<>(groups);
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
