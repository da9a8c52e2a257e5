package io.scanwatch.spl;

import java.util.List;

/**
 * The input of a run's first {@code stats}: the number of records, the by-fields that none of
 * them had a value for, and the fields of its aggregations that none had a value for (both
 * empty when there were no records). A misspelled field shows here: a by-field leaves the search
 * without rows, an aggregation's field leaves its column empty.
 */
public record StatsInput(long records, List<String> unseenByFields, List<String> unseenFields) {

  public StatsInput {
    unseenByFields = List.copyOf(unseenByFields);
    unseenFields = List.copyOf(unseenFields);
  }
}
