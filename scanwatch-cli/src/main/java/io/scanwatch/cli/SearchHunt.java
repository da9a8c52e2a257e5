package io.scanwatch.cli;

import io.scanwatch.cli.FilePieces.Piece;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import io.scanwatch.spl.CompiledSearch;
import io.scanwatch.spl.Detection;
import io.scanwatch.spl.FieldValues;
import io.scanwatch.spl.JsonFlattener;
import io.scanwatch.spl.Record;
import io.scanwatch.spl.SearchPipeline;
import io.scanwatch.spl.SearchSplit;
import io.scanwatch.spl.StatsInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

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

  /**
   * The event's extracted fields under the names Splunk's JSON extraction gives them (see
   * eventFields), and the ones every record gets from the event itself (see toRecord), in the
   * order of EventView's slots.
   */
  private static final List<String> VIEW_FIELDS = List.of("user.username", "user.groups{}",
      "sourceIPs{}", "userAgent", "verb", "requestURI", "responseStatus.reason",
      "responseStatus.code", "auditID", "stage", "_time", "source", "sourcetype", "_raw");
  /** The same fields as a set. */
  private static final Set<String> EVENT_FIELDS_AND_OWN = Set.copyOf(VIEW_FIELDS);

  /**
   * One detection's rows, and what its first {@code stats} took in (null for a search without
   * {@code stats}).
   */
  record Result(Detection detection, List<Map<String, List<String>>> rows,
      StatsInput statsInput) {}

  private final List<Detection> detections;
  private final List<SearchPipeline> pipelines = new ArrayList<>();
  /** Each search cut at its stats, or null when some search cannot be cut. */
  private final List<SearchSplit> splits;
  private final AuditLogReader reader;
  private final boolean prefilter;
  private final String literal;
  private final JsonFlattener.Projection projection;
  private final Set<String> watchedKeys;
  private final boolean reuseFields;
  /**
   * Whether every search's parts take an event in its usual shape as a view of its fields,
   * without a record being made (see {@link SearchSplit#takingViews}).
   */
  private final boolean viewsToSplits;
  private final List<CompiledSearch> searches;
  /**
   * The fields the searches' initial searches read, or null. When set, an event in its usual
   * shape is tested on those fields alone before its whole record is made.
   */
  private final Set<String> initialFields;
  /**
   * Whether the reader keeps the text only of some events: those some initial search keeps,
   * judged on their fields, or, when no search reads {@code _raw}, those not in their usual
   * shape. Set when the initial searches read no {@code _raw}.
   */
  private final boolean rawFiltered;
  /** Whether the projection names {@code _raw} (false also when there is no projection). */
  private final boolean readsRaw;
  private final String cluster;
  private long withoutText;
  /**
   * Event fields the initial searches read that no event looked at so far had a value for. The
   * first {@link #FIELD_CHECKS} events that reach the searches are looked at.
   */
  private final Set<String> unseenFields = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong fieldChecks =
      new java.util.concurrent.atomic.AtomicLong();
  private static final long FIELD_CHECKS = 10_000;
  /**
   * Fields a record gets from the event itself, and {@code index}, which every search term on it
   * matches. They are never reported as unseen.
   */
  private static final Set<String> ALWAYS_PRESENT = Set.of("_time", "source", "sourcetype",
      "_raw", "index");

  SearchHunt(List<Detection> detections, String cluster, boolean allowPrefilter) {
    this.detections = detections;
    List<CompiledSearch> searches = new ArrayList<>();
    List<SearchSplit> cut = new ArrayList<>();
    for (Detection detection : detections) {
      CompiledSearch search = detection.compile();
      searches.add(search);
      pipelines.add(search.newPipeline());
      cut.add(search.split());
    }
    java.util.Set<String> fields = projection(searches);
    this.projection = fields == null ? null : JsonFlattener.Projection.of(fields);
    // Fields the reader does not extract can be left out of a record when the event's JSON has
    // no such key, which the reader checks for plain names.
    this.watchedKeys = new HashSet<>(fields == null ? Set.of() : fields);
    watchedKeys.removeAll(EVENT_FIELDS_AND_OWN);
    this.reuseFields = fields != null && watchedKeys.stream()
        .noneMatch(field -> field.isEmpty() || field.contains(".") || field.contains("{"));
    if (reuseFields && !cut.contains(null)) {
      // An event in its usual shape then has values for the fields of its view alone, as its
      // record would.
      cut.replaceAll(split -> split.takingViews(EVENT_FIELDS_AND_OWN));
    }
    this.splits = cut.contains(null) ? null : cut;
    this.viewsToSplits = splits != null && splits.stream().allMatch(SearchSplit::takesViews);
    this.searches = List.copyOf(searches);
    Set<String> initial = initialFields(searches);
    for (String field : initial) {
      if (!ALWAYS_PRESENT.contains(field) && !field.contains("*")) {
        unseenFields.add(field);
      }
    }
    this.initialFields = reuseFields ? initial : null;
    this.rawFiltered = initialFields != null && !initialFields.contains("_raw");
    this.readsRaw = fields != null && fields.contains("_raw");
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
    if (!reuseFields) {
      return created.keepingRawText();
    }
    created.watchingKeys(watchedKeys);
    if (!rawFiltered) {
      return created.keepingRawText();
    }
    // Without _raw, the record of an event in its usual shape is made from its extracted fields,
    // so only the other events need their text.
    return readsRaw ? created.keepingRawTextOf(this::initiallyKept)
        : created.keepingRawTextOf(event -> !event.usualShape());
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

  private static Set<String> initialFields(List<CompiledSearch> searches) {
    Set<String> fields = new HashSet<>();
    searches.forEach(search -> fields.addAll(search.initialFieldsRead()));
    return Set.copyOf(fields);
  }

  /**
   * Tests whether an event can reach some search's later commands, judged on a view of the
   * fields the initial searches read. Many events the prefilter passes fail there, because lines
   * with a 401 response pass it whatever their user (a third of the parsed events of the
   * benchmark data). Only for events in their usual shape, whose records are made from the
   * event's own fields, so that the view's values equal the record's.
   */
  private boolean initiallyKept(AuditEvent event) {
    if (initialFields == null || !event.usualShape()) {
      return true;
    }
    FieldValues view = eventView(event);
    for (int i = 0; i < searches.size(); i++) {
      if (searches.get(i).initiallyKeeps(view)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the view {@link #initiallyKept} tests an event in its usual shape on. */
  static FieldValues eventView(AuditEvent event) {
    return new EventView(event);
  }

  /**
   * The values {@link #toRecord} gives an event in its usual shape, read from the event without
   * making a record. A field the reader does not extract has no value, as such an event has no
   * such key (see {@link AuditLogReader#watchingKeys}).
   */
  private static final class EventView implements FieldValues {
    /** The position of each field in {@link #valuesAt}, which is its index in VIEW_FIELDS. */
    private static final Map<String, Integer> SLOTS = slots();

    private final AuditEvent event;
    /** The value of {@code _time}, made when first read. */
    private List<String> time;

    EventView(AuditEvent event) {
      this.event = event;
    }

    /**
     * Returns the values of a field. Fields are found through a map rather than a switch on
     * their names: the switch compares the name with each case in turn, and its compiled code was
     * about three times larger (12 KB against 4 KB).
     */
    @Override
    public List<String> values(String field) {
      Integer slot = SLOTS.get(field);
      return slot == null ? List.of() : valuesAt(slot);
    }

    private List<String> valuesAt(int slot) {
      return switch (slot) {
        case 0 -> event.usernames();
        case 1 -> event.groups();
        case 2 -> event.sourceIps();
        case 3 -> event.userAgents();
        case 4 -> event.verbs();
        case 5 -> event.requestUris();
        case 6 -> event.reasons();
        case 7 -> event.codes();
        case 8 -> event.auditIds();
        case 9 -> event.stages();
        case 10 -> time();
        case 11 -> nonEmpty(event.source());
        case 12 -> List.of(SOURCETYPE);
        default -> nonEmpty(event.raw());
      };
    }

    private List<String> time() {
      if (time == null) {
        time = List.of(epochSeconds(event.timeMicros()));
      }
      return time;
    }

    private static Map<String, Integer> slots() {
      Map<String, Integer> slots = new java.util.HashMap<>();
      for (int i = 0; i < VIEW_FIELDS.size(); i++) {
        slots.put(VIEW_FIELDS.get(i), i);
      }
      return slots;
    }

    private static List<String> nonEmpty(String value) {
      return value == null || value.isEmpty() ? List.of() : List.of(value);
    }
  }

  /** Marks the initial searches' fields that this event has a value for as seen. */
  private void checkFields(AuditEvent event) {
    if (unseenFields.isEmpty() || fieldChecks.get() >= FIELD_CHECKS) {
      return;
    }
    FieldValues fields;
    if (initialFields != null && event.usualShape()) {
      fields = eventView(event);
    } else if (event.raw() != null) {
      // The projection names every field the initial searches read, when it is not null.
      fields = toRecord(event, projection);
    } else {
      return;
    }
    fieldChecks.incrementAndGet();
    unseenFields.removeIf(field -> !fields.values(field).isEmpty());
  }

  /**
   * Returns, in name order, the fields a search's initial search reads that none of the events
   * looked at had a value for. The first 10,000 events that reached the searches are looked at,
   * and the list is empty when there was none.
   */
  List<String> unseenFields(CompiledSearch search) {
    if (fieldChecks.get() == 0) {
      return List.of();
    }
    return search.initialFieldsRead().stream().filter(unseenFields::contains).sorted().toList();
  }

  /** Returns the literal the prefilter looks for, or null when it is off. */
  String literal() {
    return literal;
  }

  boolean prefilter() {
    return prefilter;
  }

  /**
   * Reads every source and returns each detection's rows, which are those of one thread. When
   * every search can be cut at its {@code stats} (see {@link CompiledSearch#split}), large files
   * are read on several threads, each piece running the searches up to {@code stats} on its own
   * thread, and the pieces' groups merge in input order. Otherwise, with the prefilter on, the
   * few candidate events of each piece are queued in batches and reach the searches in input
   * order on this thread. Without the prefilter every event would be queued, so the files are
   * read on this thread.
   */
  List<Result> run(List<InputSource> sources, ReadReport report, int threads) {
    if (splits != null && threads > 1) {
      return readSplit(sources, report, threads);
    } else if (!prefilter || threads < 2) {
      for (InputSource source : sources) {
        reader.read(source, this::accept, report);
      }
    } else {
      readInParallel(sources, report, threads);
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < detections.size(); i++) {
      SearchPipeline pipeline = pipelines.get(i);
      results.add(new Result(detections.get(i), pipeline.finish(), pipeline.statsInput()));
    }
    return results;
  }

  /** Events handed from a reading thread to the searches at a time. */
  private static final int BATCH = 256;

  /** Event text that ends a batch before it has {@link #BATCH} events, for long events. */
  private static final long BATCH_CHARS = 4L << 20;

  /** Marks the end of a piece's events in its queue. */
  private static final List<AuditEvent> END = new ArrayList<>();

  /** The result of one piece: its report and each cut search's part. */
  private record PieceResult(ReadReport report, List<SearchSplit.Part> parts) {}

  /**
   * Reads the pieces on several threads, each running every search up to its {@code stats}, and
   * returns the rows of the parts merged in input order.
   */
  private List<Result> readSplit(List<InputSource> sources, ReadReport report, int threads) {
    List<Piece> pieces = FilePieces.plan(reader, sources, threads, true);
    List<List<SearchSplit.Part>> partsBySearch = new ArrayList<>();
    splits.forEach(split -> partsBySearch.add(new ArrayList<>()));
    try {
      for (FilePieces.Read<PieceResult> read
          : FilePieces.readAll(pieces, threads, this::searchPiece, PieceResult::report)) {
        report.merge(read.result().report(), read.source().name(), read.linesBefore());
        for (int s = 0; s < splits.size(); s++) {
          partsBySearch.get(s).add(read.result().parts().get(s));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
    List<Result> results = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      List<SearchSplit.Part> parts = partsBySearch.get(s);
      results.add(new Result(detections.get(s), splits.get(s).finish(parts),
          splits.get(s).statsInput(parts)));
    }
    return results;
  }

  /**
   * Reads one piece, passing each event through every search's part on this thread. Events go to
   * the searches in batches, so that the searches' code can stay out of the scanning loop's
   * compiled code: the launcher's JVM options tell the compiler not to inline {@link
   * #searchBatch}. Without that, it compiled the loop twice more with the searches inside, which
   * made an 8 GiB hunt on two cores about 7% slower.
   */
  private PieceResult searchPiece(Piece piece) {
    AuditLogReader pieceReader = newReader();
    ReadReport report = new ReadReport();
    List<SearchSplit.Part> parts = new ArrayList<>();
    splits.forEach(split -> parts.add(split.newPart()));
    List<AuditEvent> batch = new ArrayList<>(BATCH);
    long[] batchChars = new long[1];
    java.util.function.Consumer<AuditEvent> sink = event -> {
      batch.add(event);
      batchChars[0] += event.raw() == null ? 0 : event.raw().length();
      if (batch.size() == BATCH || batchChars[0] >= BATCH_CHARS) {
        searchBatch(batch, parts);
        batchChars[0] = 0;
      }
    };
    if (piece.whole()) {
      pieceReader.read(piece.source(), sink, report);
    } else {
      pieceReader.readRange(piece.source(), piece.start(), piece.end(), sink, report);
    }
    searchBatch(batch, parts);
    return new PieceResult(report, parts);
  }

  private void searchBatch(List<AuditEvent> batch, List<SearchSplit.Part> parts) {
    for (AuditEvent event : batch) {
      searchEvent(event, parts);
    }
    batch.clear();
  }

  /** Passes one event through every search's part. */
  private void searchEvent(AuditEvent event, List<SearchSplit.Part> parts) {
    // The parts test their initial searches on the view. An event whose text a search reads
    // takes this way only with its text, as in goesOn.
    if (viewsToSplits && event.usualShape() && (event.raw() != null || !readsRaw)) {
      checkFields(event);
      FieldValues view = eventView(event);
      for (int i = 0; i < parts.size(); i++) {
        parts.get(i).acceptView(view);
      }
      return;
    }
    if (!goesOn(event)) {
      return;
    }
    Record record = toRecord(event, projection, reuseFields);
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).accept(i == parts.size() - 1 ? record : record.copy());
    }
  }

  private void readInParallel(List<InputSource> sources, ReadReport report, int threads) {
    // Events reach the searches as they are read, so no piece could be taken back: documents,
    // whose pieces may have to be, are read whole.
    List<Piece> pieces = FilePieces.plan(reader, sources, threads, false);
    ExecutorService pool = FilePieces.readers(threads);
    try {
      List<BlockingQueue<List<AuditEvent>>> queues = new ArrayList<>();
      List<Future<ReadReport>> futures = new ArrayList<>();
      for (Piece piece : pieces) {
        BlockingQueue<List<AuditEvent>> queue = new LinkedBlockingQueue<>();
        queues.add(queue);
        futures.add(pool.submit(() -> readPiece(piece, queue)));
      }
      String file = null;
      long linesBefore = 0;
      for (int i = 0; i < pieces.size(); i++) {
        // The first unfinished piece's events go through the searches while it is still being
        // read, so the searches run alongside the scan rather than after it.
        for (List<AuditEvent> batch = queues.get(i).take(); batch != END;
            batch = queues.get(i).take()) {
          batch.forEach(this::accept);
        }
        ReadReport pieceReport = FilePieces.get(futures.get(i));
        String name = pieces.get(i).source().name();
        if (!name.equals(file) || pieces.get(i).whole()) {
          file = name;
          linesBefore = 0;
        }
        report.merge(pieceReport, name, linesBefore);
        linesBefore += pieceReport.lines();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads one piece, queueing its events in input order in batches, then the end mark (also when
   * reading fails). The reading thread does nothing more with an event, so the searches' code
   * never becomes part of the scanning loop's compiled code. In a JFR profile of a 4 GiB run,
   * compiling it there took 0.3 s of compiler time.
   */
  private ReadReport readPiece(Piece piece, BlockingQueue<List<AuditEvent>> queue) {
    AuditLogReader pieceReader = newReader();
    ReadReport report = new ReadReport();
    List<List<AuditEvent>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
    java.util.function.Consumer<AuditEvent> sink = event -> {
      batch.get(0).add(event);
      if (batch.get(0).size() == BATCH) {
        queue.add(batch.get(0));
        batch.set(0, new ArrayList<>(BATCH));
      }
    };
    try {
      if (piece.whole()) {
        pieceReader.read(piece.source(), sink, report);
      } else {
        pieceReader.readRange(piece.source(), piece.start(), piece.end(), sink, report);
      }
    } finally {
      if (!batch.get(0).isEmpty()) {
        queue.add(batch.get(0));
      }
      queue.add(END);
    }
    return report;
  }

  /** Events whose JSON text could not be kept, so no search saw them. */
  synchronized long eventsWithoutText() {
    return withoutText;
  }

  private synchronized void countWithoutText() {
    withoutText++;
  }

  private void accept(AuditEvent event) {
    if (goesOn(event)) {
      search(toRecord(event, projection, reuseFields));
    }
  }

  /**
   * Tests whether an event goes on to the searches. An event without text (the reader keeps the
   * text of a document's event only while it is under 1 MiB) still does when its record can be
   * made from its extracted fields and no search reads {@code _raw}; otherwise it is counted
   * (see {@link #eventsWithoutText}) when some initial search would keep it.
   */
  private boolean goesOn(AuditEvent event) {
    checkFields(event);
    if (event.raw() == null) {
      // With rawFiltered, the reader keeps no text of the events that no initial search keeps,
      // nor, when no search reads _raw, of any event in its usual shape.
      if (rawFiltered && !initiallyKept(event)) {
        return false;
      }
      if (rawFiltered && event.usualShape() && !readsRaw) {
        return true;
      }
      countWithoutText();
      return false;
    }
    // With rawFiltered, an event with text has passed initiallyKept in the reader, or is not in
    // its usual shape, which initiallyKept passes.
    return rawFiltered || initiallyKept(event);
  }

  private void search(Record record) {
    for (int i = 0; i < pipelines.size(); i++) {
      pipelines.get(i).accept(i == pipelines.size() - 1 ? record : record.copy());
    }
  }

  /**
   * Writes microseconds since the epoch as decimal seconds without trailing zeros, as Splunk shows
   * {@code _time}: {@code 1763625600.1234}, {@code 1763625600}.
   */
  static String epochSeconds(long micros) {
    if (micros < 0) {
      return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
    long seconds = micros / 1_000_000;
    int fraction = (int) (micros % 1_000_000);
    if (fraction == 0) {
      return Long.toString(seconds);
    }
    int digits = 6;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    String text = Integer.toString(fraction);
    return seconds + "." + "0".repeat(digits - text.length()) + text;
  }

  /**
   * Returns a record of the event's extracted fields that {@code fields} names. Written out field
   * by field rather than as a loop: a search calls it once per candidate event, and a loop here
   * would have the JIT compiler spend more time on it than it saves.
   */
  private static Record eventFields(AuditEvent event, Set<String> fields) {
    Record record = Record.empty();
    setIf(record, fields, "user.username", event.usernames());
    setIf(record, fields, "user.groups{}", event.groups());
    setIf(record, fields, "sourceIPs{}", event.sourceIps());
    setIf(record, fields, "userAgent", event.userAgents());
    setIf(record, fields, "verb", event.verbs());
    setIf(record, fields, "requestURI", event.requestUris());
    setIf(record, fields, "responseStatus.reason", event.reasons());
    setIf(record, fields, "responseStatus.code", event.codes());
    setIf(record, fields, "auditID", event.auditIds());
    setIf(record, fields, "stage", event.stages());
    return record;
  }

  private static void setIf(Record record, Set<String> fields, String field,
      List<String> values) {
    // The reader keeps no null or empty value, so the list is copied whole.
    if (!values.isEmpty() && fields.contains(field)) {
      record.setClean(field, values);
    }
  }

  /**
   * Returns the event's fields as Splunk's JSON extraction names them (only those in {@code
   * projection} unless it is null), plus Splunk's own.
   */
  static Record toRecord(AuditEvent event, JsonFlattener.Projection projection) {
    return toRecord(event, projection, false);
  }

  /**
   * As {@link #toRecord(AuditEvent, JsonFlattener.Projection)}. With {@code reuseFields} set, an
   * event read in its usual shape takes the projected fields the reader extracted from the event,
   * without parsing its JSON text a second time. The caller sets it only when the projection's
   * other fields are plain names that the reader watched for (see {@link
   * AuditLogReader#watchingKeys}), so that an event in its usual shape has none of them.
   */
  static Record toRecord(AuditEvent event, JsonFlattener.Projection projection,
      boolean reuseFields) {
    Record record;
    if (projection == null) {
      record = JsonFlattener.flatten(event.raw());
    } else if (reuseFields && event.usualShape()) {
      record = eventFields(event, projection.fields());
    } else {
      record = JsonFlattener.flatten(event.raw(), projection);
    }
    // The fields every record gets from the event itself rather than from its JSON.
    record.setOne("_time", epochSeconds(event.timeMicros()));
    if (!event.source().isEmpty()) {
      record.setOne("source", event.source());
    }
    record.setOne("sourcetype", SOURCETYPE);
    if (event.raw() != null && !event.raw().isEmpty()) {
      record.setOne("_raw", event.raw());
    }
    return record;
  }
}
