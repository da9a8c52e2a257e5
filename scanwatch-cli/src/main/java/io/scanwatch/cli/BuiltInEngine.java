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
    try {
      return metadata(YamlTree.read(file), fallback);
    } catch (IOException | IllegalArgumentException e) {
      return fallback;
    }
  }

  /** Tests whether the file is an ESCU macro file: a {@code definition} and no {@code search}. */
  static boolean isMacroFile(Path file) {
    try {
      JsonNode root = YamlTree.read(file);
      return root.has("definition") && !root.has("search");
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Tests whether a valid YAML file is something other than a detection or macro file: not a
   * mapping, or a mapping with none of {@code search}, {@code name}, {@code id}, {@code engine}
   * and {@code definition}, such as an allowlist kept beside the detections.
   */
  static boolean isOtherYaml(Path file) {
    try {
      JsonNode root = YamlTree.read(file);
      if (root == null || !root.isObject()) {
        return true;
      }
      for (String key : List.of("search", "name", "id", "engine", "definition")) {
        if (root.has(key)) {
          return false;
        }
      }
      return true;
    } catch (IOException | IllegalArgumentException e) {
      // Invalid YAML is reported when the file is loaded as a detection.
      return false;
    }
  }

  /** The file name of the bundled detection that runs on the robust engine. */
  static final String BUNDLED_ROBUST = "eks_unauthenticated_scan.yml";

  /**
   * Returns the metadata of the bundled robust detection file, which {@code --detection robust}
   * findings carry, so that they are labelled the same whichever way the detection was chosen.
   */
  static DetectionMetadata bundledRobust() {
    try (java.io.InputStream in = DetectionsCommand.resource(BUNDLED_ROBUST)) {
      return metadata(YamlTree.read(in, BUNDLED_ROBUST), DetectionMetadata.EKS_CLUSTER_SCAN);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("the bundled " + BUNDLED_ROBUST + " cannot be read", e);
    }
  }

  private static DetectionMetadata metadata(JsonNode root, DetectionMetadata fallback) {
    if (root == null || root.isMissingNode()) {
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
