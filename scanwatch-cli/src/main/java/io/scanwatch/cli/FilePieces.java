package io.scanwatch.cli;

import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Splits the inputs into pieces that reading threads take in turn, and puts what the pieces gave
 * back in input order. Shared by the built-in detections and the search language.
 */
final class FilePieces {

  /** Files smaller than this per thread are read whole. */
  static final long MIN_PART_BYTES = 8L << 20;

  private FilePieces() {}

  /** One piece of work: a whole input, or the part of a file in {@code [start, end)}. */
  record Piece(InputSource source, long start, long end, boolean whole) {
    static Piece of(InputSource source) {
      return new Piece(source, 0, -1, true);
    }
  }

  /** The result of one piece, with the number of lines of its file before it. */
  record Read<R>(R result, InputSource source, long linesBefore) {}

  /**
   * Returns the pieces of the inputs in order: large plain files split for {@code threads}
   * readers (filter-log-events documents too when {@code documents} is set), others whole.
   */
  static List<Piece> plan(AuditLogReader reader, List<InputSource> sources, int threads,
      boolean documents) {
    List<Piece> pieces = new ArrayList<>();
    for (InputSource source : sources) {
      List<Long> offsets = threads > 1
          ? reader.splitAtLines(source, threads, MIN_PART_BYTES, documents) : List.of();
      if (offsets.isEmpty()) {
        pieces.add(Piece.of(source));
      }
      for (int i = 0; i + 1 < offsets.size(); i++) {
        pieces.add(new Piece(source, offsets.get(i), offsets.get(i + 1), false));
      }
    }
    return pieces;
  }

  /** Returns a pool of daemon reading threads. */
  static ExecutorService readers(int threads) {
    return Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread thread = new Thread(runnable, "scanwatch-reader");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Reads every piece on {@code threads} readers and returns the results in input order. When a
   * piece's report requires a whole read (see {@link ReadReport#readAgainWhole}), the results of
   * that file's pieces are dropped and the file is read whole on this thread instead.
   */
  static <R> List<Read<R>> readAll(List<Piece> pieces, int threads, Function<Piece, R> read,
      Function<R, ReadReport> reportOf) throws InterruptedException {
    ExecutorService pool = readers(threads);
    try {
      List<Future<R>> futures = new ArrayList<>(pieces.size());
      for (Piece piece : pieces) {
        futures.add(pool.submit(() -> read.apply(piece)));
      }
      List<R> results = new ArrayList<>(pieces.size());
      for (Future<R> future : futures) {
        results.add(get(future));
      }
      List<Read<R>> reads = new ArrayList<>(pieces.size());
      for (int i = 0; i < pieces.size(); ) {
        // The pieces of one file are consecutive.
        InputSource source = pieces.get(i).source();
        int end = i;
        boolean again = false;
        while (end < pieces.size() && pieces.get(end).source() == source) {
          again |= reportOf.apply(results.get(end)).readAgainWhole();
          end++;
        }
        List<R> group = again ? List.of(read.apply(Piece.of(source))) : results.subList(i, end);
        long linesBefore = 0;
        for (R result : group) {
          reads.add(new Read<>(result, source, linesBefore));
          linesBefore += reportOf.apply(result).lines();
        }
        i = end;
      }
      return reads;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns the future's value, throwing what the reading thread threw. */
  static <R> R get(Future<R> future) throws InterruptedException {
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
