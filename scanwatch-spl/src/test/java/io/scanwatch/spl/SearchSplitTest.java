package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A search cut at its stats and run over consecutive parts of the input gives the rows of one
 * run over all of it, and searches that cannot be cut that way are not cut.
 */
class SearchSplitTest {

  private static final String[] SEARCHES = {
    "user=anon* | rename ip as src | stats count min(t) as first max(t) as last values(uri) "
        + "dc(uri) as uris list(uri) as seen earliest(uri) as a latest(uri) as b "
        + "by src group | eval n=count*2 | where n>2",
    "* | eval size=len(uri) | where size>3 | stats max(size) min(code) list(code) by group",
    "* | fields user uri t code | stats count earliest(code) latest(code) min(uri) max(uri)",
    "code=40* | table uri code t | stats count by code | sort - count",
  };

  @Test
  void parts_rowsOfOneRun() {
    Random random = new Random(5);
    for (String text : SEARCHES) {
      CompiledSearch search = Spl.compile(text);
      SearchSplit split = search.split();
      assertThat(split).as(text).isNotNull();
      for (int round = 0; round < 40; round++) {
        List<Record> events = events(random, 1 + random.nextInt(300));
        SearchPipeline whole = search.newPipeline();
        events.forEach(event -> whole.accept(event.copy()));

        List<Map<String, List<String>>> expected = whole.finish();
        assertThat(runInParts(split, events, random, false)).as("%s, round %d", text, round)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void noParts_sameAsNoEvents() {
    CompiledSearch search = Spl.compile("* | stats count max(t)");

    assertThat(search.split().finish(List.of())).isEqualTo(search.newPipeline().finish());
  }

  @Test
  void orderOrSumDependentSearches_notCut() {
    for (String text : new String[] {
        "* | head 5 | stats count", "* | dedup ip | stats count", "* | sort t | stats count",
        "* | stats sum(code)", "* | stats avg(code) by ip", "* | fillnull | stats count",
        "* | eval x=1", "* | stats count | stats count"}) {
      boolean cut = Spl.compile(text).split() != null;
      assertThat(cut).as(text).isEqualTo(text.endsWith("| stats count | stats count"));
    }
  }

  /** The fields of the views in these tests, which are those of the events below. */
  private static final Set<String> VIEW_FIELDS = Set.of("user", "ip", "group", "uri", "code",
      "_time", "t");

  @Test
  void views_oneViewFieldEach() {
    Map<String, Boolean> searches = new LinkedHashMap<>();
    // src contains ip's values, or its own, which a view never has.
    searches.put("user=anon* | rename ip as src | stats count values(uri) by src group", true);
    searches.put("user=anon* | rename ip as src | rename src as peer | stats count by peer", true);
    searches.put("user=anon* | rename ip as ip | stats count by ip", true);
    searches.put("* | stats count min(t) by group", true);
    // uri contains ip's values when there are some, else its own: two fields of the view.
    searches.put("user=anon* | rename ip as uri | stats values(uri) by group", false);
    // ip never has values after it is renamed.
    searches.put("user=anon* | rename ip as src | stats count by ip", false);
    searches.put("user=anon* | rename i* as x* | stats count", false);
    searches.put("user=anon* | eval x=1 | stats count by x", false);
    searches.put("user=anon* | search code=401 | stats count", false);
    searches.forEach((text, takes) -> assertThat(Spl.compile(text).split()
        .takingViews(VIEW_FIELDS).takesViews()).as(text).isEqualTo(takes));
  }

  @Test
  void views_rowsOfOneRunOverRecords() {
    Random random = new Random(7);
    for (String text : new String[] {
        "user=anon* | rename ip as src | stats count min(t) as first values(uri) list(code) "
            + "earliest(uri) as a latest(uri) as b by src group",
        "code=40* | rename ip as src | rename src as peer | stats count dc(uri) max(_time) by peer",
        "* | rename group as g | stats count by g user"}) {
      CompiledSearch search = Spl.compile(text);
      SearchSplit split = search.split().takingViews(VIEW_FIELDS);
      assertThat(split.takesViews()).as(text).isTrue();
      for (int round = 0; round < 20; round++) {
        List<Record> events = events(random, 1 + random.nextInt(300));
        SearchPipeline whole = search.newPipeline();
        events.forEach(event -> whole.accept(event.copy()));

        List<Map<String, List<String>>> expected = whole.finish();
        assertThat(runInParts(split, events, random, true)).as("%s, round %d", text, round)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void views_handCountedRows() {
    SearchSplit split = Spl.compile("user=anon* | rename ip as src | stats count by src")
        .split().takingViews(VIEW_FIELDS);
    SearchSplit.Part part = split.newPart();
    part.acceptView(Record.empty().add("user", "anonymous").add("ip", "10.0.0.1")
        .add("ip", "10.0.0.2"));
    part.acceptView(Record.empty().add("user", "Anon").add("ip", "10.0.0.1"));
    part.acceptView(Record.empty().add("user", "admin").add("ip", "10.0.0.1"));
    part.acceptView(Record.empty().add("user", "anonymous"));

    assertThat(split.finish(List.of(part))).containsExactly(
        Map.of("src", List.of("10.0.0.1"), "count", List.of("2")),
        Map.of("src", List.of("10.0.0.2"), "count", List.of("1")));
  }

  @Test
  void statsInput_recordsAndUnseenFields() {
    CompiledSearch search = Spl.compile("user=anon* | rename ip as src | stats count "
        + "values(uri) values(group) by src grp");
    List<Record> events = List.of(
        Record.empty().add("user", "anonymous").add("ip", "10.0.0.1"),
        Record.empty().add("user", "Anon").add("group", "g"),
        Record.empty().add("user", "admin").add("ip", "10.0.0.2"));
    SearchPipeline pipeline = search.newPipeline();
    events.forEach(event -> pipeline.accept(event.copy()));
    SearchSplit split = search.split().takingViews(VIEW_FIELDS);
    SearchSplit.Part first = split.newPart();
    SearchSplit.Part second = split.newPart();
    first.acceptView(events.get(0));
    second.accept(events.get(1).copy());
    second.acceptView(events.get(2));

    // Two events are by an anon* user; only one has ip (src after the rename), none has grp or
    // uri, and the second has group.
    assertThat(pipeline.statsInput())
        .isEqualTo(new StatsInput(2, List.of("grp"), List.of("uri")));
    assertThat(split.statsInput(List.of(first, second)))
        .isEqualTo(new StatsInput(2, List.of("grp"), List.of("uri")));
    assertThat(split.statsInput(List.of())).isEqualTo(new StatsInput(0, List.of(), List.of()));
    assertThat(Spl.compile("* | eval x=1").newPipeline().statsInput()).isNull();
  }

  @Test
  void views_rejectedWhenNotTaken() {
    SearchSplit.Part part = Spl.compile("* | eval x=1 | stats count").split().newPart();

    assertThatThrownBy(() -> part.acceptView(Record.empty()))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Runs the split over the events in parts of random sizes and returns its rows. With {@code
   * views} set, about half the events go in as views and the rest as records, mixed in one part
   * as events of other shapes are in a hunt.
   */
  private static List<Map<String, List<String>>> runInParts(SearchSplit split,
      List<Record> events, Random random, boolean views) {
    List<SearchSplit.Part> parts = new ArrayList<>();
    SearchSplit.Part part = split.newPart();
    parts.add(part);
    for (Record event : events) {
      if (random.nextInt(40) == 0) {
        part = split.newPart();
        parts.add(part);
      }
      if (views && random.nextBoolean()) {
        part.acceptView(event);
      } else {
        part.accept(event.copy());
      }
    }
    return split.finish(parts);
  }

  /** Events with repeated times, multivalue and missing fields, numbers and text mixed. */
  private static List<Record> events(Random random, int count) {
    String[] users = {"anonymous", "Anon", "admin"};
    String[] uris = {"/", "/api", "/api/v1/pods", "/version", "/healthz", "10", "9"};
    String[] codes = {"401", "403", "200", "404", "x"};
    List<Record> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Record event = Record.empty();
      event.add("user", users[random.nextInt(users.length)]);
      for (int k = random.nextInt(3); k > 0; k--) {
        event.add("ip", "10.0.0." + random.nextInt(4));
      }
      if (random.nextInt(5) > 0) {
        event.add("group", random.nextBoolean() ? "system:unauthenticated" : "g");
      }
      for (int k = random.nextInt(3); k > 0; k--) {
        event.add("uri", uris[random.nextInt(uris.length)]);
      }
      event.add("code", codes[random.nextInt(codes.length)]);
      event.set("_time", List.of(Integer.toString(1_700_000_000 + random.nextInt(30))));
      event.add("t", Integer.toString(random.nextInt(50)));
      events.add(event);
    }
    return events;
  }
}
