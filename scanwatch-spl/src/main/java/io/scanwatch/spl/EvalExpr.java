package io.scanwatch.spl;

import java.util.List;
import java.util.Set;

/** A node of an eval expression, as used by {@code eval} and {@code where}. */
interface EvalExpr {

  /** Evaluates against one record; the result is an eval value as {@link EvalValues} defines. */
  Object evaluate(Record record);

  /** Adds the names of the fields this expression reads. */
  void collectFields(Set<String> fields);

  /** A string or number literal. */
  record Literal(Object value) implements EvalExpr {
    @Override
    public Object evaluate(Record record) {
      return value;
    }

    @Override
    public void collectFields(Set<String> fields) {}
  }

  /** A field reference: a bare name or a single-quoted name such as {@code 'user.username'}. */
  record Field(String name) implements EvalExpr {
    @Override
    public Object evaluate(Record record) {
      return EvalValues.ofField(record.values(name));
    }

    @Override
    public void collectFields(Set<String> fields) {
      fields.add(name);
    }
  }

  /** A function call, already checked for a known name and argument count. */
  record Call(String name, List<EvalExpr> arguments, EvalFunctions.Implementation body,
      int position) implements EvalExpr {
    @Override
    public Object evaluate(Record record) {
      return body.apply(arguments, record);
    }

    @Override
    public void collectFields(Set<String> fields) {
      arguments.forEach(argument -> argument.collectFields(fields));
    }
  }
}
