package io.scanwatch.core.detect;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.text.Utf8Order;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stats ... by src_ip user.username user.groups{}} step of the parity detection.
 *
 * <p>Each matched event adds to one row per combination of its {@code sourceIPs}, {@code
 * user.username} and {@code user.groups} values. A value repeated within one event makes its row
 * count that event twice, as Splunk does with {@code dedup_splitvals=false}. Memory grows with the
 * number of rows, not of events. The state is serializable and two aggregators merge into the one
 * that would have seen both inputs, so work can be split across threads or tasks. Not
 * thread-safe.
 */
public final class ParityAggregator implements Serializable {

  private static final Comparator<ParityRowKey> ROW_ORDER =
      Comparator.comparing(ParityRowKey::srcIp, Utf8Order.INSTANCE)
          .thenComparing(ParityRowKey::username, Utf8Order.INSTANCE)
          .thenComparing(ParityRowKey::group, Utf8Order.INSTANCE);

  private final HashMap<ParityRowKey, ParityRowState> rows = new HashMap<>();
  private long eventsAdded;

  /** Adds an event that {@link ParityDetection} matched; an event with no by-field adds nothing. */
  public void add(AuditEvent event) {
    eventsAdded++;
    for (String srcIp : event.sourceIps()) {
      for (String username : event.usernames()) {
        for (String group : event.groups()) {
          ParityRowKey key = new ParityRowKey(srcIp, username, group);
          rows.computeIfAbsent(key, k -> new ParityRowState()).add(event);
        }
      }
    }
  }

  /** Adds everything {@code other} has seen; {@code other} must not be used afterwards. */
  public void merge(ParityAggregator other) {
    eventsAdded += other.eventsAdded;
    for (Map.Entry<ParityRowKey, ParityRowState> row : other.rows.entrySet()) {
      ParityRowState mine = rows.get(row.getKey());
      if (mine == null) {
        rows.put(row.getKey(), row.getValue());
      } else {
        mine.merge(row.getValue());
      }
    }
  }

  /** Events passed to {@link #add}. */
  public long eventsAdded() {
    return eventsAdded;
  }

  public int rowCount() {
    return rows.size();
  }

  /** The finished rows, sorted by the three by-fields, each by its UTF-8 bytes. */
  public List<ParityRow> rows() {
    List<ParityRowKey> keys = new ArrayList<>(rows.keySet());
    keys.sort(ROW_ORDER);
    List<ParityRow> result = new ArrayList<>(keys.size());
    for (ParityRowKey key : keys) {
      result.add(rows.get(key).snapshot(key));
    }
    return result;
  }
}
