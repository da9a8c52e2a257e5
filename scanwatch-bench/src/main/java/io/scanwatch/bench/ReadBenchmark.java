package io.scanwatch.bench;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link AuditLogReader} over a block of audit events in a temporary file, as
 * NDJSON or as an {@code aws logs filter-log-events} document, plain or gzip-compressed. The score
 * is events per second. Events average about 1 KiB, so events per second divided by 1000 is
 * roughly MiB per second of NDJSON. The file stays in the page cache, so the score excludes disk
 * reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReadBenchmark {

  /** Events in the block; {@link OperationsPerInvocation} must repeat this number. */
  static final int EVENTS = 50_000;

  /** Whether lines without {@code system:anonymous} are passed over unparsed. */
  @Param({"true", "false"})
  public boolean prefilter;

  /** {@code plain} for the file as written, {@code gzip} for the same bytes gzip-compressed. */
  @Param({"plain", "gzip"})
  public String compression;

  /**
   * {@code ndjson} for one event per line; {@code filter-log-events} for the same events as the
   * messages of a document's entries, each entry on a line of its own.
   */
  @Param({"ndjson", "filter-log-events"})
  public String shape;

  private Path file;
  private AuditLogReader reader;

  /** Writes the block to a temporary file. */
  @Setup
  public void writeBlock() throws IOException {
    byte[] block = AuditLogBlock.ndjson(EVENTS, 42);
    if (shape.equals("filter-log-events")) {
      block = AuditLogBlock.filterLogEvents(block);
    }
    file = Files.createTempFile("scanwatch-bench-", compression.equals("gzip") ? ".gz" : ".json");
    try (OutputStream out = compression.equals("gzip")
        ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)
        : Files.newOutputStream(file)) {
      out.write(block);
    }
    reader = new AuditLogReader(null, prefilter);
  }

  /** Deletes the temporary file. */
  @TearDown
  public void deleteBlock() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Reads the whole block and hands every event to the blackhole. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public ReadReport readEvents(Blackhole blackhole) {
    ReadReport report = new ReadReport();
    reader.read(InputSource.file(file), (AuditEvent event) -> blackhole.consume(event), report);
    // With the prefilter, lines and log events without the anonymous user are counted but not
    // parsed.
    long handled = !prefilter ? report.eventsRead()
        : shape.equals("ndjson") ? report.lines() : report.logEvents();
    if (handled != EVENTS) {
      throw new IllegalStateException(
          "read " + handled + " records, expected " + EVENTS + ": " + report.problems());
    }
    return report;
  }
}
