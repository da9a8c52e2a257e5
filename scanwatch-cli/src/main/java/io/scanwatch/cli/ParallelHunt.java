package io.scanwatch.cli;

import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the inputs on several threads: each file is a piece of work, and a large plain
 * line-oriented file is split at line starts into one piece per thread. Every piece has its own
 * {@link HuntPipeline}; the pieces merge in input order, so the result is the same as reading
 * everything on one thread, row for row.
 */
final class ParallelHunt {

  /** Files smaller than this per thread are read whole. */
  static final long MIN_PART_BYTES = 8L << 20;

  private final java.util.function.Supplier<AuditLogReader> readers;
  private final AuditLogReader planner;
  private final int threads;
  private final HuntPipeline.Settings settings;
  private final List<ReadReport> liveReports = new CopyOnWriteArrayList<>();

  /**
   * @param readers makes a reader with the prefilter the detections allow; each piece gets its
   *     own, because a reader keeps per-document state
   */
  ParallelHunt(java.util.function.Supplier<AuditLogReader> readers, int threads,
      HuntPipeline.Settings settings) {
    this.readers = readers;
    this.planner = readers.get();
    this.threads = threads;
    this.settings = settings;
  }

  /** One piece of work: a whole input, or the lines of a file in {@code [start, end)}. */
  private record Piece(InputSource source, long start, long end, boolean whole) {}

  /** What one piece found, and how many lines of its file came before it. */
  private record PieceResult(Piece piece, HuntPipeline pipeline) {}

  /** The reports of pieces being read, for a progress display. */
  List<ReadReport> liveReports() {
    return liveReports;
  }

  /** Reads every source and returns the merged result. */
  HuntPipeline run(List<InputSource> sources) throws InterruptedException {
    List<Piece> pieces = plan(sources);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread thread = new Thread(runnable, "scanwatch-reader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<PieceResult>> futures = new ArrayList<>(pieces.size());
      for (Piece piece : pieces) {
        futures.add(pool.submit(() -> read(piece)));
      }
      HuntPipeline merged = new HuntPipeline(new ReadReport(), settings);
      List<PieceResult> results = new ArrayList<>(pieces.size());
      for (Future<PieceResult> future : futures) {
        results.add(get(future));
      }
      for (int i = 0; i < results.size(); ) {
        // The pieces of one file are consecutive; a piece that may differ from a whole read
        // sends the whole file to one reader instead.
        InputSource source = results.get(i).piece().source();
        int end = i;
        boolean again = false;
        while (end < results.size() && results.get(end).piece().source() == source) {
          again |= results.get(end).pipeline().report().readAgainWhole();
          end++;
        }
        List<PieceResult> group = again ? List.of(read(new Piece(source, 0, -1, true)))
            : results.subList(i, end);
        long linesBefore = 0;
        for (PieceResult result : group) {
          merged.report().merge(result.pipeline().report(), source.name(), linesBefore);
          linesBefore += result.pipeline().report().lines();
          merged.merge(result.pipeline());
        }
        i = end;
      }
      return merged;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Piece> plan(List<InputSource> sources) {
    List<Piece> pieces = new ArrayList<>();
    for (InputSource source : sources) {
      List<Long> offsets = threads > 1
          ? planner.splitAtLines(source, threads, MIN_PART_BYTES) : List.of();
      if (offsets.isEmpty()) {
        pieces.add(new Piece(source, 0, -1, true));
        continue;
      }
      for (int i = 0; i + 1 < offsets.size(); i++) {
        pieces.add(new Piece(source, offsets.get(i), offsets.get(i + 1), false));
      }
    }
    return pieces;
  }

  private PieceResult read(Piece piece) {
    ReadReport report = new ReadReport();
    liveReports.add(report);
    HuntPipeline pipeline = new HuntPipeline(report, settings);
    AuditLogReader reader = readers.get();
    if (piece.whole()) {
      reader.read(piece.source(), pipeline::accept, report);
    } else {
      reader.readRange(piece.source(), piece.start(), piece.end(), pipeline::accept, report);
    }
    return new PieceResult(piece, pipeline);
  }

  private static PieceResult get(Future<PieceResult> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
