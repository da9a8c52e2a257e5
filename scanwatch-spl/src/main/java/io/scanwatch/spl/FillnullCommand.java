package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fillnull}: gives the named fields {@code value} where they have none. Without field
 * names it fills every field that any record has, so it holds all records until the end.
 */
record FillnullCommand(String value, List<String> fields) implements Command {

  @Override
  public Stage start(Stage next) {
    if (!fields.isEmpty()) {
      return new Stage() {
        @Override
        public void push(Record record) {
          fill(record, fields);
          next.push(record);
        }

        @Override
        public void finish() {
          next.finish();
        }
      };
    }
    return new Stage() {
      private final List<Record> buffer = new ArrayList<>();
      private final Set<String> seen = new LinkedHashSet<>();

      @Override
      public void push(Record record) {
        buffer.add(record);
        seen.addAll(record.fieldNames());
      }

      @Override
      public void finish() {
        for (Record record : buffer) {
          fill(record, seen);
          next.push(record);
        }
        next.finish();
      }
    };
  }

  private void fill(Record record, Iterable<String> names) {
    for (String name : names) {
      if (!record.has(name)) {
        record.set(name, List.of(value));
      }
    }
  }

  @Override
  public void collectFields(Set<String> names) {
    // Without a field list it fills every field an event has, so it reads them all.
    if (fields.isEmpty()) {
      names.add("*");
    }
    names.addAll(fields);
  }

  /** Only with named fields: without them the command fills the fields of every record. */
  @Override
  public boolean recordLocal() {
    return !fields.isEmpty();
  }
}
