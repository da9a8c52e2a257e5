package io.scanwatch.spl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code table}: keeps the named fields in the order named. A name without wildcard becomes a
 * column even for a record without that field; a wildcard adds the matching fields.
 */
record TableCommand(List<String> patterns) implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        Set<String> names = new LinkedHashSet<>();
        patterns.forEach(pattern -> names.addAll(FieldPatterns.expand(pattern, record)));
        Record row = Record.empty();
        for (String name : names) {
          row.set(name, record.values(name));
          row.declare(name);
        }
        next.push(row);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  @Override
  public void collectFields(Set<String> fields) {
    patterns.forEach(pattern -> fields.add(pattern.contains("*") ? "*" : pattern));
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
