package io.scanwatch.input;

import io.scanwatch.core.event.Location;
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
  private Location firstInvalidUtf8;
  private long lines;
  private long linesPassedOver;
  private long logEvents;
  private long logEventsPassedOver;
  private boolean readAgainWhole;

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

  /** Lines read from line-oriented inputs (not from JSON documents or CSV). */
  public long lines() {
    return lines;
  }

  /** Lines the prefilter passed over because they cannot hold an event the detection keeps. */
  public long linesPassedOver() {
    return linesPassedOver;
  }

  /** CloudWatch log events read from JSON documents, payloads and Logs Insights exports. */
  public long logEvents() {
    return logEvents;
  }

  /**
   * CloudWatch log events whose message the prefilter passed over, because it cannot contain an event
   * the detection keeps.
   */
  public long logEventsPassedOver() {
    return logEventsPassedOver;
  }

  /**
   * True when this report's piece of a split {@code filter-log-events} document may not match
   * one whole read: the piece met invalid JSON, or the events array ended before the piece did.
   * The caller then discards the pieces of that file and reads it whole.
   */
  public boolean readAgainWhole() {
    return readAgainWhole;
  }

  void markReadAgainWhole() {
    readAgainWhole = true;
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

  void addInvalidUtf8Line(Location location) {
    if (invalidUtf8Lines == 0) {
      firstInvalidUtf8 = location;
    }
    invalidUtf8Lines++;
  }

  /** Where the first line with invalid UTF-8 was, or null. */
  public Location firstInvalidUtf8() {
    return firstInvalidUtf8;
  }

  void addProblem(Problem problem) {
    problems.add(problem);
  }

  void addLines(long read, long passedOver) {
    lines += read;
    linesPassedOver += passedOver;
  }

  void addLogEvents(long read, long passedOver) {
    logEvents += read;
    logEventsPassedOver += passedOver;
  }

  /**
   * Adds what {@code other} counted. When {@code other} read a part of {@code file} that starts
   * {@code lineOffset} lines into it, the line numbers of its examples in that file are moved down
   * by that much.
   */
  public void merge(ReadReport other, String file, long lineOffset) {
    bytesRead += other.bytesRead;
    eventsRead += other.eventsRead;
    filesDone += other.filesDone;
    if (firstInvalidUtf8 == null && other.firstInvalidUtf8 != null) {
      firstInvalidUtf8 = lineOffset != 0 && other.firstInvalidUtf8.file().equals(file)
          ? other.firstInvalidUtf8.withLine(other.firstInvalidUtf8.line() + lineOffset)
          : other.firstInvalidUtf8;
    }
    invalidUtf8Lines += other.invalidUtf8Lines;
    lines += other.lines;
    linesPassedOver += other.linesPassedOver;
    logEvents += other.logEvents;
    logEventsPassedOver += other.logEventsPassedOver;
    readAgainWhole |= other.readAgainWhole;
    if (lineOffset != 0) {
      other.skips.offsetLines(file, lineOffset);
    }
    skips.merge(other.skips);
    problems.addAll(other.problems);
  }
}
