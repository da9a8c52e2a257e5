package io.scanwatch.spl;

import java.util.Set;

/** {@code where}: keeps the records for which the eval expression is true (not null). */
record WhereCommand(EvalExpr condition) implements Command {

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        if (EvalFunctions.isTrue(condition.evaluate(record))) {
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
    condition.collectFields(fields);
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
