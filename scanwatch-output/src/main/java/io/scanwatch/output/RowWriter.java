package io.scanwatch.output;

import io.scanwatch.core.detect.ParityRow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes finished parity rows in one output format. */
public interface RowWriter {

  /** Writes all rows, in the given order, and flushes {@code out}. */
  void write(List<ParityRow> rows, Writer out) throws IOException;
}
