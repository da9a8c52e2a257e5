package io.scanwatch.cli;

/** The exit codes of every scanwatch command. */
public final class ExitCodes {

  /** The run finished; findings, if any, were written. */
  public static final int OK = 0;

  /** The run failed or is incomplete: an input could not be read, or output not written. */
  public static final int FAILED = 1;

  /** The command line was invalid: unknown option, bad value or missing path. */
  public static final int USAGE = 2;

  /** The run finished with findings and {@code --fail-on-findings} was given. */
  public static final int FINDINGS = 3;

  private ExitCodes() {}
}
