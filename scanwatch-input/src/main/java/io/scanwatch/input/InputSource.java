package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input to read: a file, or standard input.
 *
 * @param name the name events get as {@code source}: the path as given, or {@code stdin}
 * @param path the file, or null for standard input
 */
public record InputSource(String name, Path path) {

  public InputSource {
    Objects.requireNonNull(name, "name");
  }

  public static InputSource stdin() {
    return new InputSource("stdin", null);
  }

  public static InputSource file(Path path) {
    return new InputSource(path.toString(), path);
  }

  InputStream open() throws IOException {
    if (path == null) {
      return new NonClosingInputStream(System.in);
    }
    // FileInputStream reads named pipes and /dev/fd paths too; the channel stream of
    // Files.newInputStream asks them for a position and fails.
    if (Files.isDirectory(path)) {
      throw new IOException("is a folder");
    }
    return new java.io.FileInputStream(path.toFile());
  }

  /** Standard input stays open for the rest of the process. */
  private static final class NonClosingInputStream extends java.io.FilterInputStream {
    NonClosingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
