package io.scanwatch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code scanwatch} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ScanwatchCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
      line.getErr().println("scanwatch: failed: " + describe(error));
      return ExitCodes.FAILED;
    });
    return commandLine.execute(args);
  }

  /** Prints a usage error as one line that says what was wrong and where to look. */
  private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    String name = line.getCommandSpec().qualifiedName();
    line.getErr().println(name + ": " + error.getMessage() + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }

  private static String describe(Exception error) {
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }
}
