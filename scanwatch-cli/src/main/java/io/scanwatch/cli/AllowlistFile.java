package io.scanwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.scanwatch.core.robust.AllowlistEntry;
import io.scanwatch.spl.YamlTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an allowlist file: YAML with a list of entries under {@code allow}, each with a
 * {@code reason} and at least one of {@code cidrs}, {@code user_agents}, {@code paths} and
 * {@code clusters} (each a list of strings; user agents and paths are globs with {@code *} and
 * {@code ?}).
 *
 * <pre>
 * allow:
 *   - reason: internal load balancer health checks
 *     cidrs: [10.0.0.0/8]
 *     user_agents: ["ELB-HealthChecker/*"]
 *     paths: ["/healthz", "/readyz*"]
 * </pre>
 */
final class AllowlistFile {

  private static final Set<String> KEYS =
      Set.of("reason", "cidrs", "user_agents", "userAgents", "paths", "clusters");

  private AllowlistFile() {}

  /**
   * Parses the file's entries.
   *
   * @throws IllegalArgumentException with the file, the entry number and what is wrong
   * @throws IOException if the file cannot be read
   */
  static List<AllowlistEntry> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = YamlTree.read(file);
    } catch (YamlTree.InvalidYamlException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    JsonNode list = root == null ? null : (root.isArray() ? root : root.get("allow"));
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(file + ": expected a list of entries under 'allow'");
    }
    List<AllowlistEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = file + ": entry " + (i + 1);
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        throw new IllegalArgumentException(where + ": expected a mapping with a reason");
      }
      for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!KEYS.contains(name)) {
          throw new IllegalArgumentException(where + ": unknown key '" + name
              + "'; use reason, cidrs, user_agents, paths or clusters");
        }
      }
      JsonNode reason = entry.get("reason");
      if (reason != null && reason.isValueNode() && !reason.isNull() && !reason.isTextual()) {
        text(reason, where + ": reason");
      }
      if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
        throw new IllegalArgumentException(where + ": missing reason");
      }
      if (entry.has("user_agents") && entry.has("userAgents")) {
        throw new IllegalArgumentException(where + ": both user_agents and userAgents; "
            + "give the user agents once");
      }
      JsonNode agents = entry.has("user_agents") ? entry.get("user_agents") : entry.get("userAgents");
      List<String> cidrs = strings(entry.get("cidrs"), where + ": cidrs");
      List<String> userAgents = strings(agents, where + ": user_agents");
      List<String> paths = strings(entry.get("paths"), where + ": paths");
      List<String> clusters = strings(entry.get("clusters"), where + ": clusters");
      try {
        entries.add(AllowlistEntry.of(reason.asText(), cidrs, userAgents, paths, clusters));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    return entries;
  }

  private static List<String> strings(JsonNode node, String where) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (node.isValueNode()) {
      values.add(text(node, where));
      return values;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + ": expected a list of strings");
    }
    for (JsonNode value : node) {
      if (!value.isValueNode() || value.isNull()) {
        throw new IllegalArgumentException(where + ": expected a list of strings");
      }
      values.add(text(value, where));
    }
    return values;
  }

  /**
   * Returns a string value. YAML reads unquoted {@code no}, {@code 010} or {@code 1e3} as a
   * boolean or a number, whose text is no longer what was written, so those are rejected.
   */
  private static String text(JsonNode value, String where) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + ": " + value.asText() + " is read as a "
          + (value.isBoolean() ? "boolean" : "number") + ", not text; put it in quotes");
    }
    return value.asText();
  }
}
