package io.scanwatch.cli;

import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(
    name = "scanwatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds scanning and probing of Kubernetes API servers in audit logs.",
    subcommands = {HuntCommand.class, DetectionsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished",
      "1:an input could not be read, or output not written",
      "2:invalid command line",
      "3:findings reported with --fail-on-findings"
    })
final class ScanwatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: use 'scanwatch hunt PATH...'");
  }
}
