package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a list of arguments names, each file once. */
class InputPathsTest {

  @TempDir Path dir;

  @Test
  void linkToFileInSameFolder_readOnce() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("logs/a"));
    Path file = Files.writeString(folder.resolve("bare.ndjson"), "{}\n");
    Path link = Files.createSymbolicLink(dir.resolve("logs/link.ndjson"), file);
    ReadReport report = new ReadReport();

    List<InputSource> sources = InputPaths.expand(List.of(dir.resolve("logs").toString()),
        report);

    assertThat(sources).extracting(InputSource::name).containsExactly(file.toString());
    assertThat(report.problems()).containsExactly(new ReadReport.Problem(link.toString(),
        "the same file as " + file + "; read once", false));
  }

  @Test
  void hardLink_readOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("a.ndjson"), "{}\n");
    Path hard = Files.createLink(dir.resolve("b.ndjson"), file);
    ReadReport report = new ReadReport();

    List<InputSource> sources = InputPaths.expand(List.of(file.toString(), hard.toString()),
        report);

    assertThat(sources).hasSize(1);
    assertThat(report.problems()).hasSize(1);
  }

  @Test
  void standardInputTwice_readOnce() throws Exception {
    ReadReport report = new ReadReport();

    List<InputSource> sources = InputPaths.expand(List.of("-", "-"), report);

    assertThat(sources).extracting(InputSource::name).containsExactly("stdin");
    assertThat(report.problems()).containsExactly(new ReadReport.Problem("-",
        "named more than once; read once", false));
  }

  @Test
  void outputAmongInputs_found() throws Exception {
    Path file = Files.writeString(dir.resolve("a.ndjson"), "{}\n");
    Path link = Files.createSymbolicLink(dir.resolve("b.ndjson"), file);
    List<InputSource> sources = List.of(InputSource.file(file));

    assertThat(InputPaths.isOneOf(link, sources)).isTrue();
    assertThat(InputPaths.isOneOf(dir.resolve("new.txt"), sources)).isFalse();
  }

  @Test
  void sameNameTwice_readOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("a.ndjson"), "{}\n");
    ReadReport report = new ReadReport();

    List<InputSource> sources = InputPaths.expand(List.of(file.toString(), file.toString()),
        report);

    assertThat(sources).hasSize(1);
    assertThat(report.problems()).containsExactly(new ReadReport.Problem(file.toString(),
        "named more than once; read once", false));
  }
}
