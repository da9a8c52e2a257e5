package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.input.AuditLogReader;
import io.scanwatch.input.InputSource;
import io.scanwatch.input.ReadReport;
import io.scanwatch.spl.Detection;
import io.scanwatch.spl.DetectionFile;
import io.scanwatch.spl.FieldValues;
import io.scanwatch.spl.JsonFlattener;
import io.scanwatch.spl.MacroLibrary;
import io.scanwatch.spl.Record;
import io.scanwatch.spl.SearchPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests that a search record built from the fields the reader extracted equals the one built by
 * flattening the event's JSON text again. Random events give every field of the reader odd
 * shapes (arrays for scalars, empty strings, objects, dotted keys, repeated keys, keys a search
 * reads but the reader does not extract), and both ways must agree on every event. Searches run
 * as a hunt runs them must also give the rows of a plain pipeline over every flattened event.
 */
class EventFieldsRecordTest {

  /** The fields the seed's search reads. */
  private static final Set<String> SEED_FIELDS = Set.of("user.username", "userAgent",
      "sourceIPs{}", "_time", "responseStatus.reason", "source", "responseStatus.code", "verb",
      "requestURI", "user.groups{}", "sourcetype");
  private static final Set<String> EVENT_FIELDS = Set.of("user.username", "user.groups{}",
      "sourceIPs{}", "userAgent", "verb", "requestURI", "responseStatus.reason",
      "responseStatus.code", "auditID", "stage", "_raw");
  /** Fields the search makes itself, or that only some events have as plain keys. */
  private static final Set<String> WATCHED = Set.of("src_ip", "firstTime", "message");
  private static final Set<String> WITH_WATCHED = Set.of("user.username", "verb", "src_ip",
      "firstTime", "message", "_time", "source");
  /** Keys the reader reads for itself without extracting them under a Splunk name. */
  private static final Set<String> READER_KEYS = Set.of("kind", "requestReceivedTimestamp",
      "timestamp", "metadata");
  private static final Set<String> WITH_READER_KEYS = Set.of("user.username", "verb", "kind",
      "requestReceivedTimestamp", "timestamp", "metadata");

  private static final String[] SCALARS = {
    "\"system:anonymous\"", "\"kubelet\"", "\"\"", "null", "401", "true", "[\"a\",\"b\"]",
    "[\"\",\"a\"]", "[null,\"a\"]", "[[\"a\"]]", "{\"a\":\"b\"}", "\"203.0.113.9\""
  };
  private static final String[] ARRAYS = {
    "[\"203.0.113.9\"]", "[\"203.0.113.9\",\"10.0.0.1\"]", "[]", "null", "\"203.0.113.9\"",
    "[\"\"]", "[null]", "[{\"a\":\"b\"}]", "[[\"x\"]]", "[401,true]", "{\"a\":\"b\"}"
  };

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void randomShapes_sameRecordEitherWay(long seed) throws Exception {
    Path file = writeEvents(seed, 2000);
    List<AuditEvent> events = read(file, WATCHED);
    List<AuditEvent> readerKeysWatched = read(file, READER_KEYS);

    int usual = 0;
    for (AuditEvent event : events) {
      usual += event.usualShape() ? 1 : 0;
      for (Set<String> fields : List.of(SEED_FIELDS, EVENT_FIELDS, WITH_WATCHED)) {
        assertSameRecord(event, fields);
      }
    }
    for (AuditEvent event : readerKeysWatched) {
      assertSameRecord(event, WITH_READER_KEYS);
    }

    // Both kinds of event are common, so both ways of building a record are exercised.
    assertThat(events).hasSize(2000);
    assertThat(usual).isBetween(200, 1800);
    assertThat(events).anyMatch(event -> event.raw().contains("\"src_ip\""));
  }

  /**
   * Searches whose initial search reads event fields, own fields, watched keys or _raw. Some
   * rename fields before stats, in ways a view of the event can and cannot serve, and the last
   * has no literal for the prefilter.
   */
  private static final List<String> SEARCHES = List.of(
      "\"user.username\"=\"system:anonymous\" userAgent!=\"v-userAgent\" | stats count by verb",
      "(verb=v-verb OR \"responseStatus.code\"=401) NOT stage=x* | stats count"
          + " values(user.username) by sourceIPs{}",
      "\"user.username\"=*anon* | stats count values(_raw) as raw by requestURI",
      "sourcetype=\"aws:cloudwatchlogs:eks\" source=* \"user.groups{}\"=system:*"
          + " | stats count dc(verb) min(_time) by user.username",
      "Event \"user.username\"=\"system:anonymous\" | stats count by verb",
      "src_ip=* OR verb=v-verb | stats count by stage",
      "auditID=id-1* NOT responseStatus.reason=* | stats count list(auditID) by userAgent",
      "\"user.username\"=* | rename sourceIPs{} as src_ip | stats count min(_time) as firstTime"
          + " max(_time) as lastTime values(verb) values(source) as cluster by src_ip"
          + " user.groups{}",
      "verb=* | rename userAgent as verb | stats count by verb",
      "stage=* | rename verb as v | rename v as w | stats count values(requestURI) by w",
      "sourcetype=aws:cloudwatchlogs:eks | stats count earliest(verb) latest(verb) by stage");

  /**
   * Runs searches over random shapes two ways, which must give the same rows. A hunt uses the
   * prefilter, takes fields from the event, tests the initial search on the event before making
   * a record, and keeps the text only of events that search keeps. A plain pipeline gets every
   * event flattened from its JSON text.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12})
  void randomShapes_sameRowsAsFlattenedEvents(long seed) throws Exception {
    Path lines = writeEvents(seed, 3000);
    // The same events as the messages of a filter-log-events document, which the reader
    // unwraps on another path.
    ObjectMapper json = new ObjectMapper();
    ObjectNode document = json.createObjectNode();
    ArrayNode entries = document.putArray("events");
    List<String> texts = Files.readAllLines(lines, StandardCharsets.UTF_8);
    for (int i = 0; i < texts.size(); i++) {
      entries.addObject().put("logStreamName", "kube-apiserver-audit-" + (i % 3))
          .put("timestamp", 1_731_522_851_000L + i).put("message", texts.get(i))
          .put("ingestionTime", 1_731_522_852_000L + i).put("eventId", "e" + i);
    }
    Path wrapped = dir.resolve("events-" + seed + ".json");
    json.writerWithDefaultPrettyPrinter().writeValue(wrapped.toFile(), document);

    for (Path file : List.of(lines, wrapped)) {
      List<AuditEvent> events = new ArrayList<>();
      new AuditLogReader(null, false).keepingRawText()
          .read(InputSource.file(file), events::add, new ReadReport());
      assertThat(events).hasSize(3000);
      for (int s = 0; s < SEARCHES.size(); s++) {
        assertSameRows(file, events, s);
      }
    }
  }

  private void assertSameRows(Path file, List<AuditEvent> events, int s) throws Exception {
    Path yml = Files.writeString(dir.resolve("search-" + s + ".yml"), "name: s" + s
        + "\nid: s-" + s + "\nsearch: '" + SEARCHES.get(s) + "'\n");
    Detection detection = DetectionFile.load(yml, MacroLibrary.defaults(), Map.of());
    SearchPipeline flattened = detection.compile().newPipeline();
    for (AuditEvent event : events) {
      flattened.accept(SearchHunt.toRecord(event, null));
    }
    List<Map<String, List<String>>> expected = flattened.finish();

    for (int threads : new int[] {1, 2}) {
      SearchHunt hunt = new SearchHunt(List.of(detection), null, true);
      List<Map<String, List<String>>> rows = hunt.run(List.of(InputSource.file(file)),
          new ReadReport(), threads).get(0).rows();
      assertThat(rows).as("%s over %s on %d threads", SEARCHES.get(s), file.getFileName(),
          threads).isEqualTo(expected);
      assertThat(hunt.eventsWithoutText()).isZero();
    }
    assertThat(expected).as(SEARCHES.get(s)).isNotEmpty();
  }

  /** Writes {@code count} random events, one a line, and returns the file. */
  private Path writeEvents(long seed, int count) throws java.io.IOException {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(event(random, i)).append('\n');
    }
    return Files.writeString(dir.resolve("events-" + seed + ".log"), text, StandardCharsets.UTF_8);
  }

  private static List<AuditEvent> read(Path file, Set<String> watched) {
    List<AuditEvent> events = new ArrayList<>();
    new AuditLogReader(null, false).keepingRawText().watchingKeys(watched)
        .read(InputSource.file(file), events::add, new ReadReport());
    return events;
  }

  private static void assertSameRecord(AuditEvent event, Set<String> fields) {
    JsonFlattener.Projection projection = JsonFlattener.Projection.of(fields);
    Record flattened = SearchHunt.toRecord(event, projection, false);
    assertThat(SearchHunt.toRecord(event, projection, true).toMap())
        .as("%s of %s", fields, event.raw())
        .isEqualTo(flattened.toMap());
    // The view an initial search is tested on gives the flattened values of every field.
    if (event.usualShape()) {
      FieldValues view = SearchHunt.eventView(event);
      for (String field : fields) {
        assertThat(view.values(field)).as("%s of %s", field, event.raw())
            .isEqualTo(flattened.values(field));
      }
    }
  }

  private static String event(Random random, int index) {
    List<String> members = new ArrayList<>();
    members.add("\"kind\":\"Event\"");
    members.add("\"auditID\":" + (random.nextInt(10) == 0 ? pick(random, SCALARS)
        : "\"id-" + index + "\""));
    members.add("\"requestReceivedTimestamp\":\"2024-11-13T18:34:10.595141Z\"");
    if (random.nextInt(5) > 0) {
      members.add("\"user\":" + user(random));
    }
    if (random.nextInt(5) > 0) {
      members.add("\"sourceIPs\":" + usually(random, "[\"203.0.113.9\"]", ARRAYS));
    }
    for (String key : List.of("userAgent", "verb", "requestURI", "stage")) {
      if (random.nextInt(5) > 0) {
        members.add("\"" + key + "\":" + usually(random, "\"v-" + key + "\"", SCALARS));
      }
    }
    if (random.nextInt(5) > 0) {
      members.add("\"responseStatus\":" + responseStatus(random));
    }
    if (random.nextInt(8) == 0) {
      members.add(pick(random, new String[] {"\"user.username\":\"x\"", "\"\":\"y\"",
          "\"sourceIPs{}\":[\"10.9.9.9\"]", "\"objectRef\":{\"resource\":\"pods\"}",
          "\"verb\":\"again\"", "\"user\":{\"username\":\"second\"}", "\"user\":null",
          "\"src_ip\":\"10.1.1.1\"", "\"message\":\"m\"", "\"firstTime\":[\"t\"]",
          "\"timestamp\":1731522851000", "\"metadata\":\"x\""}));
    }
    java.util.Collections.shuffle(members.subList(1, members.size()), random);
    return "{" + String.join(",", members) + "}";
  }

  private static String user(Random random) {
    if (random.nextInt(10) == 0) {
      return pick(random, new String[] {"null", "\"someone\"", "[\"a\"]"});
    }
    List<String> members = new ArrayList<>();
    members.add("\"username\":" + usually(random, "\"system:anonymous\"", SCALARS));
    if (random.nextBoolean()) {
      members.add("\"groups\":" + usually(random, "[\"system:unauthenticated\"]", ARRAYS));
    }
    if (random.nextInt(6) == 0) {
      members.add(pick(random, new String[] {"\"uid\":\"u\"", "\"groups{}\":[\"g\"]",
          "\"username.x\":\"y\"", "\"extra\":{\"a\":[\"b\"]}", "\"username\":\"again\""}));
    }
    return "{" + String.join(",", members) + "}";
  }

  private static String responseStatus(Random random) {
    if (random.nextInt(10) == 0) {
      return pick(random, new String[] {"null", "\"401\"", "[401]"});
    }
    return "{\"metadata\":{},\"code\":" + usually(random, "401", SCALARS) + ",\"reason\":"
        + usually(random, "\"Unauthorized\"", SCALARS) + "}";
  }

  /** Returns the usual value most of the time, else one of the odd ones. */
  private static String usually(Random random, String usual, String[] odd) {
    return random.nextInt(4) > 0 ? usual : pick(random, odd);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
