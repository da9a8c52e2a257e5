package io.scanwatch.core.robust;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Path rules of the robust detection. Paths are compared without their query string and with
 * case, as the API server routes them.
 *
 * <p>A path with an empty, {@code .} or {@code ..} segment, or with a {@code %} escape, is never
 * public and never a health path, so that {@code /healthz/../api/v1/secrets} cannot hide among
 * health probes.
 */
final class ApiPaths {

  /** Paths an anonymous user may read on a default cluster. */
  static final Set<String> PUBLIC_PATHS =
      Set.of("/version", "/.well-known/openid-configuration", "/openid/v1/jwks");

  /** Health endpoints; paths below them ({@code /readyz/etcd}) count as well. */
  static final List<String> HEALTH_PATHS = List.of("/healthz", "/livez", "/readyz");

  private ApiPaths() {}

  /** Returns the request URI up to its first {@code ?}. */
  static String withoutQuery(String requestUri) {
    int query = requestUri.indexOf('?');
    return query < 0 ? requestUri : requestUri.substring(0, query);
  }

  /** Tests whether a path without query string is {@code /healthz}, {@code /livez}, {@code
   * /readyz} or below one of them. */
  static boolean isHealthPath(String path) {
    if (!isPlain(path)) {
      return false;
    }
    for (String health : HEALTH_PATHS) {
      if (path.equals(health)
          || (path.startsWith(health) && path.charAt(health.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /** Tests whether a path without query string is a health path or one of {@link #PUBLIC_PATHS}. */
  static boolean isPublicPath(String path) {
    return isHealthPath(path) || (isPlain(path) && PUBLIC_PATHS.contains(path));
  }

  /**
   * Returns the first segment of {@code path} that is in {@code sensitiveSegments}, or null. A
   * trailing slash makes no segment.
   */
  static String sensitiveSegment(String path, Collection<String> sensitiveSegments) {
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      String segment = path.substring(start, end);
      if (!segment.isEmpty() && sensitiveSegments.contains(segment)) {
        return segment;
      }
      if (slash < 0) {
        return null;
      }
      start = slash + 1;
    }
    return null;
  }

  /**
   * Tests that a path starts with {@code /}, and has no empty, {@code .} or {@code ..} segment
   * and no {@code %}. A trailing slash is allowed.
   */
  private static boolean isPlain(String path) {
    if (path.isEmpty() || path.charAt(0) != '/' || path.indexOf('%') >= 0) {
      return false;
    }
    int length = path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length();
    String body = path.substring(1, length);
    for (String segment : body.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return length == 1;
      }
    }
    return true;
  }
}
