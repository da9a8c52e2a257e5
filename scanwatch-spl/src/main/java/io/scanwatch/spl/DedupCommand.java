package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dedup}: keeps the first {@code keep} records of each combination of the fields' values.
 * A multivalue field compares as its whole ordered list of values. A record without a value
 * for some field is dropped unless {@code keepEmpty} is set, as Splunk's {@code keepempty}.
 */
record DedupCommand(int keep, List<String> fields, boolean keepEmpty) implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      private final Map<List<List<String>>, Integer> seen = new HashMap<>();

      @Override
      public void push(Record record) {
        List<List<String>> key = new ArrayList<>();
        for (String field : fields) {
          if (!record.has(field)) {
            if (keepEmpty) {
              next.push(record);
            }
            return;
          }
          key.add(List.copyOf(record.values(field)));
        }
        int count = seen.merge(key, 1, Integer::sum);
        if (count <= keep) {
          next.push(record);
        }
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  @Override
  public void collectFields(Set<String> names) {
    names.addAll(fields);
  }
}
