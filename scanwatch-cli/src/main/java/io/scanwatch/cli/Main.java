package io.scanwatch.cli;

import io.scanwatch.output.TerminalText;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    line.getErr().println(
        name + ": " + TerminalText.escape(error.getMessage()) + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }
}
