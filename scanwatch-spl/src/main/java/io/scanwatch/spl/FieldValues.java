package io.scanwatch.spl;

import java.util.List;

/**
 * Field values by name, as a search term reads them: a {@link Record}, or a view of an event
 * that gives the same values without making a record.
 */
public interface FieldValues {

  /** Returns the values of a field, an empty list when it has none; never null. */
  List<String> values(String field);
}
