package io.scanwatch.cli;

import io.scanwatch.output.TerminalText;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Entry point of the {@code scanwatch} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Output is UTF-8 whatever the locale, so that values are never replaced by '?'.
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        1 << 16));
    PrintWriter err = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
        true);
    int code = run(args, out, err);
    out.flush();
    // A command that already reported the failure returned FAILED; only a late failure is new.
    if (out.checkError() && (code == ExitCodes.OK || code == ExitCodes.FINDINGS)) {
      err.println("scanwatch: failed to write to standard output");
      code = ExitCodes.FAILED;
    }
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ScanwatchCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
      line.getErr().println("scanwatch: failed: " + TerminalText.escape(describe(error)));
      return ExitCodes.FAILED;
    });
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("scanwatch: failed: out of memory; give the JVM more heap, for example "
          + "SCANWATCH_JAVA_OPTS=-Xmx4g ./scanwatch ...");
      err.flush();
      return ExitCodes.FAILED;
    }
  }

  /** Prints a usage error as one line: what was wrong and where to look. */
  private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    String name = line.getCommandSpec().qualifiedName();
    String hint = "";
    if (error instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String word = unmatched.getUnmatched().get(0);
      java.util.Collection<String> names = word.startsWith("-")
          ? line.getCommandSpec().optionsMap().keySet()
          : line.getCommandSpec().subcommands().keySet();
      List<String> close = names.stream().filter(known -> editDistance(word, known) <= 2)
          .sorted().limit(3).map(known -> "'" + known + "'").toList();
      if (!close.isEmpty()) {
        hint = "; did you mean " + String.join(" or ", close) + "?";
      }
    }
    line.getErr().println(name + ": " + TerminalText.escape(error.getMessage() + hint)
        + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }

  /**
   * Returns the number of single-character insertions, deletions, substitutions and swaps of
   * neighbours that turn one word into the other.
   */
  static int editDistance(String from, String to) {
    int[][] distance = new int[from.length() + 1][to.length() + 1];
    for (int i = 0; i <= from.length(); i++) {
      distance[i][0] = i;
    }
    for (int j = 0; j <= to.length(); j++) {
      distance[0][j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      for (int j = 1; j <= to.length(); j++) {
        int cost = from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1),
            distance[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && from.charAt(i - 1) == to.charAt(j - 2)
            && from.charAt(i - 2) == to.charAt(j - 1)) {
          best = Math.min(best, distance[i - 2][j - 2] + 1);
        }
        distance[i][j] = best;
      }
    }
    return distance[from.length()][to.length()];
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }
}
