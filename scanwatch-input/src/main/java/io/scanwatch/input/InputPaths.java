package io.scanwatch.input;

import io.scanwatch.core.text.Utf8Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands command-line paths into the inputs to read. A folder is read recursively in the order
 * of its paths' UTF-8 bytes, so every run reads the same files in the same order; links to
 * folders are not followed, which keeps a link loop from being read forever.
 */
public final class InputPaths {

  private static final Comparator<Path> PATH_ORDER =
      Comparator.comparing(Path::toString, Utf8Order.INSTANCE);

  private InputPaths() {}

  /**
   * Returns the inputs of {@code arguments} in order; {@code -} is standard input. A file named
   * more than once, directly, through a folder or by a link to it, is read once, with a warning. Folders that cannot be listed are added to
   * {@code report} as failed and skipped.
   *
   * @throws java.nio.file.NoSuchFileException if an argument does not exist
   */
  public static List<InputSource> expand(List<String> arguments, ReadReport report)
      throws IOException {
    List<InputSource> sources = new ArrayList<>();
    java.util.Map<Object, String> seen = new java.util.HashMap<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        // Standard input redirected from a file named too is that file; a pipe is its own.
        Object stdin = identity(Path.of("/dev/stdin"));
        String first = seen.putIfAbsent(stdin, "-");
        if (first == null) {
          sources.add(InputSource.stdin());
        } else {
          report.addProblem(new ReadReport.Problem("-", first.equals("-")
              ? "named more than once; read once" : "the same file as " + first + "; read once",
              false));
        }
        continue;
      }
      Path path = Path.of(argument);
      if (!Files.exists(path)) {
        throw new java.nio.file.NoSuchFileException(argument);
      }
      List<InputSource> found = Files.isDirectory(path) ? walk(path, report)
          : List.of(InputSource.file(path));
      for (InputSource source : found) {
        // A file named twice, directly, through a folder or by a link, is read once.
        String first = seen.putIfAbsent(identity(source.path()), source.name());
        if (first == null) {
          sources.add(source);
        } else if (first.equals(source.name())) {
          report.addProblem(new ReadReport.Problem(source.name(),
              "named more than once; read once", false));
        } else {
          report.addProblem(new ReadReport.Problem(source.name(),
              "the same file as " + first + "; read once", false));
        }
      }
    }
    return sources;
  }

  /** Tests whether {@code file} is one of the files of {@code sources}, by {@link #identity}. */
  public static boolean isOneOf(Path file, List<InputSource> sources) {
    if (!Files.exists(file)) {
      return false;
    }
    Object key = identity(file);
    for (InputSource source : sources) {
      Path path = source.path() != null ? source.path() : Path.of("/dev/stdin");
      if (Files.exists(path) && identity(path).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns what identifies the file itself: its device and inode where the file system has them,
   * so that links and hard links to one file are one input, else its normalized absolute path.
   */
  private static Object identity(Path path) {
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return key != null ? key : path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static List<InputSource> walk(Path folder, ReadReport report) throws IOException {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()
              || (attributes.isSymbolicLink() && Files.isRegularFile(file))) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          report.addProblem(new ReadReport.Problem(
              file.toString(), "cannot be read: " + describe(error), true));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(PATH_ORDER);
    List<InputSource> sources = new ArrayList<>(files.size());
    for (Path file : files) {
      sources.add(InputSource.file(file));
    }
    return sources;
  }

  static String describe(IOException error) {
    String kind = error.getClass().getSimpleName();
    if (error instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return error.getMessage() == null ? kind : kind + ": " + error.getMessage();
  }
}
