package io.scanwatch.cli;

import io.scanwatch.input.ReadReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A progress line on standard error, rewritten once a second while inputs are read: bytes and
 * events read, the read rate and files done. It runs on its own daemon thread.
 */
final class Progress implements AutoCloseable {

  private static final long PERIOD_MILLIS = 1000;

  private final PrintWriter err;
  private final List<ReadReport> reports;
  private final int files;
  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private volatile boolean running = true;
  private int lastLength;

  private Progress(PrintWriter err, List<ReadReport> reports, int files) {
    this.err = err;
    this.reports = reports;
    this.files = files;
    this.thread = new Thread(this::loop, "scanwatch-progress");
    thread.setDaemon(true);
  }

  /** Starts a progress line, or returns null when it is not wanted. */
  static Progress startIf(boolean wanted, PrintWriter err, List<ReadReport> reports,
      int files) {
    if (!wanted) {
      return null;
    }
    Progress progress = new Progress(err, reports, files);
    progress.thread.start();
    return progress;
  }

  /** True when standard error is a terminal; read from the link of file descriptor 2 on Linux. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        draw();
      }
    }
  }

  private synchronized void draw() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long bytes = 0;
    long events = 0;
    long done = 0;
    for (ReadReport report : reports) {
      bytes += report.bytesRead();
      events += report.eventsRead();
      done += report.filesDone();
    }
    String line = String.format(Locale.ROOT, "read %s, %s events, %s/s, %d/%d files",
        Summary.bytes(bytes), Summary.number(events), Summary.bytes((long) (bytes / seconds)),
        done, files);
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  @Override
  public synchronized void close() {
    running = false;
    thread.interrupt();
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }
}
