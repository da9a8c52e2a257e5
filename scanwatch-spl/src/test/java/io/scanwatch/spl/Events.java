package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds records for tests and runs searches over them. */
final class Events {

  private Events() {}

  /** Builds an EKS audit record from JSON, as the input readers would. */
  static Record audit(String time, String source, String json) {
    Record record = JsonFlattener.flatten(json);
    record.set("_time", List.of(time));
    record.set("source", List.of(source));
    record.set("sourcetype", List.of("aws:cloudwatchlogs:eks"));
    record.set("_raw", List.of(json));
    return record;
  }

  /** Builds a record from field and value pairs; a repeated field gets several values. */
  static Record fields(String... pairs) {
    Record record = Record.empty();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      record.add(pairs[i], pairs[i + 1]);
    }
    return record;
  }

  static List<Map<String, List<String>>> run(String search, Record... events) {
    return run(Spl.compile(search), events);
  }

  static List<Map<String, List<String>>> run(CompiledSearch search, Record... events) {
    SearchPipeline pipeline = search.newPipeline();
    for (Record event : events) {
      pipeline.accept(event.copy());
    }
    return pipeline.finish();
  }

  /** Returns one column of every row, the first value or null. */
  static List<String> column(List<Map<String, List<String>>> rows, String field) {
    List<String> values = new ArrayList<>();
    for (Map<String, List<String>> row : rows) {
      List<String> list = row.getOrDefault(field, List.of());
      values.add(list.isEmpty() ? null : list.get(0));
    }
    return values;
  }
}
