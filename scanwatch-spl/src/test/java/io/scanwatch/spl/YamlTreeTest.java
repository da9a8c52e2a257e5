package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML tree reader gives Jackson's mapper tree and rejects what the mapper hides. */
class YamlTreeTest {

  private static final String DETECTION = String.join("\n",
      "name: Example detection",
      "id: 9d2c8f2e-0000-4000-8000-000000000001",
      "version: 3",
      "ratio: 0.25",
      "big: 123456789012345678901234567890",
      "long: 9876543210",
      "enabled: true",
      "off: false",
      "nothing: null",
      "empty:",
      "quoted: '42'",
      "search: '`macro` user=\"system:anonymous\" | stats count by src_ip'",
      "description: >-",
      "  folded",
      "  text",
      "tags:",
      "  analytic_story:",
      "  - Story one",
      "  - Story two",
      "  observable:",
      "  - name: src_ip",
      "    role: [Attacker]",
      "  nested: {a: [1, [2, {b: c}]]}",
      "");

  private static JsonNode read(String yaml) throws IOException {
    return YamlTree.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
  }

  @Test
  void tree_sameAsMapper() throws IOException {
    JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(DETECTION);
    JsonNode tree = read(DETECTION);
    assertThat(tree).isEqualTo(expected);
    assertThat(tree.get("version").isInt()).isTrue();
    assertThat(tree.get("long").isLong()).isTrue();
    assertThat(tree.get("big").isBigInteger()).isTrue();
    assertThat(tree.get("quoted").isTextual()).isTrue();
    assertThat(tree.get("description").asText()).isEqualTo("folded text");
    assertThat(tree.path("tags").path("nested").path("a").path(1).path(1).path("b").asText())
        .isEqualTo("c");
  }

  @Test
  void secondDocument_rejected() {
    assertThatThrownBy(() -> read("a: 1\n---\na: 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.yml:").hasMessageContaining(": a second YAML document;");
  }

  @Test
  void binaryValue_rejected() {
    assertThatThrownBy(() -> read("search: !!binary YGF3c19jbG91ZHdhdGNobG9nc19la3NgIA==\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.yml:1: binary values (!!binary) are not supported; write the text itself");
  }

  @Test
  void invalidUtf8_rejected() {
    byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> YamlTree.read(new ByteArrayInputStream(latin1), "t.yml"))
        .isInstanceOf(YamlTree.InvalidYamlException.class)
        .hasMessage("t.yml: not valid UTF-8 text");
  }

  @Test
  void largeFile_rejectedBeforeParsing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.yml");
    Files.writeString(file, "description: '" + "A".repeat((int) YamlTree.MAX_BYTES) + "'\n");

    assertThatThrownBy(() -> YamlTree.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": larger than 1 MiB, which no detection, macro or allowlist file "
            + "needs");
  }

  @Test
  void emptyText_missingNode() throws IOException {
    assertThat(read("").isMissingNode()).isTrue();
    assertThat(read("# only a comment\n").isMissingNode()).isTrue();
    assertThat(read("just text").asText()).isEqualTo("just text");
  }

  @Test
  void invalidYaml_locatedWithoutExcerpts() {
    assertThatThrownBy(() -> read("name: x\nsearch: \"abc\n"))
        .isInstanceOf(YamlTree.InvalidYamlException.class)
        .hasMessage("t.yml:2:7: invalid YAML: while scanning a quoted scalar: found unexpected "
            + "end of stream");
  }

  @Test
  void duplicateKey_rejected() {
    assertThatThrownBy(() -> read("search: one\nname: x\nsearch: two\n"))
        .isInstanceOf(IOException.class).hasMessageContaining("search");
  }

  @Test
  void alias_rejectedWithLine() {
    assertThatThrownBy(() -> read("base: &b value\nother: x\ncopy: *b\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.yml:3: YAML aliases (*name) are not supported; write the values out");
  }

  @Test
  void deepNesting_rejected() {
    String deep = "[".repeat(YamlTree.MAX_DEPTH + 2) + "]".repeat(YamlTree.MAX_DEPTH + 2);
    assertThatThrownBy(() -> read(deep)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper than " + YamlTree.MAX_DEPTH);
    String fine = "[".repeat(YamlTree.MAX_DEPTH) + "]".repeat(YamlTree.MAX_DEPTH);
    assertThat(YamlTreeTest.depth(readUnchecked(fine))).isEqualTo(YamlTree.MAX_DEPTH);
  }

  @Test
  void file_namedInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("d.yml");
    Files.writeString(file, "a: &x 1\nb: *x\n");
    assertThatThrownBy(() -> YamlTree.read(file)).hasMessageStartingWith(file + ":2: ");
  }

  private static JsonNode readUnchecked(String yaml) {
    try {
      return read(yaml);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int depth(JsonNode node) {
    int depth = 0;
    for (JsonNode current = node; current.isArray() && current.size() > 0; current = current.get(0)) {
      depth++;
    }
    return depth + 1;
  }
}
