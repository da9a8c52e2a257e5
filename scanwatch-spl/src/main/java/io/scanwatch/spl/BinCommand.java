package io.scanwatch.spl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bin field span=N[unit]}: replaces each numeric value with the start of its bin. Spans
 * in seconds, minutes and hours are aligned to the epoch. Spans in days start at midnight in
 * the search's time zone. A value that is not a number is left as it is.
 */
record BinCommand(String field, String target, long spanSeconds, boolean days, ZoneId zone)
    implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        List<String> values = record.values(field);
        if (!values.isEmpty()) {
          List<String> binned = new ArrayList<>(values.size());
          values.forEach(value -> binned.add(bin(value)));
          record.set(target, binned);
        }
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  // NOTE: hour and minute bins align to UTC, so they differ from Splunk in zones whose offset is
  // not a whole number of spans (such as +05:30 with span=1h).
  private String bin(String value) {
    BigDecimal number = Numbers.parseExact(value);
    if (number == null) {
      return value;
    }
    long seconds = number.setScale(0, RoundingMode.FLOOR).longValueExact();
    if (days) {
      long spanDays = spanSeconds / 86_400;
      LocalDate date = Instant.ofEpochSecond(seconds).atZone(zone).toLocalDate();
      long start = Math.floorDiv(date.toEpochDay(), spanDays) * spanDays;
      return Long.toString(LocalDate.ofEpochDay(start).atStartOfDay(zone).toEpochSecond());
    }
    return Long.toString(Math.floorDiv(seconds, spanSeconds) * spanSeconds);
  }

  @Override
  public void collectFields(Set<String> fields) {
    fields.add(field);
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
