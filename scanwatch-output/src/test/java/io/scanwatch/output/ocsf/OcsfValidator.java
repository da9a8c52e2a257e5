package io.scanwatch.output.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import io.scanwatch.output.ocsf.OcsfSchema.Attribute;
import io.scanwatch.output.ocsf.OcsfSchema.Definition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an event against the compiled Detection Finding class and the objects it contains: every
 * attribute is defined, every required attribute and an {@code at_least_one} member is present,
 * enum ids are defined, and values have the JSON type of their data type. Types are checked
 * loosely: integral numbers for {@code integer_t}, {@code long_t} and {@code timestamp_t}, text for
 * {@code string_t} and the types based on it, and objects for object types, whose content is
 * checked in turn except for {@code unmapped} and {@code json_t} values.
 */
final class OcsfValidator {

  private final OcsfSchema schema;
  private final Set<String> profiles;
  private final Map<String, Definition> objects = new HashMap<>();
  private final Map<Integer, String> observableTypes;
  private final List<String> errors = new ArrayList<>();

  private OcsfValidator(OcsfSchema schema, Set<String> profiles) throws IOException {
    this.schema = schema;
    this.profiles = profiles;
    this.observableTypes = schema.observableTypes();
  }

  /** Returns every violation in {@code event} as a path and a message, or none when it is valid. */
  static List<String> validate(OcsfSchema schema, JsonNode event) throws IOException {
    Set<String> profiles = new LinkedHashSet<>();
    event.path("metadata").path("profiles").forEach(profile -> profiles.add(profile.asText()));
    OcsfValidator validator = new OcsfValidator(schema, profiles);
    validator.checkObject("", event, schema.detectionFinding(profiles));
    return validator.errors;
  }

  private void checkObject(String path, JsonNode node, Definition definition) throws IOException {
    for (Attribute attribute : definition.attributes().values()) {
      if (attribute.isRequired() && !node.has(attribute.name())) {
        errors.add(path + attribute.name() + ": required by " + definition.name() + " but missing");
      }
    }
    if (!definition.atLeastOne().isEmpty()
        && definition.atLeastOne().stream().noneMatch(node::has)) {
      String objectPath = path.isEmpty() ? "event" : path.substring(0, path.length() - 1);
      errors.add(objectPath + ": " + definition.name() + " needs one of "
          + definition.atLeastOne());
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path + field.getKey();
      Attribute attribute = definition.attributes().get(field.getKey());
      if (attribute == null) {
        errors.add(fieldPath + ": not an attribute of " + definition.name());
        continue;
      }
      checkAttribute(fieldPath, field.getValue(), attribute, definition);
    }
  }

  private void checkAttribute(String path, JsonNode value, Attribute attribute,
      Definition owner) throws IOException {
    boolean isArray = schema.dictionaryAttribute(attribute.name()).path("is_array").asBoolean();
    if (!isArray) {
      checkValue(path, value, attribute, owner);
      return;
    }
    if (!value.isArray()) {
      errors.add(path + ": expected an array of " + attribute.type() + ", found " + value);
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      checkValue(path + "[" + i + "]", value.get(i), attribute, owner);
    }
  }

  private void checkValue(String path, JsonNode value, Attribute attribute, Definition owner)
      throws IOException {
    String type = attribute.type();
    if (type == null) {
      errors.add(path + ": the dictionary gives no type");
      return;
    }
    if (type.equals("object")) {
      expect(value.isObject(), path, "an object", value);
      return;
    }
    JsonNode dataType = schema.dataType(type);
    if (dataType.isMissingNode()) {
      if (expect(value.isObject(), path, "an object of " + type, value)) {
        checkObject(path + ".", value, object(type));
      }
      return;
    }
    String base = dataType.path("type").asText(type);
    switch (base) {
      case "integer_t", "long_t" -> {
        if (expect(value.isIntegralNumber(), path, "an integer (" + type + ")", value)) {
          checkEnum(path, value.asInt(), attribute, owner);
        }
      }
      case "string_t" -> expect(value.isTextual(), path, "a string (" + type + ")", value);
      case "float_t" -> expect(value.isNumber(), path, "a number (" + type + ")", value);
      case "boolean_t" -> expect(value.isBoolean(), path, "a boolean (" + type + ")", value);
      case "json_t" -> { }
      default -> errors.add(path + ": unknown data type " + type);
    }
  }

  private void checkEnum(String path, int id, Attribute attribute, Definition owner) {
    Set<String> ids = new TreeSet<>(Comparator.comparingInt(Integer::parseInt));
    ids.addAll(attribute.enumIds());
    if (owner.name().equals("observable") && attribute.name().equals("type_id")) {
      observableTypes.keySet().forEach(key -> ids.add(String.valueOf(key)));
    }
    if (!ids.isEmpty() && !ids.contains(String.valueOf(id))) {
      errors.add(path + ": " + id + " is not in the enum " + ids);
    }
  }

  private boolean expect(boolean condition, String path, String expected, JsonNode value) {
    if (!condition) {
      errors.add(path + ": expected " + expected + ", found " + value);
    }
    return condition;
  }

  private Definition object(String name) throws IOException {
    Definition definition = objects.get(name);
    if (definition == null) {
      definition = schema.object(name, profiles);
      objects.put(name, definition);
    }
    return definition;
  }
}
