package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors name the command or function, its index in the expanded search and the choices. */
class SplErrorsTest {

  @Test
  void unsupportedCommandHasPosition() {
    SplException e = catchThrowableOfType(SplException.class,
        () -> Spl.compile("x=1 | transaction user"));
    assertThat(e.name()).isEqualTo("transaction");
    assertThat(e.position()).isEqualTo(6);
    assertThat(e.supported()).contains("stats", "eval", "rename");
    assertThat(e.getMessage()).contains("'transaction'").contains("index 6");
  }

  @Test
  void timeModifierRejectedWithPosition() {
    SplException e = catchThrowableOfType(SplException.class,
        () -> Spl.compile("verb=get earliest=-24h latest=now"));
    assertThat(e.name()).isEqualTo("earliest");
    assertThat(e.position()).isEqualTo(9);
    assertThat(e.getMessage()).contains("time modifier 'earliest' is not supported");
    // Quoted, the name is a field like any other.
    assertThat(Spl.compile("\"earliest\"=1").requiredLiterals()).containsExactly("1");
  }

  @Test
  void evalInsideStatsRejected() {
    SplException e = catchThrowableOfType(SplException.class,
        () -> Spl.compile("* | stats count(eval(verb=\"list\")) as lists by ip"));
    assertThat(e.name()).isEqualTo("eval");
    assertThat(e.position()).isEqualTo(16);
    assertThat(e.getMessage()).contains("eval expressions inside stats functions are not "
        + "supported");
    // The fix the message suggests compiles and counts the same events.
    Record list = Record.empty().add("verb", "list");
    SearchPipeline pipeline = Spl.compile("* | eval lists=if(verb=\"list\", 1, null()) "
        + "| stats count(lists) as lists").newPipeline();
    pipeline.accept(list);
    pipeline.accept(Record.empty().add("verb", "get"));
    assertThat(pipeline.finish()).containsExactly(java.util.Map.of("lists", java.util.List.of("1")));
  }

  @Test
  void unsupportedFunctionsHavePosition() {
    SplException eval = catchThrowableOfType(SplException.class,
        () -> Spl.compile("* | eval x=sha256(y)"));
    assertThat(eval.name()).isEqualTo("sha256");
    assertThat(eval.position()).isEqualTo(11);
    assertThat(eval.supported()).contains("cidrmatch", "strftime");
    SplException stats = catchThrowableOfType(SplException.class,
        () -> Spl.compile("* | stats count perc95(x)"));
    assertThat(stats.name()).isEqualTo("perc95");
    assertThat(stats.position()).isEqualTo(16);
    SplException format = catchThrowableOfType(SplException.class,
        () -> Spl.compile("* | convert timeformat=\"%G\" ctime(t)"));
    assertThat(format.name()).isEqualTo("%G");
  }

  @Test
  void positionsCountInExpandedSearch() {
    SplException e = catchThrowableOfType(SplException.class,
        () -> Spl.compile("`aws_cloudwatchlogs_eks` | tstats count"));
    assertThat(e.search()).startsWith("sourcetype=\"aws:cloudwatchlogs:eks\" |");
    assertThat(e.position()).isEqualTo(e.search().indexOf("tstats"));
  }

  @Test
  void missingTokenAndMacro() {
    SplException token = catchThrowableOfType(SplException.class,
        () -> Spl.compile("src=$src_ip$", MacroLibrary.empty(), Map.of(), "inv",
            SearchOptions.DEFAULTS));
    assertThat(token.name()).isEqualTo("src_ip");
    assertThat(token.getMessage()).startsWith("inv: missing parameter 'src_ip'");
    SplException macro = catchThrowableOfType(SplException.class,
        () -> Spl.compile("`nope(a)`"));
    assertThat(macro.name()).isEqualTo("nope(1)");
  }

  @Test
  void detectionFileNameInMessage(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("bad.yml");
    Files.writeString(file, "name: bad\nsearch: 'x=1 | eventstats count'\n");
    SplException e = catchThrowableOfType(SplException.class,
        () -> DetectionFile.load(file, MacroLibrary.defaults(), Map.of()));
    assertThat(e.source()).isEqualTo("bad.yml");
    assertThat(e.getMessage()).startsWith("bad.yml: unsupported command 'eventstats'");
  }

  @Test
  void booleanAssignmentFailsAtRun() {
    CompiledSearch search = Spl.compile("* | eval b=1<2");
    SplException e = catchThrowableOfType(SplException.class,
        () -> Events.run(search, Record.empty()));
    assertThat(e.reason()).contains("boolean");
  }

  @Test
  void filterMacroFallsBackAndUserMacroOverrides() {
    assertThat(Spl.compile("x=1 | `my_filter`").search()).isEqualTo("x=1 | search *");
    MacroLibrary custom = MacroLibrary.defaults().with(java.util.List.of(
        new Macro("my_filter", java.util.List.of(), "search x!=2")));
    assertThat(Spl.compile("x=1 | `my_filter`", custom, Map.of(), null,
        SearchOptions.DEFAULTS).search()).isEqualTo("x=1 | search x!=2");
    assertThat(Spl.compile("`security_content_ctime(t)`").search())
        .isEqualTo("convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime(t)");
  }
}
