package io.scanwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.spl.YamlTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code engine} key that marks a detection file run by a built-in engine, and the
 * metadata such a file gives its findings.
 */
final class BuiltInEngine {

  private BuiltInEngine() {}

  /** Returns the file's {@code engine} value, or "" for a file whose search runs as written. */
  static String of(Path file) {
    try {
      JsonNode root = YamlTree.read(file);
      return root != null && root.has("engine") ? root.get("engine").asText() : "";
    } catch (IOException | IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Returns the metadata a detection file gives its findings, taking from {@code fallback} what
   * the file leaves out.
   */
  static DetectionMetadata metadata(Path file, DetectionMetadata fallback) {
    JsonNode root;
    try {
      root = YamlTree.read(file);
    } catch (IOException | IllegalArgumentException e) {
      return fallback;
    }
    if (root == null) {
      return fallback;
    }
    JsonNode tags = root.path("tags");
    List<String> techniques = new ArrayList<>();
    tags.path("mitre_attack_id").forEach(id -> techniques.add(id.asText()));
    JsonNode observable = tags.path("observable").path(0);
    return new DetectionMetadata(
        root.path("id").asText(fallback.id()),
        root.path("name").asText(fallback.name()),
        root.path("version").asInt(fallback.version()),
        techniques.isEmpty() ? fallback.mitreAttackIds() : techniques,
        tags.path("analytic_story").path(0).asText(fallback.analyticStory()),
        tags.path("confidence").asInt(fallback.confidence()),
        tags.path("impact").asInt(fallback.impact()),
        tags.path("risk_score").asInt(fallback.riskScore()),
        observable.path("name").asText(fallback.observableName()),
        observable.path("type").asText(fallback.observableType()),
        observable.path("role").path(0).asText(fallback.observableRole()),
        root.path("how_to_implement").asText(fallback.howToImplement()),
        root.path("known_false_positives").asText(fallback.knownFalsePositives()));
  }
}
