package io.scanwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the {@code engine} key that marks a detection file run by a built-in engine. */
final class BuiltInEngine {

  private BuiltInEngine() {}

  /** Returns the file's {@code engine} value, or "" for a file whose search runs as written. */
  static String of(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      return root != null && root.has("engine") ? root.get("engine").asText() : "";
    } catch (IOException e) {
      return "";
    }
  }
}
