package io.scanwatch.cli;

import io.scanwatch.core.detect.ParityRow;
import io.scanwatch.core.robust.Allowlist;
import io.scanwatch.core.robust.AllowlistEntry;
import io.scanwatch.core.robust.DetectionSettings;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.UserAgentCatalog;
import io.scanwatch.input.InputPaths;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import io.scanwatch.output.CsvRowWriter;
import io.scanwatch.output.JsonRowWriter;
import io.scanwatch.output.RowWriter;
import io.scanwatch.output.TableWriter;
import io.scanwatch.output.TerminalText;
import io.scanwatch.output.TimeFormat;
import io.scanwatch.output.html.HtmlReportWriter;
import io.scanwatch.output.ocsf.OcsfFindingWriter;
import io.scanwatch.output.robust.RobustCsvWriter;
import io.scanwatch.output.robust.RobustJsonWriter;
import io.scanwatch.output.robust.RobustTableWriter;
import io.scanwatch.output.robust.RobustWriter;
import io.scanwatch.spl.StatsInput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scanwatch hunt}: runs the detection over files, folders or standard input. */
@Command(
    name = "hunt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs the Amazon EKS cluster scan detection over Kubernetes audit logs and prints one row "
          + "per source IP, user and group, as Splunk's search does.",
      "Inputs may be bare audit events, CloudWatch exports, filter-log-events output, "
          + "subscription payloads (Firehose objects included), Lambda events, aws logs tail "
          + "output, Logs Insights CSV or JSON arrays, gzip-compressed or not."
    },
    sortOptions = false,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished (skipped records are listed on standard error)",
      "1:an input could not be read, or output not written; rows are still printed",
      "2:invalid command line: unknown option, bad value or missing path",
      "3:rows were reported and --fail-on-findings was given"
    })
final class HuntCommand implements Callable<Integer> {

  private static final int DEFAULT_WIDTH = 100;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A file, a folder (read recursively) or - for standard input.")
  List<String> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
          + "ocsf and html need --detection robust.")
  OutputFormat format = OutputFormat.table;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Time zone for firstTime and lastTime, such as Europe/Berlin, +02:00 or "
          + "EST (default: UTC). The times are written without the offset, as Splunk does.")
  String timezone = "UTC";

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = "Cluster name for events whose input carries no /aws/eks/NAME/cluster log "
          + "group.")
  String cluster;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the rows to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--fail-on-findings",
      description = "Exit with 3 when any row is reported, for CI pipelines.")
  boolean failOnFindings;

  @Option(
      names = "--raw-csv",
      description = "Write CSV cells as they are, without defusing spreadsheet formulas.")
  boolean rawCsv;

  @Option(
      names = "--width",
      paramLabel = "COLUMNS",
      description = "Terminal width for the table, at least 60 (default: $COLUMNS, else 100).")
  Integer width;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      description = "Progress line on standard error: auto (when it is a terminal), always or "
          + "never (default: ${DEFAULT-VALUE}).")
  ProgressMode progress = ProgressMode.auto;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads that read inputs (default: the number of processors).")
  Integer threads;

  @Option(
      names = "--no-prefilter",
      description = "Parse every line and every filter-log-events entry. By default those "
          + "that cannot hold a kept event (no system:anonymous, no \\u escape that could "
          + "spell it, no 401 response) are counted but not parsed, which is faster and gives "
          + "the same rows; this option also counts bad records among them.")
  boolean noPrefilter;

  @Option(
      names = "--detection",
      paramLabel = "NAME|FILE",
      description = "Detection to run: parity (the Splunk analytic, rows as Splunk gives them), "
          + "robust (unauthenticated requests per source address, with severity), or an ESCU "
          + "detection file (.yml) whose search runs in scanwatch's search language "
          + "(default: parity).")
  String detectionName = "parity";

  @Option(
      names = "--detections",
      paramLabel = "FOLDER",
      description = "Run every ESCU detection file (.yml, .yaml) in FOLDER, in one pass.")
  Path detectionsFolder;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Value of a $NAME$ token in a detection's search; repeat for more.")
  List<String> parameterTexts = new ArrayList<>();

  @Option(
      names = "--macros",
      paramLabel = "FILE|FOLDER",
      description = "ESCU macro files that define or override macros of detection searches "
          + "(the *_filter macros, for example).")
  List<Path> macroPaths = new ArrayList<>();

  /** The built-in detection selected, or null when detection files run. */
  Detection detection;

  /**
   * The metadata robust findings carry: that of the file that chose the robust engine, or null
   * for the bundled robust detection file's.
   */
  io.scanwatch.core.robust.DetectionMetadata robustMetadata;

  @Option(
      names = "--compare",
      description = "Run both detections and report what parity missed: the source addresses "
          + "robust finds that parity does not, with the reasons parity dropped their events.")
  boolean compare;

  @Option(
      names = "--allowlist",
      paramLabel = "FILE",
      description = "YAML file of accepted traffic (CIDRs, user-agent and path globs, clusters, "
          + "each entry with a reason); matching events are dropped before aggregation and "
          + "counted per entry.")
  Path allowlist;

  @Option(
      names = "--scanner-agents",
      paramLabel = "FILE",
      description = "More known scanner user agents for the robust detection, one "
          + "'prefix|contains|exact NAME PATTERN' a line.")
  Path scannerAgents;

  @Option(
      names = "--health-probers",
      paramLabel = "FILE",
      description = "More health-probe user agents for the robust detection, in the same "
          + "format.")
  Path healthProbers;

  enum ProgressMode {
    auto,
    always,
    never
  }

  @Override
  public Integer call() {
    ZoneId zone = parseZone();
    PrintWriter err = spec.commandLine().getErr();
    checkOutputOptions();
    List<io.scanwatch.spl.Detection> searches = loadSearches(zone);
    if (!searches.isEmpty()) {
      return huntWithSearches(searches, err);
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(),
          "invalid --threads " + threads + ": give 1 or more");
    }
    boolean robustOnly = format == OutputFormat.ocsf || format == OutputFormat.html;
    if ((robustOnly || format == OutputFormat.csv) && compare) {
      throw new ParameterException(spec.commandLine(), "--format " + format
          + " cannot be combined with --compare; use table, json or ndjson");
    }
    if (robustOnly && detection != Detection.robust) {
      throw new ParameterException(spec.commandLine(), "--format " + format
          + " reports the robust detection: add --detection robust");
    }
    HuntPipeline.Settings settings = detectionSettings();
    ReadReport listingReport = new ReadReport();
    List<InputSource> sources = expandPaths(listingReport);
    if (sources.isEmpty()) {
      err.println("scanwatch hunt: warning: the folders given hold no files to read");
    }

    // The parity prefilter passes the lines that can name the anonymous user. The robust
    // detection also counts 401s that carry no user at all, so its prefilter passes every line
    // with the digits 401 as well.
    java.util.function.Supplier<io.scanwatch.input.AuditLogReader> readers = noPrefilter
        ? () -> new io.scanwatch.input.AuditLogReader(cluster, false)
        : settings.robust() ? () -> io.scanwatch.input.AuditLogReader.unauthenticated(cluster)
        : () -> new io.scanwatch.input.AuditLogReader(cluster, true);
    ParallelHunt hunt = new ParallelHunt(readers,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(), settings);
    boolean showProgress = progress == ProgressMode.always
        || (progress == ProgressMode.auto && Progress.stderrIsTerminal());
    HuntPipeline pipeline;
    try (Progress ignored =
        Progress.startIf(showProgress, err, hunt.liveReports(), sources.size())) {
      pipeline = hunt.run(sources);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("scanwatch hunt: interrupted");
      return ExitCodes.FAILED;
    }
    ReadReport report = pipeline.report();
    report.merge(listingReport, "", 0);

    TimeFormat timeFormat = new TimeFormat(zone);
    List<ParityRow> rows = pipeline.aggregator().rows();
    RobustResult robustResult = settings.robust() ? pipeline.robust().snapshot() : null;
    boolean written;
    int findings;
    if (compare) {
      written = write(out -> CompareReport.write(rows, robustResult, pipeline, format, out), err);
      findings = robustResult.rows().size();
    } else if (detection == Detection.robust) {
      written = write(out -> robustWriter(timeFormat).write(robustResult, out), err);
      findings = robustResult.rows().size();
    } else {
      written = write(out -> parityWriter(timeFormat).write(rows, out), err);
      findings = rows.size();
    }
    Summary.print(err, sources.size(), report, pipeline, rows.size(), robustResult);
    if (!written || report.failed()) {
      return ExitCodes.FAILED;
    }
    return failOnFindings && findings > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /**
   * Resolves {@code --detection} and {@code --detections}: a built-in name sets {@link
   * #detection}; detection files are loaded and compiled, so that an unsupported search fails
   * before any input is read.
   */
  private List<io.scanwatch.spl.Detection> loadSearches(ZoneId zone) {
    List<Path> files = new ArrayList<>();
    if (detectionsFolder != null
        && spec.commandLine().getParseResult().hasMatchedOption("--detection")) {
      throw new ParameterException(spec.commandLine(), "--detection and --detections cannot be "
          + "combined: --detections runs every file of its folder; run the other detection "
          + "separately");
    }
    if (detectionName.equalsIgnoreCase("parity") || detectionName.equalsIgnoreCase("robust")) {
      detection = Detection.valueOf(detectionName.toLowerCase(java.util.Locale.ROOT));
    } else {
      Path file = Path.of(detectionName);
      if (!Files.exists(file)) {
        throw new ParameterException(spec.commandLine(), "invalid --detection '"
            + detectionName + "': no such file; use parity, robust or an "
            + "ESCU detection file (.yml)");
      }
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "invalid --detection '"
            + detectionName + "': not a file; use parity, robust or an "
            + "ESCU detection file (.yml)");
      }
      String engine = BuiltInEngine.of(file);
      if (engine.equals("robust")) {
        detection = Detection.robust;
        robustMetadata = BuiltInEngine.metadata(file, BuiltInEngine.bundledRobust());
      } else if (!engine.isEmpty()) {
        throw new ParameterException(spec.commandLine(), file + ": unknown engine '"
            + engine + "'; the built-in engine is robust");
      } else {
        files.add(file);
      }
    }
    if (detectionsFolder != null) {
      for (Path file : DetectionFiles.inFolder(detectionsFolder, spec.commandLine())) {
        // A file run by a built-in engine has rows of another kind; it runs on its own.
        if (BuiltInEngine.isMacroFile(file)) {
          spec.commandLine().getErr().println("scanwatch hunt: skipped " + file
              + ": a macro file; pass it, or its folder, with --macros");
        } else if (BuiltInEngine.isOtherYaml(file)) {
          spec.commandLine().getErr().println("scanwatch hunt: skipped " + file
              + ": not a detection file (no search, name or id)");
        } else if (BuiltInEngine.of(file).isEmpty()) {
          files.add(file);
        } else {
          spec.commandLine().getErr().println("scanwatch hunt: skipped " + file
              + ": it runs on a built-in engine; use --detection " + file);
        }
      }
    }
    if (files.isEmpty()) {
      if (!macroPaths.isEmpty() || !parameterTexts.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--macros and --param apply to "
            + "detection files whose search runs in the search language (--detection FILE.yml "
            + "or --detections FOLDER); the built-in engines take neither");
      }
      if ((scannerAgents != null || healthProbers != null) && detection == Detection.parity
          && !compare) {
        throw new ParameterException(spec.commandLine(), "--scanner-agents and "
            + "--health-probers apply to the robust detection; add --detection robust or "
            + "--compare");
      }
      return List.of();
    }
    if (allowlist != null || scannerAgents != null || healthProbers != null) {
      throw new ParameterException(spec.commandLine(), "--allowlist, --scanner-agents and "
          + "--health-probers apply to the built-in detections; a detection file filters in "
          + "its search, for example in its *_filter macro (--macros)");
    }
    if (compare) {
      throw new ParameterException(spec.commandLine(),
          "detection files cannot be combined with --compare");
    }
    if (format == OutputFormat.ocsf || format == OutputFormat.html) {
      throw new ParameterException(spec.commandLine(), "detection files write table, json, "
          + "ndjson or csv, not " + format);
    }
    return DetectionFiles.load(files, macroPaths, parameters(),
        io.scanwatch.spl.SearchOptions.DEFAULTS.withZone(zone), spec.commandLine());
  }

  /**
   * Prints a note for each field a detection's search reads that no event had a value for: a
   * field of its initial search among the first events read, a by-field or a field of an
   * aggregation of its first {@code stats}. Such a field is often misspelled.
   */
  private static void printFieldNotes(SearchHunt.Result result, List<String> initialUnseen,
      PrintWriter err) {
    String file = TerminalText.escape(String.valueOf(result.detection().file().getFileName()));
    boolean noRows = result.rows().isEmpty();
    StatsInput input = result.statsInput();
    if (!initialUnseen.isEmpty()) {
      err.printf(java.util.Locale.ROOT, "note: %s found %s, and no event read had a value "
          + "for %s; check the field names%n", file, noRows ? "no rows" : "rows",
          TerminalText.escape(String.join(", ", initialUnseen)));
    } else if (noRows && input != null && !input.unseenByFields().isEmpty()) {
      List<String> byFields = input.unseenByFields();
      err.printf(java.util.Locale.ROOT, "note: %s found no rows: %s reached its stats, and "
          + "none had a value for the by-%s %s; check the field names%n", file,
          Summary.plural(input.records(), "event"), byFields.size() == 1 ? "field" : "fields",
          TerminalText.escape(String.join(", ", byFields)));
    }
    if (!noRows && input != null && !input.unseenFields().isEmpty()) {
      List<String> fields = input.unseenFields();
      err.printf(java.util.Locale.ROOT, "note: %s: none of the %s that reached its stats had a "
          + "value for %s, so the columns made from %s are empty; check the field names%n", file,
          Summary.plural(input.records(), "event"), TerminalText.escape(String.join(", ", fields)),
          fields.size() == 1 ? "it" : "them");
    }
  }

  /** Returns the --param values by name, a later value winning. */
  private Map<String, String> parameters() {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    for (String text : parameterTexts) {
      int equals = text.indexOf('=');
      if (equals <= 0) {
        throw new ParameterException(spec.commandLine(), "invalid --param '" + text
            + "': expected NAME=VALUE, such as src_ip=203.0.113.9");
      }
      parameters.put(text.substring(0, equals), text.substring(equals + 1));
    }
    return parameters;
  }

  private int huntWithSearches(List<io.scanwatch.spl.Detection> searches, PrintWriter err) {
    java.util.Set<String> unused = new java.util.LinkedHashSet<>(parameters().keySet());
    searches.forEach(search -> unused.removeAll(search.compile().tokens()));
    for (String name : unused) {
      err.println("scanwatch hunt: warning: --param " + TerminalText.escape(name) + " is not "
          + "used: no detection's search has the token $" + TerminalText.escape(name) + "$");
    }
    for (io.scanwatch.spl.Detection search : searches) {
      for (String sourcetype : search.compile().requiredValues("sourcetype")) {
        if (!io.scanwatch.spl.CompiledSearch.valueMatches(sourcetype, SearchHunt.SOURCETYPE)) {
          err.println("scanwatch hunt: warning: " + TerminalText.escape(String.valueOf(search.file().getFileName()))
              + " requires sourcetype=" + TerminalText.escape(sourcetype) + ", but events read "
              + "from files have sourcetype " + SearchHunt.SOURCETYPE + ", so it can match none;"
              + " redefine its data macro with --macros");
        }
      }
    }
    ReadReport report = new ReadReport();
    List<InputSource> sources = expandPaths(report);
    SearchHunt hunt = new SearchHunt(searches, cluster, !noPrefilter);
    List<SearchHunt.Result> results = hunt.run(sources, report,
        threads != null ? threads : Runtime.getRuntime().availableProcessors());
    SearchRowsWriter writer = new SearchRowsWriter(format, rawCsv, tableWidth());
    boolean written = write(out -> writer.write(results, out), err);
    int rows = results.stream().mapToInt(result -> result.rows().size()).sum();
    err.printf(java.util.Locale.ROOT, "scanwatch: read %s (%s), parsed %s; %s from %s%n",
        Summary.plural(sources.size(), "input"), Summary.bytes(report.bytesRead()),
        Summary.plural(report.eventsRead(), "audit event"), Summary.plural(rows, "row"),
        Summary.plural(searches.size(), "detection"));
    if (hunt.prefilter()) {
      Summary.printPrefilter(err, report, TerminalText.escape(hunt.literal()), false);
    }
    if (hunt.eventsWithoutText() > 0) {
      long count = hunt.eventsWithoutText();
      err.printf(java.util.Locale.ROOT, "warning: %s %s too large to keep as text for a search "
          + "that needs it; no search saw %s%n", Summary.plural(count, "event"),
          count == 1 ? "was" : "were", count == 1 ? "it" : "them");
    }
    for (SearchHunt.Result result : results) {
      printFieldNotes(result, hunt.unseenFields(result.detection().compile()), err);
    }
    Summary.printInvalidUtf8(err, report);
    Summary.printSkipsAndProblems(err, report);
    if (!written || report.failed()) {
      return ExitCodes.FAILED;
    }
    return failOnFindings && rows > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private HuntPipeline.Settings detectionSettings() {
    List<AllowlistEntry> userEntries = List.of();
    DetectionSettings robustSettings = DetectionSettings.defaults();
    Path reading = null;
    try {
      if (allowlist != null) {
        reading = allowlist;
        userEntries = AllowlistFile.read(allowlist);
      }
      if (scannerAgents != null) {
        reading = scannerAgents;
        robustSettings = robustSettings.withScannerAgents(robustSettings.scannerAgents()
            .plus(UserAgentCatalog.parse(readText(scannerAgents), scannerAgents.toString())));
      }
      if (healthProbers != null) {
        reading = healthProbers;
        robustSettings = robustSettings.withHealthProbers(robustSettings.healthProbers()
            .plus(UserAgentCatalog.parse(readText(healthProbers), healthProbers.toString())));
      }
    } catch (java.nio.charset.CharacterCodingException | java.io.CharConversionException e) {
      throw new ParameterException(spec.commandLine(),
          "cannot read " + reading + ": it is not valid UTF-8 text");
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(),
          "cannot read " + reading + ": " + describeReadError(e));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    robustSettings = robustSettings.withAllowlist(Allowlist.defaults().plus(userEntries));
    boolean robust = compare || detection == Detection.robust;
    boolean parity = compare || detection == Detection.parity;
    return new HuntPipeline.Settings(parity, robust, compare, Allowlist.empty().plus(userEntries),
        robustSettings, robust && robustMetadata == null ? BuiltInEngine.bundledRobust()
            : robustMetadata);
  }

  private ZoneId parseZone() {
    try {
      String zone = timezone.equalsIgnoreCase("utc") ? "UTC" : timezone;
      return ZoneId.of(zone, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new ParameterException(spec.commandLine(),
          "invalid --timezone '" + timezone + "': use a region such as Europe/Berlin, or an "
              + "offset such as +02:00");
    }
  }

  private List<InputSource> expandPaths(ReadReport report) {
    try {
      List<InputSource> sources = InputPaths.expand(paths, report);
      if (output != null && InputPaths.isOneOf(output, sources)) {
        throw new ParameterException(spec.commandLine(), "invalid --output '"
            + output + "': it is one of the inputs, which "
            + "writing would destroy");
      }
      return sources;
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(),
          "no such file or folder: '" + e.getFile() + "'; check the path, or give - to read "
              + "standard input");
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot list the inputs: " + e.getMessage());
    }
  }

  /** Writes findings to the output. */
  private interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private static String versionOrDevelopment() {
    String version = HuntCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private RowWriter parityWriter(TimeFormat timeFormat) {
    return switch (format) {
      case ocsf, html -> throw new IllegalStateException(format + " is checked to need robust");
      case table -> new TableWriter(timeFormat, tableWidth());
      case json -> new JsonRowWriter(timeFormat, false);
      case ndjson -> new JsonRowWriter(timeFormat, true);
      case csv -> new CsvRowWriter(timeFormat, rawCsv);
    };
  }

  private RobustWriter robustWriter(TimeFormat timeFormat) {
    return switch (format) {
      case ocsf -> new OcsfFindingWriter(versionOrDevelopment())::write;
      case html -> new HtmlReportWriter(timeFormat)::write;
      case table -> new RobustTableWriter(timeFormat, tableWidth());
      case json -> new RobustJsonWriter(timeFormat, false);
      case ndjson -> new RobustJsonWriter(timeFormat, true);
      case csv -> new RobustCsvWriter(timeFormat, rawCsv);
    };
  }

  private boolean write(Body body, PrintWriter err) {
    try {
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        body.writeTo(out);
        out.flush();
        if (out.checkError()) {
          err.println("scanwatch hunt: failed to write the rows to standard output");
          return false;
        }
        return true;
      }
      try (Writer out = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      return true;
    } catch (IOException e) {
      err.println("scanwatch hunt: cannot write the output to "
          + TerminalText.escape(String.valueOf(output)) + ": " + describeWriteError(e));
      return false;
    }
  }

  /** Reads a text file as UTF-8, without a leading byte order mark. */
  private static String readText(Path file) throws IOException {
    String text = Files.readString(file);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String describeReadError(IOException error) {
    return describeIoError(error, "no such file");
  }

  private static String describeWriteError(IOException error) {
    return describeIoError(error, "its folder does not exist");
  }

  private static String describeIoError(IOException error, String missing) {
    if (error instanceof NoSuchFileException) {
      return missing;
    }
    if (error instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof java.nio.file.FileSystemException fileSystem
        && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }

  /**
   * Rejects an output file that cannot be written and a table width below 60 before any input
   * is read, so that a long hunt does not end without its rows.
   */
  private void checkOutputOptions() {
    if (width != null && width < 60) {
      throw new ParameterException(spec.commandLine(),
          "invalid --width " + width + ": give 60 or more");
    }
    if (output == null) {
      return;
    }
    Path target = output;
    try {
      if (Files.isSymbolicLink(output)) {
        // Writing follows the link, so the link's target must be writable.
        target = output.toAbsolutePath().resolveSibling(Files.readSymbolicLink(output));
      }
    } catch (IOException e) {
      target = output;
    }
    Path folder = target.toAbsolutePath().getParent();
    String problem = null;
    if (output.toString().isEmpty()) {
      problem = "give a file name";
    } else if (Files.isDirectory(target)) {
      problem = "it is a folder";
    } else if (folder != null && !Files.isDirectory(folder)) {
      problem = "its folder does not exist";
    } else if (folder != null && !Files.isWritable(folder) && !Files.isWritable(target)) {
      problem = "permission denied";
    }
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), "invalid --output '"
          + output + "': " + problem);
    }
  }

  private int tableWidth() {
    if (width != null) {
      return width;
    }
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      return Integer.parseInt(columns);
    }
    return DEFAULT_WIDTH;
  }
}
