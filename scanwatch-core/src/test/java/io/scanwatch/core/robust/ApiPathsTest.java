package io.scanwatch.core.robust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/healthz", "/livez", "/readyz", "/readyz/etcd", "/livez/ping",
      "/healthz/", "/readyz/informer-sync"})
  void isHealthPath_healthEndpoints_true(String path) {
    assertThat(ApiPaths.isHealthPath(path)).isTrue();
    assertThat(ApiPaths.isPublicPath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/healthzz", "/HEALTHZ", "healthz", "/api/healthz",
      "/healthz/../api/v1/secrets", "/healthz/./x", "/healthz//x", "/healthz%2f..", ""})
  void isHealthPath_othersAndDotSegments_false(String path) {
    assertThat(ApiPaths.isHealthPath(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/version", "/.well-known/openid-configuration", "/openid/v1/jwks"})
  void isPublicPath_publicInfo_true(String path) {
    assertThat(ApiPaths.isPublicPath(path)).isTrue();
    assertThat(ApiPaths.isHealthPath(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/version/", "/version/x", "/api", "/openid/v1/jwks/x",
      "/metrics", "/.well-known/x"})
  void isPublicPath_others_false(String path) {
    assertThat(ApiPaths.isPublicPath(path)).isFalse();
  }

  @Test
  void withoutQuery_cutsAtFirstQuestionMark() {
    assertThat(ApiPaths.withoutQuery("/version?timeout=32s")).isEqualTo("/version");
    assertThat(ApiPaths.withoutQuery("/a?b?c")).isEqualTo("/a");
    assertThat(ApiPaths.withoutQuery("/a")).isEqualTo("/a");
  }

  @Test
  void sensitiveSegment_matchesWholeSegmentsOnly() {
    var segments = DetectionSettings.DEFAULT_SENSITIVE_SEGMENTS;

    assertThat(ApiPaths.sensitiveSegment("/api/v1/namespaces/default/secrets", segments))
        .isEqualTo("secrets");
    assertThat(ApiPaths.sensitiveSegment("/api/v1/namespaces/a/pods/b/exec", segments))
        .isEqualTo("exec");
    assertThat(ApiPaths.sensitiveSegment(
        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", segments))
        .isEqualTo("clusterrolebindings");
    assertThat(ApiPaths.sensitiveSegment("/api/v1/secretsx", segments)).isNull();
    assertThat(ApiPaths.sensitiveSegment("/api/v1/configmaps/", segments)).isNull();
    assertThat(ApiPaths.sensitiveSegment("/", segments)).isNull();
  }

  @Test
  void statusCodes_parseJsonNumberText() {
    assertThat(StatusCodes.parse("401")).isEqualTo(401);
    assertThat(StatusCodes.parse("401.0")).isEqualTo(401);
    assertThat(StatusCodes.parse("401.5")).isEqualTo(-1);
    assertThat(StatusCodes.parse("401.")).isEqualTo(-1);
    assertThat(StatusCodes.parse("4e2")).isEqualTo(-1);
    assertThat(StatusCodes.parse("")).isEqualTo(-1);
    assertThat(StatusCodes.parse("Unauthorized")).isEqualTo(-1);
  }
}
