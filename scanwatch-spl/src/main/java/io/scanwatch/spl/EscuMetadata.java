package io.scanwatch.spl;

import java.util.List;

/** The descriptive fields of an ESCU detection file, as written there. */
public record EscuMetadata(String name, String id, Integer version, String date, String author,
    String type, String description, List<String> dataSource, String search,
    String howToImplement, String knownFalsePositives, List<String> references, EscuTags tags) {

  /** Copies the lists. */
  public EscuMetadata {
    dataSource = List.copyOf(dataSource);
    references = List.copyOf(references);
  }
}
