package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code fields}: keeps ({@code +}, the default) or removes ({@code -}) the named fields.
 * Keeping also keeps {@code _raw} and {@code _time} unless a pattern removes them, as in Splunk.
 */
record FieldsCommand(boolean remove, List<String> patterns) implements Command {

  private static final List<String> INTERNAL = List.of("_raw", "_time");

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        for (String field : new ArrayList<>(record.fieldNames())) {
          boolean named = FieldPatterns.anyMatches(patterns, field);
          boolean keep = remove ? !named : named || INTERNAL.contains(field);
          if (!keep) {
            record.remove(field);
          }
        }
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  @Override
  public void collectFields(Set<String> fields) {
    if (!remove) {
      patterns.forEach(pattern -> fields.add(pattern.contains("*") ? "*" : pattern));
    }
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
