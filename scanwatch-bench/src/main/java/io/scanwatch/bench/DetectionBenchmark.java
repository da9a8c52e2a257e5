package io.scanwatch.bench;

import io.scanwatch.core.detect.ParityAggregator;
import io.scanwatch.core.detect.ParityDetection;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the parity detection on events that were parsed in setup, so the score excludes
 * reading: {@link ParityDetection#evaluate} on every event, and {@link ParityAggregator#add} on
 * the matched ones (about 0.4% of the mix). Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DetectionBenchmark {

  /** Events in the parsed block; {@link OperationsPerInvocation} must repeat this number. */
  static final int EVENTS = 50_000;

  /** Matched events per {@link #aggregateMatched} call, cycling through the block's matches. */
  static final int MATCHED_EVENTS = 10_000;

  private final ParityDetection detection = new ParityDetection();
  private List<AuditEvent> events;
  private List<AuditEvent> matched;

  /** Parses the block once and keeps the events, and separately the matched ones. */
  @Setup
  public void parseBlock() throws IOException {
    Path file = Files.createTempFile("scanwatch-bench-", ".json");
    try {
      Files.write(file, AuditLogBlock.ndjson(EVENTS, 42));
      events = new ArrayList<>(EVENTS);
      new AuditLogReader(null).read(InputSource.file(file), events::add, new ReadReport());
    } finally {
      Files.delete(file);
    }
    if (events.size() != EVENTS) {
      throw new IllegalStateException("parsed " + events.size() + " events, expected " + EVENTS);
    }
    List<AuditEvent> blockMatches = new ArrayList<>();
    for (AuditEvent event : events) {
      if (detection.evaluate(event) == ParityVerdict.MATCHED) {
        blockMatches.add(event);
      }
    }
    if (blockMatches.isEmpty()) {
      throw new IllegalStateException("the block has no matched event to aggregate");
    }
    matched = new ArrayList<>(MATCHED_EVENTS);
    for (int i = 0; i < MATCHED_EVENTS; i++) {
      matched.add(blockMatches.get(i % blockMatches.size()));
    }
  }

  /** Evaluates every event and aggregates the matched ones into a fresh aggregator. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public ParityAggregator evaluateAndAggregate() {
    ParityAggregator aggregator = new ParityAggregator();
    for (AuditEvent event : events) {
      if (detection.evaluate(event) == ParityVerdict.MATCHED) {
        aggregator.add(event);
      }
    }
    return aggregator;
  }

  /** Aggregates only events that matched, to isolate {@link ParityAggregator#add}. */
  @Benchmark
  @OperationsPerInvocation(MATCHED_EVENTS)
  public ParityAggregator aggregateMatched() {
    ParityAggregator aggregator = new ParityAggregator();
    for (AuditEvent event : matched) {
      aggregator.add(event);
    }
    return aggregator;
  }
}
