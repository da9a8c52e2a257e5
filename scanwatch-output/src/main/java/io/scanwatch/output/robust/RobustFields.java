package io.scanwatch.output.robust;

import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.TimeFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a row in {@link RobustColumns#ROW_KEYS} order, shared by the JSON and CSV writers
 * so that both write the same values.
 */
final class RobustFields {

  /**
   * One field of a row.
   *
   * @param value a {@code String} (null for {@link RobustColumns#ADDRESS_RANGE} when there is
   *     none), a {@code Long}, a {@code BigDecimal} share or a {@code List<String>}
   */
  record Field(String key, Object value) {}

  private RobustFields() {}

  static List<Field> of(RobustRow row, TimeFormat timeFormat) {
    ResponseShares responses = row.responses();
    List<Field> fields = new ArrayList<>(RobustColumns.ROW_KEYS.size());
    fields.add(new Field(RobustColumns.ROW_TYPE, RobustColumns.SCAN_ROW));
    fields.add(new Field(RobustColumns.SRC_IP, row.address()));
    fields.add(new Field(RobustColumns.COUNT, row.requests()));
    fields.add(new Field(RobustColumns.SEVERITY, RobustColumns.severityName(row.severity())));
    fields.add(new Field(RobustColumns.SEVERITY_REASONS, row.reasons()));
    fields.add(new Field(RobustColumns.FIRST_TIME, timeFormat.format(row.firstMicros())));
    fields.add(new Field(RobustColumns.LAST_TIME, timeFormat.format(row.lastMicros())));

    fields.add(new Field(RobustColumns.ADDRESS_SCOPE, RobustColumns.scopeName(row.scope())));
    fields.add(new Field(RobustColumns.ADDRESS_RANGE, row.addressRange()));
    fields.add(new Field(RobustColumns.IP_ROLE, RobustColumns.roleName(row.role())));
    fields.add(new Field(RobustColumns.PEER_REQUESTS, row.peerRequests()));
    fields.add(new Field(RobustColumns.FORWARDED_REQUESTS, row.forwardedRequests()));

    fields.add(new Field(RobustColumns.PATHS, row.paths()));
    fields.add(new Field(RobustColumns.REQUEST_URIS, row.requestUris()));
    fields.add(new Field(RobustColumns.VERBS, row.verbs()));
    fields.add(new Field(RobustColumns.CODES, row.codes()));
    fields.add(new Field(RobustColumns.STATUS_REASONS, row.statusReasons()));
    fields.add(new Field(RobustColumns.USER_AGENTS, row.userAgents()));
    fields.add(new Field(RobustColumns.USER_GROUPS, row.groups()));
    fields.add(new Field(RobustColumns.SCANNER_NAMES, row.scannerNames()));
    fields.add(new Field(RobustColumns.CLUSTERS, row.clusters()));
    fields.add(new Field(RobustColumns.SOURCES, row.sources()));

    long requests = responses.requests();
    fields.add(new Field(RobustColumns.SHARE_2XX,
        RobustColumns.share(responses.success(), requests)));
    fields.add(new Field(RobustColumns.SHARE_401,
        RobustColumns.share(responses.unauthorized(), requests)));
    fields.add(new Field(RobustColumns.SHARE_403,
        RobustColumns.share(responses.forbidden(), requests)));
    fields.add(new Field(RobustColumns.SHARE_404,
        RobustColumns.share(responses.notFound(), requests)));
    return fields;
  }

  /** Returns the fields of a health probe row, filled as {@link RobustColumns} states. */
  static List<Field> of(HealthProbeRow row, TimeFormat timeFormat) {
    List<Field> fields = new ArrayList<>(RobustColumns.ROW_KEYS.size());
    fields.add(new Field(RobustColumns.ROW_TYPE, RobustColumns.HEALTH_PROBE_ROW));
    fields.add(new Field(RobustColumns.SRC_IP, row.address()));
    fields.add(new Field(RobustColumns.COUNT, row.requests()));
    fields.add(new Field(RobustColumns.SEVERITY, RobustColumns.severityName(row.severity())));
    fields.add(new Field(RobustColumns.SEVERITY_REASONS, row.reasons()));
    fields.add(new Field(RobustColumns.FIRST_TIME, timeFormat.format(row.firstMicros())));
    fields.add(new Field(RobustColumns.LAST_TIME, timeFormat.format(row.lastMicros())));
    fields.add(new Field(RobustColumns.ADDRESS_SCOPE, RobustColumns.scopeName(row.scope())));
    fields.add(new Field(RobustColumns.ADDRESS_RANGE, row.addressRange()));
    fields.add(new Field(RobustColumns.IP_ROLE, RobustColumns.roleName(row.role())));
    fields.add(new Field(RobustColumns.PEER_REQUESTS, 0L));
    fields.add(new Field(RobustColumns.FORWARDED_REQUESTS, 0L));
    fields.add(new Field(RobustColumns.PATHS, row.paths()));
    fields.add(new Field(RobustColumns.REQUEST_URIS, List.of()));
    fields.add(new Field(RobustColumns.VERBS, List.of()));
    fields.add(new Field(RobustColumns.CODES, row.codes()));
    fields.add(new Field(RobustColumns.STATUS_REASONS, List.of()));
    fields.add(new Field(RobustColumns.USER_AGENTS, row.userAgents()));
    fields.add(new Field(RobustColumns.USER_GROUPS, List.of()));
    fields.add(new Field(RobustColumns.SCANNER_NAMES, List.of()));
    fields.add(new Field(RobustColumns.CLUSTERS, row.clusters()));
    fields.add(new Field(RobustColumns.SOURCES, row.sources()));
    fields.add(new Field(RobustColumns.SHARE_2XX, BigDecimal.ZERO));
    fields.add(new Field(RobustColumns.SHARE_401, BigDecimal.ZERO));
    fields.add(new Field(RobustColumns.SHARE_403, BigDecimal.ZERO));
    fields.add(new Field(RobustColumns.SHARE_404, BigDecimal.ZERO));
    return fields;
  }

  /** Returns the fields of {@link RobustColumns#METADATA_KEYS}. */
  static List<Field> of(DetectionMetadata metadata) {
    return List.of(
        new Field(RobustColumns.DETECTION_ID, metadata.id()),
        new Field(RobustColumns.DETECTION_NAME, metadata.name()),
        new Field(RobustColumns.DETECTION_VERSION, (long) metadata.version()),
        new Field(RobustColumns.MITRE_ATTACK_ID, metadata.mitreAttackIds()),
        new Field(RobustColumns.RISK_SCORE, (long) metadata.riskScore()));
  }
}
