package io.scanwatch.cli;

import io.scanwatch.cli.FilePieces.Piece;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the inputs on several threads: each file is a piece of work, and a large plain file is
 * split into one piece per thread (see {@link FilePieces}). Every piece has its own
 * {@link HuntPipeline}; the pieces merge in input order, so the result is the same as reading
 * everything on one thread, row for row.
 */
final class ParallelHunt {

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

  /** The reports of pieces being read, for a progress display. */
  List<ReadReport> liveReports() {
    return liveReports;
  }

  /** Reads every source and returns the merged result. */
  HuntPipeline run(List<InputSource> sources) throws InterruptedException {
    List<Piece> pieces = FilePieces.plan(planner, sources, threads, true);
    HuntPipeline merged = new HuntPipeline(new ReadReport(), settings);
    for (FilePieces.Read<HuntPipeline> read
        : FilePieces.readAll(pieces, threads, this::read, HuntPipeline::report)) {
      merged.report().merge(read.result().report(), read.source().name(), read.linesBefore());
      merged.merge(read.result());
    }
    return merged;
  }

  private HuntPipeline read(Piece piece) {
    ReadReport report = new ReadReport();
    liveReports.add(report);
    HuntPipeline pipeline = new HuntPipeline(report, settings);
    AuditLogReader reader = readers.get();
    if (piece.whole()) {
      reader.read(piece.source(), pipeline::accept, report);
    } else {
      reader.readRange(piece.source(), piece.start(), piece.end(), pipeline::accept, report);
    }
    return pipeline;
  }
}
