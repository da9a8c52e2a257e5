package io.scanwatch.spl;

import static io.scanwatch.spl.Events.column;
import static io.scanwatch.spl.Events.fields;
import static io.scanwatch.spl.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Search terms and commands against results written by hand from Splunk's documentation. */
class SplCommandsTest {

  private static final Record[] PEOPLE = {
    fields("id", "1", "name", "Alice", "role", "admin", "role", "dev", "n", "10"),
    fields("id", "2", "name", "bob", "role", "dev", "n", "9"),
    fields("id", "3", "name", "carol", "n", "x"),
    fields("id", "4", "name", "ALICE", "role", "ops", "n", "100"),
  };

  @Test
  void fieldTermIgnoresAsciiCase() {
    assertThat(column(run("name=alice", PEOPLE), "id")).containsExactly("1", "4");
  }

  @Test
  void fieldTermWildcardAndMultivalue() {
    assertThat(column(run("name=*o* role=d*", PEOPLE), "id")).containsExactly("2");
    assertThat(column(run("role=dev", PEOPLE), "id")).containsExactly("1", "2");
  }

  @Test
  void indexTermsHoldForEveryEvent() {
    assertThat(column(run("index=aws name=alice", PEOPLE), "id")).containsExactly("1", "4");
    assertThat(column(run("index!=main role=ops", PEOPLE), "id")).containsExactly("4");
    assertThat(column(run("NOT index=main role=ops", PEOPLE), "id")).containsExactly("4");
    assertThat(column(run("NOT (index=main OR index=summary) role=ops", PEOPLE), "id"))
        .containsExactly("4");
    assertThat(column(run("NOT index IN (main, summary) role=ops", PEOPLE), "id"))
        .containsExactly("4");
    // Under NOT a term on index is false: no event is in index main, so none is excluded.
    assertThat(column(run("NOT (index=main role=dev)", PEOPLE), "id"))
        .containsExactly("1", "2", "3", "4");
    assertThat(column(run("NOT (index=main OR role=dev)", PEOPLE), "id"))
        .containsExactly("3", "4");
    assertThat(column(run("NOT NOT index=main role=ops", PEOPLE), "id")).containsExactly("4");
  }

  @Test
  void notEqualDropsMissingField() {
    assertThat(column(run("role!=ops", PEOPLE), "id")).containsExactly("1", "2");
    assertThat(column(run("NOT role=ops", PEOPLE), "id")).containsExactly("1", "2", "3");
  }

  @Test
  void orParenthesesAndIn() {
    assertThat(column(run("(id=1 OR id=3) name=*", PEOPLE), "id")).containsExactly("1", "3");
    assertThat(column(run("id IN (2, \"4\")", PEOPLE), "id")).containsExactly("2", "4");
    assertThat(column(run("\"id\" IN (2, 4)", PEOPLE), "id")).containsExactly("2", "4");
    assertThat(column(run("\"id\" IN (3)", PEOPLE), "id")).containsExactly("3");
    assertThat(column(run("id=1 AND name=bob", PEOPLE), "id")).isEmpty();
  }

  @Test
  void numericComparisons() {
    assertThat(column(run("n>=10", PEOPLE), "id")).containsExactly("1", "4");
    assertThat(column(run("n<10", PEOPLE), "id")).containsExactly("2");
  }

  @Test
  void bareTermsMatchRawTokens() {
    Record[] events = {
      fields("id", "1", "_raw", "{\"user\":\"System:Anonymous\"}"),
      fields("id", "2", "_raw", "anonymously"),
      fields("id", "3", "_raw", "error: Disk full"),
    };
    assertThat(column(run("anonymous", events), "id")).containsExactly("1");
    assertThat(column(run("anon*", events), "id")).containsExactly("1", "2");
    assertThat(column(run("\"disk full\"", events), "id")).containsExactly("3");
    assertThat(Spl.compile("anonymous").requiredLiterals()).containsExactly("anonymous");
  }

  @Test
  void quotedFieldNameIsAField() {
    Record event = fields("user.username", "system:anonymous");
    assertThat(run("\"user.username\"=\"SYSTEM:ANONYMOUS\"", event)).hasSize(1);
  }

  @Test
  void renameSeveralPairs() {
    List<Map<String, List<String>>> rows =
        run("id=1 | rename role as roles, name as who n AS number", PEOPLE);
    assertThat(rows.get(0)).containsEntry("roles", List.of("admin", "dev"))
        .containsEntry("who", List.of("Alice")).containsEntry("number", List.of("10"))
        .doesNotContainKeys("role", "name", "n");
  }

  @Test
  void statsFunctionsWithoutBy() {
    List<Map<String, List<String>>> rows = run("* | stats count count(role) dc(role) as roles"
        + " min(n) max(n) sum(n) avg(n) values(role) list(role) min(id) max(id)", PEOPLE);
    Map<String, List<String>> row = rows.get(0);
    assertThat(row.get("count")).containsExactly("4");
    assertThat(row.get("count(role)")).containsExactly("4");
    assertThat(row.get("roles")).containsExactly("3");
    // Numbers come before text: the smallest number, and the largest text.
    assertThat(row.get("min(n)")).containsExactly("9");
    assertThat(row.get("max(n)")).containsExactly("x");
    assertThat(row.get("sum(n)")).containsExactly("119");
    assertThat(row.get("avg(n)")).containsExactly("39.666666666666664");
    assertThat(row.get("values(role)")).containsExactly("admin", "dev", "ops");
    assertThat(row.get("list(role)")).containsExactly("admin", "dev", "dev", "ops");
    assertThat(row.get("min(id)")).containsExactly("1");
    assertThat(row.get("max(id)")).containsExactly("4");
  }

  @Test
  void statsNumericMinMax() {
    Record[] events = {fields("n", "10"), fields("n", "9"), fields("n", "100.5")};
    Map<String, List<String>> row = run("* | stats min(n) max(n)", events).get(0);
    assertThat(row.get("min(n)")).containsExactly("9");
    assertThat(row.get("max(n)")).containsExactly("100.5");
  }

  @Test
  void statsMinMaxPutTextAfterNumbers() {
    Record[] events = {fields("c", "403"), fields("c", "abc"), fields("c", "9"),
        fields("c", "10"), fields("c", "-x"), fields("c", "09")};
    Map<String, List<String>> row = run("* | stats min(c) max(c)", events).get(0);
    // "-x" sorts before every digit as text, but text is greater than any number.
    assertThat(row.get("min(c)")).containsExactly("9");
    assertThat(row.get("max(c)")).containsExactly("abc");
    Map<String, List<String>> texts = run("* | stats min(c) max(c)",
        fields("c", "b"), fields("c", "-x"), fields("c", "B")).get(0);
    assertThat(texts.get("min(c)")).containsExactly("-x");
    assertThat(texts.get("max(c)")).containsExactly("b");
  }

  @Test
  void statsWithoutEventsGivesOneRow() {
    List<Map<String, List<String>>> rows = run("* | stats count values(x)");
    assertThat(rows).containsExactly(Map.of("count", List.of("0"), "values(x)", List.of()));
    assertThat(run("* | stats count by x")).isEmpty();
  }

  @Test
  void statsByMultivalueSplitsCombinations() {
    Record[] events = {
      fields("a", "x", "a", "y", "b", "1", "b", "2"),
      fields("a", "x", "a", "x", "b", "1"),
      fields("a", "z"),
    };
    List<Map<String, List<String>>> rows = run("* | stats count by a, b", events);
    assertThat(column(rows, "a")).containsExactly("x", "x", "y", "y");
    assertThat(column(rows, "b")).containsExactly("1", "2", "1", "2");
    assertThat(column(rows, "count")).containsExactly("3", "1", "1", "1");
  }

  @Test
  void statsEarliestAndLatest() {
    Record[] events = {
      fields("_time", "20", "v", "b"),
      fields("_time", "10.5", "v", "a"),
      fields("_time", "30", "v", "c"),
    };
    Map<String, List<String>> row = run("* | stats earliest(v) latest(v) as last", events).get(0);
    assertThat(row.get("earliest(v)")).containsExactly("a");
    assertThat(row.get("last")).containsExactly("c");
  }

  @Test
  void evalArithmeticAndConcatenation() {
    Record event = fields("a", "7", "b", "2", "s", "x");
    Map<String, List<String>> row = run("* | eval sum=a+b, diff=a-b, product=a*b, ratio=a/b,"
        + " rest=a%b, text=s.\"-\".a, joined=s+\"y\", neg=-a, zero=a/0", event).get(0);
    assertThat(row.get("sum")).containsExactly("9");
    assertThat(row.get("diff")).containsExactly("5");
    assertThat(row.get("product")).containsExactly("14");
    assertThat(row.get("ratio")).containsExactly("3.5");
    assertThat(row.get("rest")).containsExactly("1");
    assertThat(row.get("text")).containsExactly("x-7");
    assertThat(row.get("joined")).containsExactly("xy");
    assertThat(row.get("neg")).containsExactly("-7");
    assertThat(row).doesNotContainKey("zero");
  }

  @Test
  void evalConditionalFunctions() {
    Record event = fields("code", "403", "ua", "Curl/8", "r", "a", "r", "b", "r", "c");
    Map<String, List<String>> row = run("* | eval c=if(code>=400 AND NOT code=404, \"bad\","
        + " \"ok\"), k=case(code=200, \"ok\", code=403, \"forbidden\"), f=coalesce(none, ua),"
        + " lo=lower(ua), up=upper(ua), l=len(ua), m=mvcount(r), first=mvindex(r, 0),"
        + " last=mvindex(r, -1), mid=mvindex(r, 1, 2), parts=split(\"a:b:c\", \":\"),"
        + " nm=mvcount(none)", event).get(0);
    assertThat(row.get("c")).containsExactly("bad");
    assertThat(row.get("k")).containsExactly("forbidden");
    assertThat(row.get("f")).containsExactly("Curl/8");
    assertThat(row.get("lo")).containsExactly("curl/8");
    assertThat(row.get("up")).containsExactly("CURL/8");
    assertThat(row.get("l")).containsExactly("6");
    assertThat(row.get("m")).containsExactly("3");
    assertThat(row.get("first")).containsExactly("a");
    assertThat(row.get("last")).containsExactly("c");
    assertThat(row.get("mid")).containsExactly("b", "c");
    assertThat(row.get("parts")).containsExactly("a", "b", "c");
    assertThat(row).doesNotContainKey("nm");
  }

  @Test
  void searchTermsWithCidrBlocks() {
    Record[] events = {
      fields("ip", "10.1.2.3"),
      fields("ip", "2001:db8::1"),
      fields("ip", "192.168.0.1", "ip", "10.9.9.9"),
      fields("ip", "10.0.0.0/8"),
      fields("name", "x"),
    };
    // column() gives each row's first value, and the third event matches for its 10.9.9.9.
    assertThat(column(run("ip=10.0.0.0/8", events), "ip"))
        .containsExactly("10.1.2.3", "192.168.0.1", "10.0.0.0/8");
    assertThat(column(run("ip=2001:db8::/32", events), "ip")).containsExactly("2001:db8::1");
    assertThat(column(run("ip IN (192.168.0.0/16, 2001:db8::/32)", events), "ip"))
        .containsExactly("2001:db8::1", "192.168.0.1");
    // != keeps events with an address and none in the block. NOT also keeps those without one.
    assertThat(column(run("ip!=10.0.0.0/8", events), "ip")).containsExactly("2001:db8::1");
    assertThat(run("NOT ip=10.0.0.0/8", events)).hasSize(2);
    // Not a block: a slash in other text is compared as text.
    assertThat(column(run("ip=10.0.0.0/x", events), "ip")).isEmpty();
    assertThat(Spl.compile("ip=10.0.0.0/8 name=x").requiredLiterals()).containsExactly("x");
  }

  @Test
  void whereWithMatchLikeAndCidr() {
    Record[] events = {
      fields("ip", "10.1.2.3", "ua", "kube-probe/1.29"),
      fields("ip", "2001:db8::1", "ua", "zgrab/0.x"),
      fields("ip", "192.168.0.1", "ua", "curl"),
    };
    assertThat(column(run("* | where cidrmatch(\"10.0.0.0/8\", ip)", events), "ip"))
        .containsExactly("10.1.2.3");
    assertThat(column(run("* | where cidrmatch(\"2001:db8::/32\", ip)", events), "ip"))
        .containsExactly("2001:db8::1");
    assertThat(column(run("* | where like(ua, \"kube-%\") OR match(ua, \"^zg\")", events),
        "ip")).containsExactly("10.1.2.3", "2001:db8::1");
    assertThat(column(run("* | where ua LIKE \"c_rl\"", events), "ip"))
        .containsExactly("192.168.0.1");
    assertThat(column(run("* | where 'ua'=\"curl\"", events), "ip"))
        .containsExactly("192.168.0.1");
  }

  @Test
  void strftimeInZones() {
    Record event = fields("t", "1700000000.987");
    Map<String, List<String>> row = run("* | eval a=strftime(t, \"%Y-%m-%d %H:%M:%S.%3N %z %Z\"),"
        + " b=strftime(t, \"%a %b %e %I%p %j\")", event).get(0);
    assertThat(row.get("a")).containsExactly("2023-11-14 22:13:20.987 +0000 UTC");
    assertThat(row.get("b")).containsExactly("Tue Nov 14 10PM 318");
    CompiledSearch berlin = Spl.compile("* | eval a=strftime(t, \"%H:%M %Z\")",
        MacroLibrary.empty(), Map.of(), null,
        SearchOptions.DEFAULTS.withZone(java.time.ZoneId.of("Europe/Berlin")));
    assertThat(run(berlin, event).get(0).get("a")).containsExactly("23:13 CET");
  }

  @Test
  void tableFieldsAndHead() {
    List<Map<String, List<String>>> rows = run("* | table name, role | head 2", PEOPLE);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).keySet()).containsExactly("name", "role");
    assertThat(run("id=3 | table name role", PEOPLE).get(0).get("role")).isEmpty();
    Record event = fields("_time", "1", "a", "1", "b", "2", "bc", "3");
    assertThat(run("* | fields a", event).get(0).keySet()).containsExactly("_time", "a");
    assertThat(run("* | fields - b*", event).get(0).keySet()).containsExactly("_time", "a");
  }

  @Test
  void sortNumericThenText() {
    assertThat(column(run("* | sort n", PEOPLE), "id")).containsExactly("2", "1", "4", "3");
    assertThat(column(run("* | sort - n", PEOPLE), "id")).containsExactly("3", "4", "1", "2");
    assertThat(column(run("* | sort 2 -name", PEOPLE), "id")).containsExactly("3", "2");
  }

  @Test
  void dedupAndFillnull() {
    assertThat(column(run("* | dedup role", PEOPLE), "id")).containsExactly("1", "2", "4");
    assertThat(column(run("* | eval k=lower(name) | dedup k", PEOPLE), "id"))
        .containsExactly("1", "2", "3");
    assertThat(column(run("* | fillnull value=none role | table role", PEOPLE), "role"))
        .containsExactly("admin", "dev", "none", "ops");
    Record[] sparse = {fields("a", "1"), fields("b", "2")};
    List<Map<String, List<String>>> rows = run("* | fillnull", sparse);
    assertThat(rows.get(0)).containsEntry("b", List.of("0"));
    assertThat(rows.get(1)).containsEntry("a", List.of("0"));
  }

  @Test
  void spathWithAndWithoutPath() {
    Record event = fields("msg", "{\"a\":{\"b\":[1,2.50,{\"c\":\"x\"}]},\"d\":null}");
    Map<String, List<String>> all = run("* | spath input=msg", event).get(0);
    assertThat(all.get("a.b{}")).containsExactly("1", "2.50");
    assertThat(all.get("a.b{}.c")).containsExactly("x");
    assertThat(all).doesNotContainKey("d");
    Map<String, List<String>> one = run("* | spath input=msg output=second path=a.b{2}", event)
        .get(0);
    assertThat(one.get("second")).containsExactly("2.50");
    assertThat(run("* | spath input=msg path=a", event).get(0).get("a"))
        .containsExactly("{\"b\":[1,2.50,{\"c\":\"x\"}]}");
  }

  @Test
  void convertCtimeTruncatesFraction() {
    Record event = fields("t", "1700000059.999", "u", "not a time");
    Map<String, List<String>> row = run("* | convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime(t)"
        + " ctime(u) ctime(t) as again", event).get(0);
    assertThat(row.get("t")).containsExactly("2023-11-14T22:14:19");
    assertThat(row.get("u")).containsExactly("not a time");
    assertThat(run("* | convert ctime(t)", event).get(0).get("t"))
        .containsExactly("11/14/2023 22:14:19");
  }

  @Test
  void binTimeSpans() {
    Record[] events = {fields("_time", "1700000059.9"), fields("_time", "1700003000")};
    assertThat(column(run("* | bin _time span=5m", events), "_time"))
        .containsExactly("1699999800", "1700002800");
    assertThat(column(run("* | bucket span=1h _time as hour", events), "hour"))
        .containsExactly("1699999200", "1700002800");
    assertThat(column(run("* | bin _time span=1d", events), "_time"))
        .containsExactly("1699920000", "1699920000");
  }

  @Test
  void searchCommandAfterStats() {
    List<Map<String, List<String>>> rows = run("* | stats count by role | search count>1",
        PEOPLE);
    assertThat(column(rows, "role")).containsExactly("dev");
    assertThat(Arrays.asList(column(rows, "count").toArray())).containsExactly("2");
  }
}
