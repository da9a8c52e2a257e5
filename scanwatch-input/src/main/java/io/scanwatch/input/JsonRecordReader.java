package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParseException;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.event.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads JSON objects that are audit events or that wrap them: CloudWatch subscription payloads,
 * {@code aws logs filter-log-events} documents and the Lambda {@code awslogs} event.
 *
 * <p>Only the fields the detections use are kept; the parser skips every other subtree without
 * building it. Field values follow Splunk's JSON extraction: see {@link
 * io.scanwatch.core.event.AuditEvent}.
 */
final class JsonRecordReader {

  /** The suffix EKS gives a message it cut at 256 KB; the rest is not valid JSON. */
  static final String TRUNCATION_MARK = "[Truncated...]";

  private static final Pattern EKS_LOG_GROUP = Pattern.compile("/aws/eks/([^/]+)/cluster");

  /** The message of a log event that the prefilter passed over, compared by identity. */
  private static final String PASSED_OVER = new String("(passed over)");

  private final JsonFactory factory;
  private int recordColumn;
  private long recordChar;
  private long recordMarks;
  private RawText rawText;
  private java.util.function.Predicate<AuditEvent> rawFilter;
  private boolean keepMessageText;
  private Prefilter messageFilter;
  private long logEvents;
  private long logEventsPassedOver;
  private boolean keyAfterEvents;
  private int rootCount;
  private java.util.Set<String> watchedKeys = java.util.Set.of();

  /** Text of the input being parsed, by the parser's offsets, for keeping events' JSON text. */
  interface RawText {
    /** Returns the text in {@code [start, end)}, or null when it is no longer available. */
    String text(long start, long end);
  }

  /**
   * Marks events with one of these keys at their top level as of unusual shape, whether or not
   * the reader reads the key itself.
   */
  void watchKeys(java.util.Set<String> keys) {
    this.watchedKeys = java.util.Set.copyOf(keys);
  }

  /**
   * Keeps the JSON text only of the events {@code filter} accepts, judged on the event without
   * it; null keeps every event's. The others reach the sink without text.
   */
  void keepRawTextOf(java.util.function.Predicate<AuditEvent> filter) {
    this.rawFilter = filter;
  }

  /** Keeps each event's JSON text from {@code source} from now on; null stops keeping it. */
  void keepRawText(RawText source) {
    this.rawText = source;
  }

  /** Keeps, from now on, the text of each event read from a log event's message. */
  void keepMessageText() {
    this.keepMessageText = true;
  }

  JsonRecordReader(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * Passes over, from now on, the entries of filter-log-events {@code events} arrays whose message
   * cannot contain an event with the prefilter's literal; null parses every message.
   */
  void filterMessages(Prefilter prefilter) {
    this.messageFilter = prefilter;
  }

  /**
   * Returns whether an object had a member after its {@code events} array since the last call,
   * and restarts.
   */
  boolean takeKeyAfterEvents() {
    boolean seen = keyAfterEvents;
    keyAfterEvents = false;
    return seen;
  }

  /** Returns the number of root values read since the last call, and restarts the count. */
  int takeRootCount() {
    int count = rootCount;
    rootCount = 0;
    return count;
  }

  /** Adds the log events counted since the last call to {@code report}, and restarts the count. */
  void reportLogEvents(ReadReport report) {
    report.addLogEvents(logEvents, logEventsPassedOver);
    logEvents = 0;
    logEventsPassedOver = 0;
  }

  /**
   * Returns the message value the parser is at, or {@link #PASSED_OVER} when the prefilter passes
   * over it, which saves making a string of it.
   */
  private String message(JsonParser parser) throws IOException {
    if (messageFilter != null && !messageFilter.mayContain(parser.getTextCharacters(),
        parser.getTextOffset(), parser.getTextLength())) {
      return PASSED_OVER;
    }
    return parser.getText();
  }

  /**
   * Reads root values from {@code parser} until its input ends. Objects and the objects inside
   * arrays are read as records; other values are skipped as not audit events, or ignored when
   * {@code resumed} is true because reading restarted inside a document after an error, where the rest
   * of the enclosing structure shows up as loose values.
   *
   * @throws IOException on invalid JSON; records before the error have been passed to the sink
   */
  void readRoots(JsonParser parser, Origin origin, Location base, RecordSink sink,
      boolean resumed) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      rootCount++;
      Location location = at(base, parser);
      if (token == JsonToken.START_OBJECT) {
        markRecordStart(parser);
        readObject(parser, origin, base, location, sink);
      } else if (token == JsonToken.START_ARRAY) {
        readArrayOfRecords(parser, origin, base, sink);
      } else if (!resumed) {
        sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "a JSON " + describe(token));
      }
    }
  }

  void readRoots(JsonParser parser, Origin origin, Location base, RecordSink sink)
      throws IOException {
    readRoots(parser, origin, base, sink, false);
  }

  /**
   * Returns the 1-based column where the record being read started, or 0 when unknown. After an
   * error, reading resumes at the next record of that depth.
   */
  int recordColumn() {
    return recordColumn;
  }

  /** Returns the parser's character offset where the record being read started. */
  long recordChar() {
    return recordChar;
  }

  /** Returns how many record starts were marked so far, to tell whether a parser marked one. */
  long recordMarks() {
    return recordMarks;
  }

  private void markRecordStart(JsonParser parser) {
    JsonLocation start = parser.currentTokenLocation();
    recordColumn = start.getColumnNr();
    recordChar = start.getCharOffset();
    recordMarks++;
  }

  private void readArrayOfRecords(JsonParser parser, Origin origin, Location base, RecordSink sink)
      throws IOException {
    JsonToken token;
    while ((token = next(parser)) != JsonToken.END_ARRAY) {
      Location location = at(base, parser);
      if (token == JsonToken.START_OBJECT) {
        markRecordStart(parser);
        readObject(parser, origin, base, location, sink);
      } else {
        parser.skipChildren();
        sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "a JSON " + describe(token) + " in an array");
      }
    }
  }

  /**
   * Reads the object whose START_OBJECT is the current token, as an event or a wrapper.
   *
   * @param base the location of the parser's first line, to place nested entries
   * @param location the location of this object
   */
  void readObject(JsonParser parser, Origin origin, Location base, Location location,
      RecordSink sink) throws IOException {
    // Only a reader that keeps raw text needs the start offset; a location is an allocation.
    long start = rawText != null ? offset(parser.currentTokenLocation()) : -1;
    EventBuilder event = new EventBuilder();
    Wrapper wrapper = null;
    LogEventFields logEvent = null;
    boolean eventsRead = false;
    boolean searchedStream = false;
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      keyAfterEvents |= eventsRead;
      eventsRead |= name.equals("events");
      searchedStream |= name.equals("searchedCompletely");
      event.unusualShape |= watchedKeys.contains(name);
      if (readEventField(parser, name, event)) {
        continue;
      }
      event.unusualShape |= isUnusualKey(name);
      switch (name) {
        case "messageType", "logGroup", "logStream", "logEvents", "events", "awslogs" -> {
          wrapper = wrapper == null ? new Wrapper() : wrapper;
          readWrapperField(parser, name, value, wrapper, origin, base, location, sink);
        }
        case "message", "logStreamName", "eventId", "id" -> {
          logEvent = logEvent == null ? new LogEventFields() : logEvent;
          logEvent.read(name, parser);
        }
        default -> parser.skipChildren();
      }
    }
    if (wrapper != null && (wrapper.entries > 0 || !event.isAuditEvent())) {
      finishWrapper(wrapper, origin, location, sink);
    } else if (logEvent != null && logEvent.message != null && !event.isAuditEvent()) {
      // A CloudWatch log event on its own, as met when reading resumes inside an events array.
      long time = event.legacyTimestamps.isEmpty()
          ? Timestamps.INVALID : millisTextToMicros(event.legacyTimestamps.get(0));
      String source = logEvent.stream != null ? logEvent.stream : origin.source();
      emitWrapped(new WrappedEvent(logEvent.id, logEvent.stream, time, logEvent.message,
          location.withCloudWatchEvent(logEvent.stream, logEvent.id)), origin.withSource(source),
          sink);
    } else if (searchedStream && !event.isAuditEvent()) {
      // An entry of a filter-log-events document's searchedLogStreams, met when reading resumed
      // after an error: it describes a log stream and is no record, as in an unbroken read.
      return;
    } else {
      long end = rawText != null && start >= 0 ? offset(parser.currentLocation()) : -1;
      emitEvent(event, origin, location, sink, rawText, start, end);
    }
  }

  /** Returns the byte offset of a byte parser's location, or the character offset of a text one. */
  private static long offset(JsonLocation location) {
    return location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
  }

  /** Reads the value of an audit event field into {@code event}; false for other fields. */
  private static boolean readEventField(JsonParser parser, String name, EventBuilder event)
      throws IOException {
    switch (name) {
      case "kind" -> readValues(parser, event.kinds);
      case "auditID" -> readScalarField(parser, event.auditIds, event);
      case "stage" -> readScalarField(parser, event.stages, event);
      case "user" -> readUser(parser, event);
      case "sourceIPs" -> readArrayField(parser, event.sourceIps, event);
      case "userAgent" -> readScalarField(parser, event.userAgents, event);
      case "verb" -> readScalarField(parser, event.verbs, event);
      case "requestURI" -> readScalarField(parser, event.requestUris, event);
      case "responseStatus" -> readResponseStatus(parser, event);
      case "requestReceivedTimestamp" -> readValues(parser, event.requestReceivedTimestamps);
      case "stageTimestamp" -> readValues(parser, event.stageTimestamps);
      case "timestamp" -> readValues(parser, event.legacyTimestamps);
      case "metadata" -> readMetadata(parser, event);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Passes a finished event on, or the reason it is not one. Its JSON text, {@code [textStart,
   * textEnd)} of {@code text}, is kept when {@code text} is not null and {@link #rawFilter}
   * accepts the event without it.
   */
  private void emitEvent(EventBuilder event, Origin origin, Location location, RecordSink sink,
      RawText text, long textStart, long textEnd) {
    if (!event.isAuditEvent()) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "no \"kind\":\"Event\" and no auditID");
      return;
    }
    long time = origin.timeMicros() != Timestamps.INVALID ? origin.timeMicros() : event.ownTimeMicros();
    if (time == Timestamps.INVALID) {
      sink.skip(SkipReason.NO_TIMESTAMP, location, "no usable time field");
      return;
    }
    AuditEvent built = event.build(time, origin.source(), origin.cluster(), location);
    if (text != null && textEnd >= 0 && (rawFilter == null || rawFilter.test(built))) {
      built = built.withRaw(text.text(textStart, textEnd));
    }
    sink.accept(built);
  }

  /** The parts of a CloudWatch wrapper seen so far. */
  private static final class Wrapper {
    String messageType;
    String logGroup;
    String logStream;
    final List<WrappedEvent> logEvents = new ArrayList<>();
    boolean handledInline;
    /**
     * The entries met in its {@code logEvents} and {@code events} arrays. An object with
     * wrapper keys but no entries that is an audit event is read as one, the keys its fields.
     */
    int entries;
    /** The JSON type of {@code events} when it was not an array, reported once the object ends. */
    String eventsNotArray;
    /** Whether {@code awslogs} was an object without data, reported once the object ends. */
    boolean awslogsWithoutData;
  }

  /** The fields of a CloudWatch log event met outside its wrapper. */
  private final class LogEventFields {
    String message;
    String stream;
    String id;

    void read(String name, JsonParser parser) throws IOException {
      switch (name) {
        case "message" -> message = parser.currentToken() == JsonToken.VALUE_STRING
            ? message(parser) : skip(parser);
        case "logStreamName" -> stream = scalar(parser);
        default -> id = scalar(parser);
      }
    }
  }

  /** One {@code logEvents} or {@code events} entry. */
  private record WrappedEvent(
      String id, String stream, long timeMicros, String message, Location location) {}

  /** An entry whose message the prefilter passed over: nothing else of it is needed. */
  private static final WrappedEvent PASSED_OVER_ENTRY =
      new WrappedEvent(null, null, Timestamps.INVALID, PASSED_OVER, null);

  private void readWrapperField(
      JsonParser parser,
      String name,
      JsonToken value,
      Wrapper wrapper,
      Origin origin,
      Location base,
      Location location,
      RecordSink sink)
      throws IOException {
    switch (name) {
      case "messageType" -> wrapper.messageType = scalar(parser);
      case "logGroup" -> wrapper.logGroup = scalar(parser);
      case "logStream" -> wrapper.logStream = scalar(parser);
      case "logEvents" -> {
        // Kept until the payload ends, because logGroup may come after logEvents.
        if (value == JsonToken.START_ARRAY) {
          while (next(parser) != JsonToken.END_ARRAY) {
            wrapper.entries++;
            Location entryLocation = at(base, parser);
            JsonToken first = parser.currentToken();
            WrappedEvent entry = readWrappedEvent(parser, location, -1, false);
            if (entry != null) {
              wrapper.logEvents.add(entry);
            } else {
              sink.skip(SkipReason.NOT_AUDIT_EVENT, entryLocation,
                  "a JSON " + describe(first) + " in the logEvents array");
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      case "events" -> {
        // filter-log-events documents can be large, so each entry is handled as it is read.
        wrapper.handledInline = true;
        if (value == JsonToken.START_ARRAY) {
          while (next(parser) != JsonToken.END_ARRAY) {
            wrapper.entries++;
            // One token location per entry: most entries are passed over and need no more.
            JsonLocation start = parser.currentTokenLocation();
            recordColumn = start.getColumnNr();
            recordChar = start.getCharOffset();
            recordMarks++;
            JsonToken first = parser.currentToken();
            WrappedEvent entry = readWrappedEvent(parser, base, start.getLineNr(), true);
            if (entry == null) {
              sink.skip(SkipReason.NOT_AUDIT_EVENT, at(base, start.getLineNr()),
                  "a JSON " + describe(first) + " in the events array");
            } else if (entry.message() == PASSED_OVER) {
              logEvents++;
              logEventsPassedOver++;
            } else {
              String source = entry.stream() != null ? entry.stream() : origin.source();
              emitWrapped(entry, origin.withSource(source), sink);
            }
          }
        } else {
          wrapper.eventsNotArray = describe(value);
          parser.skipChildren();
        }
      }
      case "awslogs" -> {
        // Its events are passed on as they are decoded, so an audit event with this key is kept
        // beside them.
        wrapper.handledInline = true;
        wrapper.awslogsWithoutData = !readAwsLogs(parser, origin, location, sink);
      }
      default -> parser.skipChildren();
    }
  }

  /**
   * Reads one log event of a wrapper, placed at {@code line} of the text that starts at {@code
   * base}, or at {@code base} itself when the line is negative. With {@code filter} set, a message
   * the prefilter rules out is not made a string, and the entry returned is {@link
   * #PASSED_OVER_ENTRY}.
   */
  private WrappedEvent readWrappedEvent(JsonParser parser, Location base, long line,
      boolean filter) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    String id = null;
    String stream = null;
    String message = null;
    long time = Timestamps.INVALID;
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      switch (name) {
        case "id", "eventId" -> id = scalar(parser);
        case "logStreamName" -> stream = scalar(parser);
        case "message" -> message = value != JsonToken.VALUE_STRING ? skip(parser)
            : filter ? message(parser) : parser.getText();
        case "timestamp" -> time = epochMillisToMicros(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (message == PASSED_OVER) {
      return PASSED_OVER_ENTRY;
    }
    Location location = line < 0 ? base : at(base, line);
    return new WrappedEvent(id, stream, time, message, location.withCloudWatchEvent(stream, id));
  }

  private void finishWrapper(Wrapper wrapper, Origin origin, Location location, RecordSink sink) {
    if (wrapper.eventsNotArray != null) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location,
          "events is a JSON " + wrapper.eventsNotArray + ", not an array");
    }
    if (wrapper.awslogsWithoutData) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "awslogs without data");
    }
    if ("CONTROL_MESSAGE".equals(wrapper.messageType)) {
      sink.skip(SkipReason.CONTROL_MESSAGE, location, "CloudWatch Logs control message");
      return;
    }
    if (wrapper.handledInline && wrapper.messageType == null) {
      return;
    }
    String cluster = clusterOf(wrapper.logGroup, origin.cluster());
    String source = origin.source();
    if (wrapper.logGroup != null || wrapper.logStream != null) {
      source = nullToEmpty(wrapper.logGroup) + ":" + nullToEmpty(wrapper.logStream);
    }
    Origin payloadOrigin = new Origin(source, cluster, Timestamps.INVALID);
    for (WrappedEvent entry : wrapper.logEvents) {
      Location entryLocation = entry.location().withCloudWatchEvent(wrapper.logStream, entry.id());
      emitWrapped(
          new WrappedEvent(entry.id(), wrapper.logStream, entry.timeMicros(), entry.message(),
              entryLocation),
          payloadOrigin,
          sink);
    }
  }

  /**
   * Reads the {@code message} of a CloudWatch log event, which is the JSON text of an audit event.
   *
   * @param timeMicros the CloudWatch timestamp, which becomes {@code _time}
   */
  void readMessage(
      String message, long timeMicros, Origin origin, Location location, RecordSink sink) {
    emitWrapped(new WrappedEvent(location.eventId(), location.stream(), timeMicros, message,
        location), origin, sink);
  }

  /** Parses a wrapped {@code message}, which is itself the JSON text of an audit event. */
  private void emitWrapped(WrappedEvent entry, Origin origin, RecordSink sink) {
    String message = entry.message();
    Location location = entry.location();
    logEvents++;
    if (message == PASSED_OVER) {
      logEventsPassedOver++;
      return;
    }
    if (message == null || message.isBlank()) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "no message");
      return;
    }
    if (message.stripTrailing().endsWith(TRUNCATION_MARK)) {
      sink.skip(SkipReason.TRUNCATED, location, "only the first " + message.length()
          + " characters of the event were delivered");
      return;
    }
    if (message.stripLeading().charAt(0) != '{') {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "message is not JSON");
      return;
    }
    if (entry.timeMicros() == Timestamps.INVALID) {
      sink.skip(SkipReason.NO_TIMESTAMP, location, "no usable CloudWatch timestamp");
      return;
    }
    try (JsonParser inner = factory.createParser(message)) {
      // Events written back to back in one message are each read, as on one line of a log.
      // Other text after them is reported as invalid JSON.
      boolean first = true;
      for (JsonToken token = inner.nextToken(); first || token != null;
          token = inner.nextToken()) {
        if (!first && token != JsonToken.START_OBJECT) {
          throw new JsonParseException(inner, "unexpected text after the event");
        }
        first = false;
        long start = offset(inner.currentTokenLocation());
        EventBuilder event = readEventFields(inner);
        long end = offset(inner.currentLocation());
        emitEvent(event, origin.withTime(entry.timeMicros()), location, sink,
            keepMessageText ? (from, to) -> message.substring((int) from, (int) to) : null,
            start, end);
      }
    } catch (IOException e) {
      sink.skip(SkipReason.INVALID_JSON, location, JsonErrors.describe(e));
    }
  }

  /** Reads an object that must be an event: a wrapper inside a message is not unwrapped again. */
  private EventBuilder readEventFields(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(parser, "the message is not a JSON object");
    }
    EventBuilder event = new EventBuilder();
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      event.unusualShape |= watchedKeys.contains(name);
      if (!readEventField(parser, name, event)) {
        event.unusualShape |= isUnusualKey(name);
        parser.skipChildren();
      }
    }
    return event;
  }

  /**
   * Reads a Lambda event's {@code awslogs} payload, passing on its events. Returns false when it
   * is an object without {@code data}, which the caller reports unless the object around it is
   * an audit event.
   */
  private boolean readAwsLogs(JsonParser parser, Origin origin, Location location,
      RecordSink sink) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return true;
    }
    String data = null;
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      if (name.equals("data") && value == JsonToken.VALUE_STRING) {
        data = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    if (data == null) {
      return false;
    }
    byte[] compressed;
    try {
      compressed = Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      sink.skip(SkipReason.INVALID_JSON, location, "awslogs.data is not base64: " + e.getMessage());
      return true;
    }
    try (InputStream payload =
            GzipCompressorInputStream.builder()
                .setInputStream(new ByteArrayInputStream(compressed))
                .setDecompressConcatenated(true)
                .get();
        JsonParser inner = factory.createParser(payload)) {
      readRoots(inner, origin, location, sink);
    } catch (IOException e) {
      sink.skip(SkipReason.INVALID_JSON, location, "awslogs.data: " + JsonErrors.describe(e));
    }
    return true;
  }

  private static void readUser(JsonParser parser, EventBuilder event) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      event.unusualShape |= parser.currentToken() != JsonToken.VALUE_NULL;
      parser.skipChildren();
      return;
    }
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      switch (name) {
        case "username" -> readScalarField(parser, event.usernames, event);
        case "groups" -> readArrayField(parser, event.groups, event);
        default -> {
          event.unusualShape |= isUnusualKey(name);
          parser.skipChildren();
        }
      }
    }
  }

  private static void readResponseStatus(JsonParser parser, EventBuilder event)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      event.unusualShape |= parser.currentToken() != JsonToken.VALUE_NULL;
      parser.skipChildren();
      return;
    }
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      switch (name) {
        case "code" -> readScalarField(parser, event.codes, event);
        case "reason" -> readScalarField(parser, event.reasons, event);
        default -> {
          event.unusualShape |= isUnusualKey(name);
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * Reads a field whose usual shape is a scalar or null, and marks the event when the value is an
   * array or object, which Splunk's extraction names differently.
   */
  private static void readScalarField(JsonParser parser, List<String> values, EventBuilder event)
      throws IOException {
    JsonToken token = parser.currentToken();
    event.unusualShape |= token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
    readValues(parser, values);
  }

  /**
   * Reads a field whose usual shape is an array of scalars, or null, and marks the event when the
   * value has another shape.
   */
  private static void readArrayField(JsonParser parser, List<String> values, EventBuilder event)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.START_ARRAY) {
      event.unusualShape |= token != JsonToken.VALUE_NULL;
      readValues(parser, values);
      return;
    }
    while ((token = next(parser)) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        event.unusualShape = true;
        parser.skipChildren();
      } else {
        addScalar(parser, token, values);
      }
    }
  }

  /**
   * Tests whether a key beside the event's fields could be flattened into one of their Splunk
   * names: an empty key, or one with a dot or a brace, such as {@code "user.username"}.
   */
  private static boolean isUnusualKey(String name) {
    return name.isEmpty() || name.indexOf('.') >= 0 || name.indexOf('{') >= 0;
  }

  private static void readMetadata(JsonParser parser, EventBuilder event) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      if (name.equals("creationTimestamp")) {
        readValues(parser, event.creationTimestamps);
      } else {
        parser.skipChildren();
      }
    }
  }

  /**
   * Adds the values of the current token. A scalar adds itself and an array adds its scalar
   * members. Null, the empty string, and objects or arrays nested in the array add nothing.
   */
  static void readValues(JsonParser parser, List<String> values) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      while ((token = next(parser)) != JsonToken.END_ARRAY) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          parser.skipChildren();
        } else {
          addScalar(parser, token, values);
        }
      }
    } else if (token == JsonToken.START_OBJECT) {
      parser.skipChildren();
    } else {
      addScalar(parser, token, values);
    }
  }

  private static void addScalar(JsonParser parser, JsonToken token, List<String> values)
      throws IOException {
    switch (token) {
      case VALUE_STRING -> {
        String text = parser.getText();
        if (!text.isEmpty()) {
          values.add(text);
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> values.add(parser.getText());
      default -> {}
    }
  }

  /**
   * Returns the text of a scalar value as {@link #addScalar} would add it, or null for the empty
   * string, null and anything else, which is skipped.
   */
  private static String scalar(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_STRING -> {
        String text = parser.getText();
        yield text.isEmpty() ? null : text;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
      case VALUE_NULL -> null;
      default -> skip(parser);
    };
  }

  private static String skip(JsonParser parser) throws IOException {
    parser.skipChildren();
    return null;
  }

  private static long epochMillisToMicros(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      try {
        return Math.multiplyExact(parser.getLongValue(), 1000L);
      } catch (ArithmeticException | IOException e) {
        return Timestamps.INVALID;
      }
    }
    if (value == JsonToken.VALUE_STRING) {
      return millisTextToMicros(parser.getText());
    }
    parser.skipChildren();
    return Timestamps.INVALID;
  }

  /** Reads epoch milliseconds written as ASCII digits, else an RFC 3339 time. */
  private static long millisTextToMicros(String text) {
    boolean digits = !text.isEmpty() && text.length() < 16;
    for (int i = 0; i < text.length() && digits; i++) {
      digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    return digits ? Long.parseLong(text) * 1000L : Timestamps.parseMicros(text);
  }

  /** Returns the name in a log group {@code /aws/eks/<name>/cluster}, else {@code fallback}. */
  static String clusterOf(String logGroup, String fallback) {
    if (logGroup != null) {
      Matcher matcher = EKS_LOG_GROUP.matcher(logGroup);
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return fallback;
  }

  /** Returns the next token, failing on an end of input inside a value. */
  static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of input inside a JSON value");
    }
    return token;
  }

  /** Returns the base location moved down to the line of the parser's current token. */
  private static Location at(Location base, JsonParser parser) {
    return at(base, parser.currentTokenLocation().getLineNr());
  }

  /** Returns the base location moved down to {@code line} of the text that starts there. */
  private static Location at(Location base, long line) {
    if (base.line() <= 0 || line <= 0) {
      return base;
    }
    return new Location(base.file(), base.line() + line - 1, base.stream(), base.eventId());
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
