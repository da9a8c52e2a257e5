package io.scanwatch.spl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads ESCU detection YAML files. */
public final class DetectionFile {

  private DetectionFile() {}

  /** Loads with {@link SearchOptions#DEFAULTS}. */
  public static Detection load(Path file, MacroLibrary macros, Map<String, String> parameters)
      throws IOException {
    return load(file, macros, parameters, SearchOptions.DEFAULTS);
  }

  /**
   * Reads the metadata and compiles the {@code search}, expanding macros and
   * {@code $token$} parameters.
   *
   * @throws IOException if the file cannot be read or is not YAML
   * @throws IllegalArgumentException if the file has no {@code search}
   * @throws SplException if the search is invalid or outside the supported subset; its
   *     {@link SplException#source()} is the file name
   */
  public static Detection load(Path file, MacroLibrary macros, Map<String, String> parameters,
      SearchOptions options) throws IOException {
    JsonNode root = YamlTree.read(file);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": not an ESCU detection (a YAML mapping)");
    }
    if (root.has("search") && !root.get("search").isTextual()) {
      throw new IllegalArgumentException(file + ": 'search' must be a string");
    }
    EscuMetadata metadata = metadata(root);
    if (metadata.search() == null || metadata.search().isBlank()) {
      throw new IllegalArgumentException(file + ": the detection has no 'search'");
    }
    String label = String.valueOf(file.getFileName());
    CompiledSearch search = Spl.compile(metadata.search(), macros, parameters, label, options);
    return new Detection(file, metadata, search);
  }

  /** Reads the metadata fields of a parsed detection file. */
  static EscuMetadata metadata(JsonNode root) {
    JsonNode tags = root.path("tags");
    return new EscuMetadata(text(root, "name"), text(root, "id"), number(root, "version"),
        text(root, "date"), text(root, "author"), text(root, "type"),
        text(root, "description"), texts(root.path("data_source")), text(root, "search"),
        text(root, "how_to_implement"), text(root, "known_false_positives"),
        texts(root.path("references")), tags(tags));
  }

  private static EscuTags tags(JsonNode tags) {
    List<EscuTags.Observable> observables = new ArrayList<>();
    for (JsonNode observable : tags.path("observable")) {
      observables.add(new EscuTags.Observable(text(observable, "name"),
          text(observable, "type"), texts(observable.path("role"))));
    }
    return new EscuTags(texts(tags.path("analytic_story")), text(tags, "asset_type"),
        number(tags, "confidence"), number(tags, "impact"), texts(tags.path("mitre_attack_id")),
        observables, texts(tags.path("product")), texts(tags.path("required_fields")),
        number(tags, "risk_score"), text(tags, "security_domain"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static Integer number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() && !value.isTextual()) {
      return null;
    }
    String text = value.asText();
    return text.matches("-?[0-9]{1,9}") ? Integer.valueOf(text) : null;
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    } else if (node.isValueNode() && !node.isNull()) {
      values.add(node.asText());
    }
    return values;
  }
}
