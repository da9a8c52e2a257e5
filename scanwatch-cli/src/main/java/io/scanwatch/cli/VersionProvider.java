package io.scanwatch.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, which the build fills in. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"scanwatch " + (version == null ? "(development build)" : version)};
  }
}
