package io.scanwatch.cli;

import io.scanwatch.spl.Detection;
import io.scanwatch.spl.DetectionFile;
import io.scanwatch.spl.MacroLibrary;
import io.scanwatch.spl.SearchOptions;
import io.scanwatch.spl.SplException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Loads ESCU detection files for {@code hunt}, turning every problem into a usage error. */
final class DetectionFiles {

  private DetectionFiles() {}

  /** Folders below a --detections folder that are searched, a bound for linked loops. */
  private static final int MAX_DEPTH = 8;

  /** Returns the {@code .yml} and {@code .yaml} files of a folder, in name order. */
  static List<Path> inFolder(Path folder, CommandLine commandLine) {
    if (!Files.isDirectory(folder)) {
      throw new ParameterException(commandLine, "invalid --detections '" + folder
          + "': not a folder");
    }
    // Subfolders too, as Splunk's repository keeps detections under detections/cloud/ and so on.
    try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
      List<Path> found = files
          .filter(file -> {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return (name.endsWith(".yml") || name.endsWith(".yaml")) && Files.isRegularFile(file);
          })
          .sorted()
          .toList();
      if (found.isEmpty()) {
        throw new ParameterException(commandLine, "no detection files (.yml, .yaml) in "
            + folder);
      }
      return found;
    } catch (IOException e) {
      throw new ParameterException(commandLine, "cannot list " + folder + ": " + e.getMessage());
    }
  }

  /**
   * Loads and compiles each file with the project's default macros plus {@code macroPaths}.
   *
   * @throws ParameterException naming the file and, for a search outside the supported
   *     language, the command or function, its position and what is supported
   */
  static List<Detection> load(List<Path> files, List<Path> macroPaths,
      Map<String, String> parameters, SearchOptions options, CommandLine commandLine) {
    MacroLibrary macros = MacroLibrary.defaults();
    for (Path path : macroPaths) {
      try {
        macros = Files.isDirectory(path) ? macros.withDirectory(path) : macros.withFile(path);
      } catch (IOException | RuntimeException e) {
        throw new ParameterException(commandLine, "cannot read macros " + path + ": "
            + e.getMessage());
      }
    }
    List<Detection> detections = new ArrayList<>();
    String firstError = null;
    List<String> otherFailures = new ArrayList<>();
    for (Path file : files) {
      String error = null;
      try {
        Detection detection = DetectionFile.load(file, macros, parameters, options);
        detection.compile();
        detections.add(detection);
      } catch (SplException e) {
        error = e.getMessage()
            + "; docs/spl.md lists the search language, and --macros adds macro files";
      } catch (StackOverflowError e) {
        error = file.getFileName() + ": the search is nested too deeply to parse; flatten its "
            + "parentheses or repeated operators";
      } catch (IOException | RuntimeException e) {
        // Messages about the file's content start with its name already.
        String message = String.valueOf(e.getMessage());
        error = message.startsWith(file.toString()) ? "invalid detection file " + message
            : "cannot load " + file + ": " + message;
      }
      if (error == null) {
        continue;
      }
      if (firstError == null) {
        firstError = error;
      } else {
        otherFailures.add(String.valueOf(file.getFileName()));
      }
    }
    if (firstError != null) {
      // One error is shown in full and the other files that failed are named, so that one run
      // lists every file to fix.
      throw new ParameterException(commandLine, otherFailures.isEmpty() ? firstError
          : firstError + "; " + otherFailures.size() + " more detection "
              + (otherFailures.size() == 1 ? "file fails" : "files fail") + " to load: "
              + String.join(", ", otherFailures));
    }
    return detections;
  }
}
