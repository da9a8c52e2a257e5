package io.scanwatch.spl;

import java.util.List;
import java.util.Set;

/**
 * {@code eval}: assigns fields from expressions, left to right, so that a later assignment
 * sees an earlier one. A null result removes the field. A boolean result fails the search, as
 * in Splunk.
 */
record EvalCommand(List<Assignment> assignments, String search) implements Command {

  /** One {@code field=expression} of the command. */
  record Assignment(String field, EvalExpr expression, int position) {}

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        assignments.forEach(assignment -> assign(assignment, record));
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  private void assign(Assignment assignment, Record record) {
    Object value = assignment.expression().evaluate(record);
    if (value instanceof Boolean) {
      throw SplException.at("eval cannot assign a boolean to field '" + assignment.field()
          + "'; wrap the condition in if(condition, \"true\", \"false\")", "eval",
          assignment.position(), search);
    }
    record.set(assignment.field(), EvalValues.toTexts(value));
  }

  @Override
  public void collectFields(Set<String> fields) {
    assignments.forEach(assignment -> assignment.expression().collectFields(fields));
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
