package io.scanwatch.spl;

import java.util.List;

/**
 * The input of a run's first {@code stats}: the number of records, and the by-fields that none
 * of them had a value for (empty when there were no records). A search that finds no rows
 * because a by-field is misspelled shows it here.
 */
public record StatsInput(long records, List<String> unseenByFields) {

  public StatsInput {
    unseenByFields = List.copyOf(unseenByFields);
  }
}
