package io.scanwatch.spl;

import java.util.Set;

/** {@code search}: keeps the records that match the terms; also the search before the first pipe. */
record SearchCommand(SearchExpr terms) implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        if (terms.matches(record)) {
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
  public void collectFields(Set<String> fields) {
    terms.collectFields(fields);
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
