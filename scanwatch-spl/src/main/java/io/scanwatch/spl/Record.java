package io.scanwatch.spl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event or a result row: field names mapped to their values in order, duplicates kept.
 *
 * <p>A field with an empty list has no value, exactly as a missing field. {@code _time} contains
 * epoch seconds as decimal text (such as {@code 1700000000.25}) and {@code _raw} the event text.
 * A record is mutable and not thread-safe, because commands such as {@code eval} and
 * {@code rename} change it in place.
 */
public final class Record implements FieldValues {

  private final LinkedHashMap<String, List<String>> fields;

  private Record(LinkedHashMap<String, List<String>> fields) {
    this.fields = fields;
  }

  /** Creates an empty record. */
  public static Record empty() {
    return new Record(new LinkedHashMap<>());
  }

  /** Copies a map of field values; empty lists and null values are left out. */
  public static Record of(Map<String, List<String>> values) {
    Record record = empty();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      List<String> list = entry.getValue();
      if (list != null) {
        list.forEach(value -> record.add(entry.getKey(), value));
      }
    }
    return record;
  }

  /** Returns the values of a field, an empty list when it has none. */
  @Override
  public List<String> values(String field) {
    List<String> values = fields.get(field);
    return values == null ? List.of() : Collections.unmodifiableList(values);
  }

  /** Returns the first value of a field, or null when it has none. */
  public String first(String field) {
    List<String> values = fields.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Tests whether the field has at least one value. */
  public boolean has(String field) {
    List<String> values = fields.get(field);
    return values != null && !values.isEmpty();
  }

  /** Appends one value; a null or empty value is no value and is ignored. */
  public Record add(String field, String value) {
    if (value != null && !value.isEmpty()) {
      fields.computeIfAbsent(field, name -> new ArrayList<>()).add(value);
    }
    return this;
  }

  /**
   * Replaces the values of a field with a copy of {@code values}, which must hold no null or
   * empty value; an empty list removes the field. Unlike {@link #set}, it copies the list whole.
   */
  public Record setClean(String field, List<String> values) {
    if (values.isEmpty()) {
      fields.remove(field);
    } else {
      fields.put(field, new ArrayList<>(values));
    }
    return this;
  }

  /**
   * Replaces the values of a field with one value, which must be neither null nor empty. Cheaper
   * than {@link #set} for the fields every event gets.
   */
  public Record setOne(String field, String value) {
    ArrayList<String> values = new ArrayList<>(1);
    values.add(value);
    fields.put(field, values);
    return this;
  }

  /** Replaces the values of a field; an empty list removes it. */
  public Record set(String field, List<String> values) {
    List<String> kept = new ArrayList<>(values.size());
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        kept.add(value);
      }
    }
    if (kept.isEmpty()) {
      fields.remove(field);
    } else {
      fields.put(field, kept);
    }
    return this;
  }

  /**
   * Adds a column without values unless the field exists, so that {@link #toMap()} lists it.
   * Such a column still has no value for every other method.
   */
  public Record declare(String field) {
    fields.putIfAbsent(field, new ArrayList<>());
    return this;
  }

  /** Removes a field and returns its values. */
  public List<String> remove(String field) {
    List<String> values = fields.remove(field);
    return values == null ? List.of() : values;
  }

  /** Sets {@code _time} from epoch seconds. */
  public Record time(double epochSeconds) {
    return set("_time", List.of(BigDecimal.valueOf(epochSeconds).stripTrailingZeros()
        .toPlainString()));
  }

  /** Returns the names of the fields, declared columns included, in insertion order. */
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(fields.keySet());
  }

  /** Returns a deep copy. */
  public Record copy() {
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return new Record(copy);
  }

  /**
   * Returns an unmodifiable snapshot, fields in insertion order; a declared column without
   * values maps to an empty list.
   */
  public Map<String, List<String>> toMap() {
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
