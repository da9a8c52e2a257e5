package io.scanwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scanwatch.output.TerminalText;
import io.scanwatch.spl.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scanwatch detections}: the detection files that ship with scanwatch. */
@Command(
    name = "detections",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists or exports the detections that ship with scanwatch, as ESCU files.",
    subcommands = {DetectionsCommand.ListDetections.class, DetectionsCommand.Export.class})
final class DetectionsCommand implements Runnable {

  private static final String FOLDER = "/io/scanwatch/cli/detections/";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing command: use 'scanwatch detections list' or 'scanwatch detections export "
            + "FOLDER'");
  }

  /** The names of the bundled files, in listing order. */
  static List<String> bundledFiles() throws IOException {
    try (InputStream index = resource("index.txt")) {
      List<String> names = new ArrayList<>();
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
      return names;
    }
  }

  static InputStream resource(String name) throws IOException {
    InputStream in = DetectionsCommand.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IOException("bundled detection missing from the jar: " + name);
    }
    return in;
  }

  /** {@code detections list}: one line per bundled detection with its metadata. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the bundled detections: file, name, type, id, version, MITRE "
          + "technique, risk score and the engine that runs it.")
  static final class ListDetections implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      for (String file : bundledFiles()) {
        JsonNode detection;
        try (InputStream in = resource(file)) {
          detection = YamlTree.read(in, file);
        }
        JsonNode tags = detection.path("tags");
        String engine = detection.has("engine") ? "built-in " + detection.path("engine").asText()
            : "search language";
        out.printf(Locale.ROOT, "%s%n  name: %s%n  type: %s, id %s, version %s%n"
                + "  MITRE ATT&CK: %s, risk score %s%n  runs on: %s%n",
            file, text(detection, "name"), text(detection, "type"), text(detection, "id"),
            text(detection, "version"), join(tags.path("mitre_attack_id")),
            text(tags, "risk_score"), engine);
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static String text(JsonNode node, String field) {
      return TerminalText.escape(node.path(field).asText("?"));
    }

    private static String join(JsonNode list) {
      List<String> values = new ArrayList<>();
      list.forEach(value -> values.add(value.asText()));
      return values.isEmpty() ? "none" : String.join(", ", values);
    }
  }

  /** {@code detections export FOLDER}: writes the bundled files, to run or change them. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes the bundled detection files into FOLDER (made if missing); existing "
          + "files there are not overwritten.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "The folder to write the files into.")
    Path folder;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(folder) && !Files.isDirectory(folder)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "cannot export into " + folder + ": not a folder");
      }
      Files.createDirectories(folder);
      PrintWriter out = spec.commandLine().getOut();
      for (String file : bundledFiles()) {
        Path target = folder.resolve(file);
        if (Files.exists(target)) {
          spec.commandLine().getErr().println("scanwatch detections: " + target
              + " exists; left as it is");
          continue;
        }
        try (InputStream in = resource(file)) {
          Files.copy(in, target);
        }
        out.println(target);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
