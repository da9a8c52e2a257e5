package io.scanwatch.spl;

import io.scanwatch.core.text.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code sort}: orders records by fields, {@code -} for descending. Each field compares its first
 * value: numbers numerically and before text, text by UTF-8 bytes, and a record without the
 * field before every other in ascending order. Equal records keep their input order. At most
 * {@code limit} records are kept; 0 keeps all.
 */
record SortCommand(int limit, List<Key> keys) implements Command {

  /** Splunk's default limit when the search gives no count. */
  static final int DEFAULT_LIMIT = 10_000;

  /** One sort field. */
  record Key(String field, boolean descending) {}

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      private final List<Record> buffer = new ArrayList<>();

      @Override
      public void push(Record record) {
        buffer.add(record);
      }

      @Override
      public void finish() {
        buffer.sort(comparator());
        int count = limit == 0 ? buffer.size() : Math.min(limit, buffer.size());
        buffer.subList(0, count).forEach(next::push);
        next.finish();
      }
    };
  }

  private Comparator<Record> comparator() {
    Comparator<Record> order = (a, b) -> 0;
    for (Key key : keys) {
      Comparator<Record> field = (a, b) -> compareValues(a.first(key.field()),
          b.first(key.field()));
      order = order.thenComparing(key.descending() ? field.reversed() : field);
    }
    return order;
  }

  // NOTE: where Splunk places records without the field is not documented; they sort first here.
  static int compareValues(String left, String right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    Double a = Numbers.parse(left);
    Double b = Numbers.parse(right);
    if (a != null && b != null) {
      return Double.compare(a, b);
    }
    if (a != null || b != null) {
      return a != null ? -1 : 1;
    }
    return Utf8Order.INSTANCE.compare(left, right);
  }

  @Override
  public boolean transforming() {
    return true;
  }

  @Override
  public void collectFields(Set<String> fields) {
    keys.forEach(key -> fields.add(key.field()));
  }
}
