package io.scanwatch.output.robust;

import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a robust detection row in JSON and CSV, in output order, and how enums and shares
 * are written.
 *
 * <p>Enums are written in lower case: {@link Severity} by its name ({@code critical} to {@code
 * info}), {@link AddressScope} by its name ({@code public}, {@code non_public}, {@code invalid}),
 * and {@link IpRole} as {@code peer} ({@link IpRole#CONNECTING_PEER}), {@code forwarded} ({@link
 * IpRole#FORWARDED_FOR_ONLY}) or {@code both}.
 *
 * <p>A health probe row has fewer fields than a scan row. It is written with severity {@code info}
 * and its single reason {@value HealthProbeRow#REASON}, and with 0 for {@link #PEER_REQUESTS},
 * {@link #FORWARDED_REQUESTS} and the four shares, and empty lists for {@link #REQUEST_URIS},
 * {@link #VERBS}, {@link #STATUS_REASONS} and {@link #SCANNER_NAMES}, because {@link
 * HealthProbeRow} does not carry them. Those zeros mean "not counted", not "none".
 */
public final class RobustColumns {

  public static final String ROW_TYPE = "row_type";
  public static final String SRC_IP = "src_ip";
  public static final String COUNT = "count";
  public static final String SEVERITY = "severity";
  public static final String SEVERITY_REASONS = "severity_reasons";
  public static final String FIRST_TIME = "first_time";
  public static final String LAST_TIME = "last_time";
  public static final String ADDRESS_SCOPE = "address_scope";
  public static final String ADDRESS_RANGE = "address_range";
  public static final String IP_ROLE = "ip_role";
  public static final String PEER_REQUESTS = "peer_requests";
  public static final String FORWARDED_REQUESTS = "forwarded_requests";
  public static final String PATHS = "paths";
  public static final String REQUEST_URIS = "request_uris";
  public static final String VERBS = "verbs";
  public static final String CODES = "codes";
  public static final String STATUS_REASONS = "status_reasons";
  public static final String USER_AGENTS = "user_agents";
  public static final String USER_GROUPS = "user_groups";
  public static final String SCANNER_NAMES = "scanner_names";
  public static final String CLUSTERS = "clusters";
  public static final String SOURCES = "sources";
  public static final String SHARE_2XX = "share_2xx";
  public static final String SHARE_401 = "share_401";
  public static final String SHARE_403 = "share_403";
  public static final String SHARE_404 = "share_404";
  public static final String DETECTION_ID = "detection_id";
  public static final String DETECTION_NAME = "detection_name";
  public static final String DETECTION_VERSION = "detection_version";
  public static final String MITRE_ATTACK_ID = "mitre_attack_id";
  public static final String RISK_SCORE = "risk_score";

  /** The {@link #ROW_TYPE} of a scan row. */
  public static final String SCAN_ROW = "scan";

  /** The {@link #ROW_TYPE} of a health probe row. */
  public static final String HEALTH_PROBE_ROW = "health_probe";

  /** Decimal places of a share. */
  public static final int SHARE_SCALE = 4;

  /** The fields of every row, in output order: the CSV header. */
  public static final List<String> ROW_KEYS =
      List.of(
          ROW_TYPE, SRC_IP, COUNT, SEVERITY, SEVERITY_REASONS, FIRST_TIME, LAST_TIME,
          ADDRESS_SCOPE, ADDRESS_RANGE, IP_ROLE, PEER_REQUESTS, FORWARDED_REQUESTS, PATHS,
          REQUEST_URIS, VERBS, CODES, STATUS_REASONS, USER_AGENTS, USER_GROUPS, SCANNER_NAMES,
          CLUSTERS, SOURCES, SHARE_2XX, SHARE_401, SHARE_403, SHARE_404);

  /** The detection metadata that JSON adds after {@link #ROW_KEYS} in every object. */
  public static final List<String> METADATA_KEYS =
      List.of(DETECTION_ID, DETECTION_NAME, DETECTION_VERSION, MITRE_ATTACK_ID, RISK_SCORE);

  private RobustColumns() {}

  /** Returns the lower-case name of a severity, such as {@code critical}. */
  public static String severityName(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  /** Returns {@code public}, {@code non_public} or {@code invalid}. */
  public static String scopeName(AddressScope scope) {
    return scope.name().toLowerCase(Locale.ROOT);
  }

  /** Returns {@code peer}, {@code forwarded} or {@code both}. */
  public static String roleName(IpRole role) {
    return switch (role) {
      case CONNECTING_PEER -> "peer";
      case FORWARDED_FOR_ONLY -> "forwarded";
      case BOTH -> "both";
    };
  }

  /**
   * Returns {@code count / requests} rounded half up to {@link #SHARE_SCALE} decimals, trailing
   * zeros removed ({@code 0}, {@code 0.5}, {@code 0.3333}, {@code 1}), or 0 when {@code requests}
   * is 0. The division is exact decimal arithmetic, so no binary rounding error moves a half. As in
   * {@link ResponseShares}, a request with several response codes counts in each of their classes,
   * so the four shares of a row can add up to more than 1.
   */
  public static BigDecimal share(long count, long requests) {
    if (requests == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal share =
        BigDecimal.valueOf(count).divide(BigDecimal.valueOf(requests), SHARE_SCALE,
            RoundingMode.HALF_UP);
    return share.signum() == 0 ? BigDecimal.ZERO : share.stripTrailingZeros();
  }
}
