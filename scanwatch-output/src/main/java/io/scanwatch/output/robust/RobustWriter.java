package io.scanwatch.output.robust;

import io.scanwatch.core.robust.RobustResult;
import java.io.IOException;
import java.io.Writer;

/** Writes the result of the robust detection in one output format. */
public interface RobustWriter {

  /** Writes the scan rows, then the health probe rows, each in the result's order, and flushes. */
  void write(RobustResult result, Writer out) throws IOException;
}
