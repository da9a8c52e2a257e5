package io.scanwatch.spl;

import java.util.Set;

/** {@code head}: passes the first {@code limit} records and drops the rest. */
record HeadCommand(long limit) implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      private long passed;

      @Override
      public void push(Record record) {
        if (passed < limit) {
          passed++;
          next.push(record);
        }
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  @Override
  public void collectFields(Set<String> fields) {}
}
