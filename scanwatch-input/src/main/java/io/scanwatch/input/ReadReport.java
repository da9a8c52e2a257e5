package io.scanwatch.input;

import io.scanwatch.core.event.SkipLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What reading the inputs found besides events: how much was read, what was skipped and where,
 * and files that could not be read in full. Written by one reader thread; the byte and event
 * counters may be read from another thread for progress display.
 */
public final class ReadReport {

  /**
   * A problem with a whole file or with the rest of it.
   *
   * @param where the file, with a byte offset or line when known
   * @param message what went wrong and what was kept
   * @param failed true when data could not be read at all (the run is incomplete)
   */
  public record Problem(String where, String message, boolean failed) {}

  private static final int EXAMPLES_PER_REASON = 5;

  private final SkipLog skips = new SkipLog(EXAMPLES_PER_REASON);
  private final List<Problem> problems = new ArrayList<>();
  private volatile long bytesRead;
  private volatile long eventsRead;
  private volatile long filesDone;
  private long invalidUtf8Lines;

  public SkipLog skips() {
    return skips;
  }

  /** Raw bytes read from files and standard input, before decompression. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Audit events read and handed on. */
  public long eventsRead() {
    return eventsRead;
  }

  /** Files read to their end or given up on. */
  public long filesDone() {
    return filesDone;
  }

  /** Lines or documents whose invalid UTF-8 bytes were read as U+FFFD. */
  public long invalidUtf8Lines() {
    return invalidUtf8Lines;
  }

  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** True when some input could not be read at all. */
  public boolean failed() {
    return problems.stream().anyMatch(Problem::failed);
  }

  void addBytes(long count) {
    bytesRead += count;
  }

  void addEvent() {
    eventsRead++;
  }

  void fileDone() {
    filesDone++;
  }

  void addInvalidUtf8Line() {
    invalidUtf8Lines++;
  }

  void addProblem(Problem problem) {
    problems.add(problem);
  }
}
