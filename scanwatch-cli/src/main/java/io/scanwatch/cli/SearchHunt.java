package io.scanwatch.cli;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import io.scanwatch.spl.CompiledSearch;
import io.scanwatch.spl.Detection;
import io.scanwatch.spl.JsonFlattener;
import io.scanwatch.spl.Record;
import io.scanwatch.spl.SearchPipeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs detections written in the search language over the inputs, in one pass: every event
 * becomes a record of Splunk's fields ({@code _time}, {@code source}, {@code sourcetype},
 * {@code _raw} and the event's own fields) and goes through each detection's search.
 *
 * <p>The searches run on one thread, because a search's {@code stats} state cannot be merged.
 * When the searches need a literal in the event text (see {@link #prefilterLiteral}), the byte
 * prefilter passes only the lines that can contain it, and large files are read on several
 * threads.
 */
final class SearchHunt {

  /** The sourcetype every audit event has, so that the EKS data-source macro selects it. */
  static final String SOURCETYPE = "aws:cloudwatchlogs:eks";

  /** One detection's rows. */
  record Result(Detection detection, List<Map<String, List<String>>> rows) {}

  private final List<Detection> detections;
  private final List<SearchPipeline> pipelines = new ArrayList<>();
  private final AuditLogReader reader;
  private final boolean prefilter;
  private final String literal;
  private final java.util.Set<String> projection;
  private final String cluster;
  private long withoutText;

  SearchHunt(List<Detection> detections, String cluster, boolean allowPrefilter) {
    this.detections = detections;
    List<CompiledSearch> searches = new ArrayList<>();
    for (Detection detection : detections) {
      CompiledSearch search = detection.compile();
      searches.add(search);
      pipelines.add(search.newPipeline());
    }
    this.projection = projection(searches);
    this.literal = allowPrefilter ? prefilterLiteral(searches) : null;
    this.prefilter = literal != null;
    this.cluster = cluster;
    this.reader = newReader();
  }

  /**
   * Returns the literal the byte prefilter looks for: for one search, the longest of the literals
   * it needs that the prefilter can take; for several, {@code system:anonymous} when every one
   * needs it. Null when no literal serves.
   */
  static String prefilterLiteral(List<CompiledSearch> searches) {
    if (searches.size() == 1) {
      return searches.get(0).requiredLiterals().stream()
          .filter(AuditLogReader::canPrefilter)
          .max(java.util.Comparator.comparingInt(String::length))
          .orElse(null);
    }
    boolean everyNeedsAnonymous = !searches.isEmpty();
    for (CompiledSearch search : searches) {
      everyNeedsAnonymous &= search.requiredLiterals().stream()
          .anyMatch(literal -> literal.equalsIgnoreCase("system:anonymous"));
    }
    return everyNeedsAnonymous ? "system:anonymous" : null;
  }

  private AuditLogReader newReader() {
    AuditLogReader created = literal != null ? new AuditLogReader(cluster, literal)
        : new AuditLogReader(cluster, false);
    return created.keepingRawText();
  }

  /**
   * Returns the fields to flatten from each event when every search is transforming and names
   * the fields it reads, because then no row can depend on another field. Otherwise returns null,
   * and every field is flattened.
   */
  static java.util.Set<String> projection(List<CompiledSearch> searches) {
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (CompiledSearch search : searches) {
      if (!search.transforming() || search.fieldsRead().contains("*")) {
        return null;
      }
      fields.addAll(search.fieldsRead());
    }
    return fields;
  }

  /** Returns the literal the prefilter looks for, or null when it is off. */
  String literal() {
    return literal;
  }

  boolean prefilter() {
    return prefilter;
  }

  /**
   * Reads every source and returns each detection's rows. With the prefilter on, large files are
   * read on several threads: only the few candidate events are kept per piece, and they reach the
   * searches in input order, so the rows are those of one thread.
   */
  List<Result> run(List<InputSource> sources, ReadReport report, int threads) {
    if (!prefilter || threads < 2) {
      for (InputSource source : sources) {
        reader.read(source, this::accept, report);
      }
    } else {
      readInParallel(sources, report, threads);
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < detections.size(); i++) {
      results.add(new Result(detections.get(i), pipelines.get(i).finish()));
    }
    return results;
  }

  private record Piece(InputSource source, long start, long end, boolean whole) {}

  private record PieceEvents(Piece piece, List<AuditEvent> events, ReadReport report) {}

  private void readInParallel(List<InputSource> sources, ReadReport report, int threads) {
    List<Piece> pieces = new ArrayList<>();
    for (InputSource source : sources) {
      List<Long> offsets = reader.splitAtLines(source, threads, ParallelHunt.MIN_PART_BYTES);
      if (offsets.isEmpty()) {
        pieces.add(new Piece(source, 0, -1, true));
      }
      for (int i = 0; i + 1 < offsets.size(); i++) {
        pieces.add(new Piece(source, offsets.get(i), offsets.get(i + 1), false));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "scanwatch-reader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<PieceEvents>> futures = new ArrayList<>();
      for (Piece piece : pieces) {
        futures.add(pool.submit(() -> readPiece(piece)));
      }
      String file = null;
      long linesBefore = 0;
      for (Future<PieceEvents> future : futures) {
        PieceEvents result = future.get();
        String name = result.piece().source().name();
        if (!name.equals(file) || result.piece().whole()) {
          file = name;
          linesBefore = 0;
        }
        report.merge(result.report(), name, linesBefore);
        linesBefore += result.report().lines();
        result.events().forEach(this::accept);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private PieceEvents readPiece(Piece piece) {
    AuditLogReader pieceReader = newReader();
    List<AuditEvent> events = new ArrayList<>();
    ReadReport report = new ReadReport();
    if (piece.whole()) {
      pieceReader.read(piece.source(), events::add, report);
    } else {
      pieceReader.readRange(piece.source(), piece.start(), piece.end(), events::add, report);
    }
    return new PieceEvents(piece, events, report);
  }

  /** Events whose JSON text could not be kept, so no search saw them. */
  long eventsWithoutText() {
    return withoutText;
  }

  private void accept(AuditEvent event) {
    if (event.raw() == null) {
      withoutText++;
      return;
    }
    Record record = toRecord(event, projection);
    for (int i = 0; i < pipelines.size(); i++) {
      pipelines.get(i).accept(i == pipelines.size() - 1 ? record : record.copy());
    }
  }

  /**
   * Returns the event's fields as Splunk's JSON extraction names them (only those in {@code
   * projection} unless it is null), plus Splunk's own.
   */
  static Record toRecord(AuditEvent event, java.util.Set<String> projection) {
    Record record = projection == null ? JsonFlattener.flatten(event.raw())
        : JsonFlattener.flatten(event.raw(), projection);
    record.set("_time", List.of(
        BigDecimal.valueOf(event.timeMicros(), 6).stripTrailingZeros().toPlainString()));
    record.set("source", List.of(event.source()));
    record.set("sourcetype", List.of(SOURCETYPE));
    record.set("_raw", List.of(event.raw()));
    return record;
  }
}
