package io.scanwatch.core.event;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts skipped records by reason and keeps the first few locations of each, so a summary can
 * point to them. It is not thread-safe, so give each reader its own and {@link #merge} them.
 */
public final class SkipLog implements Serializable {

  /** A located skip: where it happened and a short detail. */
  public record Entry(Location location, String detail) implements Serializable {}

  private final int examplesPerReason;
  private final EnumMap<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
  private final EnumMap<SkipReason, List<Entry>> examples = new EnumMap<>(SkipReason.class);

  /**
   * Creates a log that keeps at most {@code examplesPerReason} locations per reason.
   *
   * @throws IllegalArgumentException if {@code examplesPerReason} is negative
   */
  public SkipLog(int examplesPerReason) {
    if (examplesPerReason < 0) {
      throw new IllegalArgumentException("examplesPerReason must be >= 0: " + examplesPerReason);
    }
    this.examplesPerReason = examplesPerReason;
  }

  public void record(SkipReason reason, Location location, String detail) {
    counts.merge(reason, 1L, Long::sum);
    List<Entry> kept = examples.computeIfAbsent(reason, r -> new ArrayList<>());
    if (kept.size() < examplesPerReason) {
      kept.add(new Entry(location, detail));
    }
  }

  public long count(SkipReason reason) {
    return counts.getOrDefault(reason, 0L);
  }

  public long total() {
    long total = 0;
    for (long count : counts.values()) {
      total += count;
    }
    return total;
  }

  /** Returns the kept locations for a reason, oldest first. */
  public List<Entry> examples(SkipReason reason) {
    return Collections.unmodifiableList(examples.getOrDefault(reason, List.of()));
  }

  /** Counts per reason, in the enum's order, reasons with no skips left out. */
  public Map<SkipReason, Long> counts() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  /** Moves the kept locations in {@code file} down by {@code delta} lines. */
  public void offsetLines(String file, long delta) {
    for (List<Entry> kept : examples.values()) {
      kept.replaceAll(entry -> entry.location().file().equals(file) && entry.location().line() > 0
          ? new Entry(entry.location().withLine(entry.location().line() + delta), entry.detail())
          : entry);
    }
  }

  /** Adds the counts and examples of {@code other}; examples beyond the limit are dropped. */
  public void merge(SkipLog other) {
    for (Map.Entry<SkipReason, Long> count : other.counts.entrySet()) {
      counts.merge(count.getKey(), count.getValue(), Long::sum);
    }
    for (Map.Entry<SkipReason, List<Entry>> more : other.examples.entrySet()) {
      List<Entry> kept = examples.computeIfAbsent(more.getKey(), r -> new ArrayList<>());
      for (Entry entry : more.getValue()) {
        if (kept.size() < examplesPerReason) {
          kept.add(entry);
        }
      }
    }
  }
}
