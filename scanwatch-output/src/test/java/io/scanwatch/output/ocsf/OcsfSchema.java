package io.scanwatch.output.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Detection Finding class and the objects it refers to, compiled from the OCSF 1.1.0 source
 * files in a folder laid out as the ocsf/ocsf-schema repository.
 *
 * <p>Attributes are compiled this way: a class or object starts from the
 * attributes of what it {@code extends}, then merges its {@code $include} files, then its own
 * declarations, and a later definition overrides the {@code requirement} and adds to the {@code
 * enum} of an earlier one. Attributes that only a profile adds belong to an event only when its
 * {@code metadata.profiles} lists that profile.
 */
final class OcsfSchema {

  /** An attribute of a class or object, compiled from every file that declares it. */
  record Attribute(
      String name, String requirement, String type, Set<String> enumIds, String profile) {

    boolean isRequired() {
      return "required".equals(requirement);
    }

    boolean isRecommended() {
      return "recommended".equals(requirement);
    }
  }

  /** The compiled attributes and {@code at_least_one} constraint of a class or object. */
  record Definition(String name, Map<String, Attribute> attributes, List<String> atLeastOne) {}

  /**
   * The requirement of the attributes of {@code includes/classification.json} and {@code
   * includes/occurrence.json}, used when the folder lacks them, because the copy this test reads
   * has the event and object files but not the includes.
   *
   * <p>NOTE: copied from those files of ocsf/ocsf-schema at a commit that may differ from the
   * v1.1.0 tag.
   */
  private static final Map<String, Map<String, String>> INCLUDE_FALLBACK =
      Map.of(
          "includes/classification.json",
          Map.of(
              "activity_id", "required",
              "activity_name", "optional",
              "category_name", "optional",
              "category_uid", "required",
              "class_name", "optional",
              "class_uid", "required",
              "type_name", "optional",
              "type_uid", "required"),
          "includes/occurrence.json",
          Map.of(
              "count", "optional",
              "duration", "optional",
              "end_time", "optional",
              "start_time", "optional",
              "time", "required",
              "timezone_offset", "recommended"));

  private static final List<String> CLASS_CHAIN =
      List.of(
          "events/base_event.json",
          "events/findings/finding.json",
          "events/findings/detection_finding.json");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;
  private final JsonNode dictionary;
  private final JsonNode categories;

  private OcsfSchema(Path dir) throws IOException {
    this.dir = dir;
    this.dictionary = read("dictionary.json");
    this.categories = read("categories.json");
  }

  static OcsfSchema load(Path dir) throws IOException {
    return new OcsfSchema(dir);
  }

  JsonNode read(String relativePath) throws IOException {
    return MAPPER.readTree(dir.resolve(relativePath).toFile());
  }

  /** Returns the {@code class_uid}: the category's uid times 1000 plus the class's own uid. */
  int classUid() throws IOException {
    JsonNode detection = read(CLASS_CHAIN.get(CLASS_CHAIN.size() - 1));
    return categoryUid() * 1000 + detection.path("uid").asInt();
  }

  int categoryUid() throws IOException {
    JsonNode detection = read(CLASS_CHAIN.get(CLASS_CHAIN.size() - 1));
    return categories.path("attributes").path(detection.path("category").asText()).path("uid")
        .asInt();
  }

  String categoryCaption() throws IOException {
    JsonNode detection = read(CLASS_CHAIN.get(CLASS_CHAIN.size() - 1));
    return categories.path("attributes").path(detection.path("category").asText())
        .path("caption").asText();
  }

  String classCaption() throws IOException {
    return read(CLASS_CHAIN.get(CLASS_CHAIN.size() - 1)).path("caption").asText();
  }

  /** Compiles the Detection Finding class from base_event through finding. */
  Definition detectionFinding(Set<String> profiles) throws IOException {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    for (String file : CLASS_CHAIN) {
      mergeFile(read(file), attributes);
    }
    return new Definition("detection_finding", applyProfiles(attributes, profiles), List.of());
  }

  /** Compiles the object {@code name} from {@code objects/<name>.json} and what it extends. */
  Definition object(String name, Set<String> profiles) throws IOException {
    List<JsonNode> chain = new ArrayList<>();
    String current = name;
    while (current != null && Files.exists(dir.resolve("objects/" + current + ".json"))) {
      JsonNode node = read("objects/" + current + ".json");
      chain.add(0, node);
      current = node.hasNonNull("extends") ? node.get("extends").asText() : null;
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no objects/" + name + ".json in " + dir);
    }
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    List<String> atLeastOne = List.of();
    for (JsonNode node : chain) {
      mergeFile(node, attributes);
      JsonNode constraint = node.path("constraints").path("at_least_one");
      if (constraint.isArray()) {
        atLeastOne = texts(constraint);
      }
    }
    return new Definition(name, applyProfiles(attributes, profiles), atLeastOne);
  }

  /** Returns the dictionary entry of an attribute, or a missing node. */
  JsonNode dictionaryAttribute(String name) {
    return dictionary.path("attributes").path(name);
  }

  /** Returns the dictionary data type {@code name}, or a missing node for an object type. */
  JsonNode dataType(String name) {
    return dictionary.path("types").path("attributes").path(name);
  }

  /**
   * Returns the observable {@code type_id} values: 0 and 99, and the {@code observable} number of
   * every dictionary data type and object, which the schema compiles into the enum.
   */
  Map<Integer, String> observableTypes() throws IOException {
    Map<Integer, String> ids = new LinkedHashMap<>();
    ids.put(0, "Unknown");
    ids.put(99, "Other");
    Iterator<Map.Entry<String, JsonNode>> types = dictionary.path("types").path("attributes")
        .fields();
    while (types.hasNext()) {
      JsonNode type = types.next().getValue();
      if (type.has("observable")) {
        ids.put(type.get("observable").asInt(), type.path("caption").asText());
      }
    }
    try (var files = Files.list(dir.resolve("objects"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode object = MAPPER.readTree(file.toFile());
        if (object.has("observable")) {
          ids.put(object.get("observable").asInt(), object.path("caption").asText());
        }
      }
    }
    return ids;
  }

  private void mergeFile(JsonNode file, Map<String, Attribute> attributes) throws IOException {
    JsonNode declared = file.path("attributes");
    for (String include : texts(declared.path("$include"))) {
      mergeInclude(include, attributes);
    }
    mergeAttributes(declared, null, attributes);
  }

  private void mergeInclude(String include, Map<String, Attribute> attributes)
      throws IOException {
    Path path = dir.resolve(include);
    String profile = null;
    if (include.startsWith("profiles/")) {
      profile = include.substring("profiles/".length(), include.length() - ".json".length());
    }
    if (Files.exists(path)) {
      mergeAttributes(read(include).path("attributes"), profile, attributes);
      return;
    }
    Map<String, String> fallback = INCLUDE_FALLBACK.get(include);
    if (fallback == null) {
      throw new IllegalStateException(include + " is missing from " + dir);
    }
    ObjectNode declared = MAPPER.createObjectNode();
    fallback.forEach((name, requirement) -> declared.putObject(name).put("requirement",
        requirement));
    mergeAttributes(declared, profile, attributes);
  }

  private void mergeAttributes(JsonNode declared, String profile,
      Map<String, Attribute> attributes) {
    Iterator<Map.Entry<String, JsonNode>> fields = declared.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("$include")) {
        continue;
      }
      JsonNode node = field.getValue();
      Attribute earlier = attributes.get(name);
      String requirement = node.path("requirement").asText(null);
      if (requirement == null) {
        requirement = earlier != null ? earlier.requirement() : "optional";
      }
      String type = node.path("type").asText(null);
      if (type == null) {
        type = earlier != null ? earlier.type() : dictionaryAttribute(name).path("type")
            .asText(null);
      }
      Set<String> enumIds = new LinkedHashSet<>(texts(dictionaryAttribute(name).path("enum")
          .fieldNames()));
      if (earlier != null) {
        enumIds.addAll(earlier.enumIds());
      }
      enumIds.addAll(texts(node.path("enum").fieldNames()));
      // An attribute that a class or object declares itself belongs to it without a profile.
      String owner = earlier == null ? profile : (profile == null ? null : earlier.profile());
      attributes.put(name, new Attribute(name, requirement, type, enumIds, owner));
    }
  }

  private static Map<String, Attribute> applyProfiles(Map<String, Attribute> attributes,
      Set<String> profiles) {
    Map<String, Attribute> applied = new LinkedHashMap<>();
    attributes.forEach((name, attribute) -> {
      if (attribute.profile() == null || profiles.contains(attribute.profile())) {
        applied.put(name, attribute);
      }
    });
    return applied;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> texts(Iterator<String> names) {
    List<String> values = new ArrayList<>();
    names.forEachRemaining(values::add);
    return values;
  }
}
