package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

        List<SearchSplit.Part> parts = new ArrayList<>();
        SearchSplit.Part part = split.newPart();
        parts.add(part);
        for (Record event : events) {
          if (random.nextInt(40) == 0) {
            part = split.newPart();
            parts.add(part);
          }
          part.accept(event.copy());
        }
        List<Map<String, List<String>>> expected = whole.finish();
        assertThat(split.finish(parts)).as("%s, round %d", text, round).isEqualTo(expected);
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
