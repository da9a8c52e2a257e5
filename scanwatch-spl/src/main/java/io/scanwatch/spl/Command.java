package io.scanwatch.spl;

import java.util.Set;

/** A parsed, validated command. Instances are immutable and may be shared between threads. */
interface Command {

  /** Creates the running form of this command, which sends its output to {@code next}. */
  Stage start(Stage next);

  /** Adds the names of the fields this command reads; a {@code *} entry means every field. */
  void collectFields(Set<String> fields);

  /** Tests whether the command needs all records before it can emit any, as {@code stats}. */
  default boolean transforming() {
    return false;
  }

  /**
   * Tests whether the command handles each record on its own, keeping nothing between records,
   * so that separate runs over parts of the input give the records the whole run would.
   */
  default boolean recordLocal() {
    return false;
  }
}
