package io.scanwatch.spl;

/** One running command of a pipeline: receives records and passes results downstream. */
interface Stage {

  /** Processes one record; the stage may keep, change, drop, buffer or split it. */
  void push(Record record);

  /** Signals that no more records come; buffering stages emit their results now. */
  void finish();
}
