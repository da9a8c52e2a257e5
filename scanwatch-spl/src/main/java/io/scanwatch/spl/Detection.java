package io.scanwatch.spl;

import java.nio.file.Path;

/**
 * An ESCU detection loaded from its file, with its search already compiled. Immutable and
 * thread-safe.
 */
public final class Detection {

  private final Path file;
  private final EscuMetadata metadata;
  private final CompiledSearch search;

  Detection(Path file, EscuMetadata metadata, CompiledSearch search) {
    this.file = file;
    this.metadata = metadata;
    this.search = search;
  }

  /** Returns the file the detection came from. */
  public Path file() {
    return file;
  }

  /** Returns the metadata fields of the file. */
  public EscuMetadata metadata() {
    return metadata;
  }

  /** Returns the compiled search; start a {@link SearchPipeline} from it for each run. */
  public CompiledSearch compile() {
    return search;
  }
}
