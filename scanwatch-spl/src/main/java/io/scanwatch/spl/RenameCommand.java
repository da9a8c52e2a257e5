package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code rename}: moves the values of each source field to its new name, replacing what the
 * target held. One {@code *} in both names renames every matching field, the text it matched
 * carried over.
 */
record RenameCommand(List<Pair> pairs) implements Command {

  /** One {@code source as target} clause. */
  record Pair(String source, String target) {}

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        pairs.forEach(pair -> rename(pair, record));
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  private static void rename(Pair pair, Record record) {
    int star = pair.source().indexOf('*');
    if (star < 0) {
      // NOTE: a source field without values leaves the target as it was.
      if (record.has(pair.source())) {
        record.set(pair.target(), record.remove(pair.source()));
      }
      return;
    }
    String prefix = pair.source().substring(0, star);
    String suffix = pair.source().substring(star + 1);
    for (String field : new ArrayList<>(record.fieldNames())) {
      if (field.startsWith(prefix) && field.endsWith(suffix)
          && field.length() >= prefix.length() + suffix.length()) {
        String middle = field.substring(prefix.length(), field.length() - suffix.length());
        record.set(pair.target().replace("*", middle), record.remove(field));
      }
    }
  }

  @Override
  public void collectFields(Set<String> fields) {
    for (Pair pair : pairs) {
      fields.add(pair.source().contains("*") ? "*" : pair.source());
      fields.add(pair.target().contains("*") ? "*" : pair.target());
    }
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
