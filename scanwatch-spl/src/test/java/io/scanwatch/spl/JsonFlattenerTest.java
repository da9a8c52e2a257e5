package io.scanwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splunk's JSON field naming. */
class JsonFlattenerTest {

  private static final String JSON = "{\"user\":{\"username\":\"u\",\"groups\":[\"a\",\"a\","
      + "null,\"\"]},\"sourceIPs\":[\"1.1.1.1\"],\"responseStatus\":{\"code\":403.0},"
      + "\"ok\":true,\"empty\":\"\",\"none\":null,\"a\":[{\"b\":1},[2,3]]}";

  @Test
  void projectionKeepsOnlyNamedFields() {
    Record record = JsonFlattener.flatten(JSON,
        java.util.Set.of("user.groups{}", "sourceIPs{}", "a{}.b"));

    assertThat(record.fieldNames()).containsExactlyInAnyOrder("user.groups{}", "sourceIPs{}",
        "a{}.b");
    assertThat(record.values("user.groups{}")).containsExactly("a", "a");
    assertThat(record.values("a{}.b")).containsExactly("1");
  }

  @Test
  void deepNesting_namesEveryLevel() {
    String json = "{\"a\":" + "[".repeat(900) + "{\"b\":1}" + "]".repeat(900) + ",\"c\":2}";

    Record record = JsonFlattener.flatten(json);
    Record projected = JsonFlattener.flatten(json, java.util.Set.of("a" + "{}".repeat(900) + ".b"));

    assertThat(record.values("a" + "{}".repeat(900) + ".b")).containsExactly("1");
    assertThat(record.values("c")).containsExactly("2");
    assertThat(projected.fieldNames()).containsExactly("a" + "{}".repeat(900) + ".b");
  }

  @Test
  void flattensNamesAndValues() {
    Record record = JsonFlattener.flatten(JSON);
    assertThat(record.values("user.username")).containsExactly("u");
    assertThat(record.values("user.groups{}")).containsExactly("a", "a");
    assertThat(record.values("sourceIPs{}")).containsExactly("1.1.1.1");
    assertThat(record.values("responseStatus.code")).containsExactly("403.0");
    assertThat(record.values("ok")).containsExactly("true");
    assertThat(record.has("empty")).isFalse();
    assertThat(record.has("none")).isFalse();
    assertThat(record.values("a{}")).isEmpty();
    assertThat(record.values("a{}.b")).containsExactly("1");
    assertThat(record.values("a{}{}")).containsExactly("2", "3");
  }

  @Test
  void treeAndTextAgreeOnNames() throws Exception {
    Record tree = JsonFlattener.flatten(new ObjectMapper().readTree(JSON));
    assertThat(tree.fieldNames()).containsExactlyElementsOf(
        JsonFlattener.flatten(JSON).fieldNames());
    assertThat(tree.values("user.groups{}")).isEqualTo(List.of("a", "a"));
  }
}
