package io.scanwatch.output.ocsf;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.RobustAggregator;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.JsonText;
import io.scanwatch.output.ocsf.AttackTechniques.Technique;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the scan rows of a robust detection result as OCSF 1.1.0 Detection Finding events (class
 * 2004, category 2 Findings, activity 1 Create, type 200401), one JSON object a line in the order
 * of {@link RobustResult#rows()}. Health probe rows give no finding, because traffic that is only
 * health probes is not scanning, so a result without scan rows writes nothing.
 *
 * <p>Each finding carries:
 *
 * <ul>
 *   <li>{@code severity_id} from the row's severity (info 1 Informational up to critical 5
 *       Critical), {@code status_id} 1 New, and {@code confidence_id}, {@code impact_id} and
 *       {@code risk_score} from the detection metadata, bands as {@link OcsfLevels} states;
 *   <li>{@code time} and {@code end_time} at the row's last request and {@code start_time} at its
 *       first, in milliseconds since the epoch (microseconds floored), with {@code timezone_offset}
 *       0 because these times are UTC, and {@code count}, the row's requests;
 *   <li>{@code metadata} with the schema version, the {@code cloud} profile and a {@code uid} that
 *       the same row gives on every run, and {@code cloud.provider} {@code AWS};
 *   <li>{@code finding_info} with a {@code uid} that stays the same for a detection and address
 *       across runs ({@link #findingUid}), the analytic as a rule, and each MITRE ATT&amp;CK
 *       technique of the detection with its tactic;
 *   <li>the source address as an IP Address observable and as {@code evidences[0].src_endpoint.ip}
 *       (left out when the address is not a valid IP), and each user agent as an observable of
 *       type Other;
 *   <li>the requests in {@code evidences[0].data}, because the OCSF 1.1.0 evidence object has no
 *       HTTP request attribute, and each cluster name as an {@code AWS::EKS::Cluster} resource;
 *   <li>in {@code unmapped}: the address scope, range and role, request and response counts, the
 *       severity reasons, scanner names and the detection's catalog data.
 * </ul>
 */
public final class OcsfFindingWriter {

  /** The OCSF schema version written as {@code metadata.version}. */
  public static final String SCHEMA_VERSION = "1.1.0";

  /** The product and vendor name written in {@code metadata.product}. */
  public static final String PRODUCT_NAME = "scanwatch";

  static final int CATEGORY_UID = 2;
  static final String CATEGORY_NAME = "Findings";
  static final int CLASS_UID = 2004;
  static final String CLASS_NAME = "Detection Finding";
  static final int ACTIVITY_CREATE = 1;
  static final int TYPE_UID = CLASS_UID * 100 + ACTIVITY_CREATE;
  static final int STATUS_NEW = 1;
  static final int ANALYTIC_TYPE_RULE = 1;
  static final int OBSERVABLE_IP_ADDRESS = 2;
  static final int OBSERVABLE_OTHER = 99;
  static final String USER_AGENT_TYPE = "HTTP User-Agent";
  static final String CLUSTER_RESOURCE_TYPE = "AWS::EKS::Cluster";
  static final String CLOUD_PROVIDER = "AWS";

  /** The {@code observables} name of the source address, which the first evidence contains. */
  static final String SOURCE_IP_NAME = "evidences[0].src_endpoint.ip";

  /** The {@code observables} name of the user agents, a list in the first evidence's data. */
  static final String USER_AGENTS_NAME = "evidences[0].data.user_agents";



  private final String productVersion;

  /**
   * Creates a writer that names scanwatch {@code productVersion} in {@code
   * metadata.product.version}.
   *
   * @throws IllegalArgumentException if {@code productVersion} is blank
   */
  public OcsfFindingWriter(String productVersion) {
    Objects.requireNonNull(productVersion, "productVersion");
    if (productVersion.isBlank()) {
      throw new IllegalArgumentException(
          "invalid productVersion \"" + productVersion
              + "\": it is blank. Pass the scanwatch version, such as 0.1.0");
    }
    this.productVersion = productVersion;
  }

  /** Writes one finding a line for each scan row of {@code result}, then flushes {@code out}. */
  public void write(RobustResult result, Writer out) throws IOException {
    for (RobustRow row : result.rows()) {
      writeFinding(result.metadata(), row, out);
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Returns the {@code finding_info.uid} of a row: the detection id, a slash and the address as
   * the row writes it, such as {@code 294c4686-63dd-4fe6-93a2-ca807626704a/203.0.113.7}. A later
   * run over more of the same logs gives the same uid for the same address.
   */
  public static String findingUid(DetectionMetadata metadata, String address) {
    return metadata.id() + "/" + address;
  }

  /**
   * Returns the {@code metadata.uid} of a row's event: a name-based UUID (version 3) of its
   * finding uid, first and last time and requests, so the same row gives the same uid on every
   * run, and a row that grew gives a new one.
   */
  static String eventUid(DetectionMetadata metadata, RobustRow row) {
    String name =
        findingUid(metadata, row.address())
            + "\n"
            + row.firstMicros()
            + "\n"
            + row.lastMicros()
            + "\n"
            + row.requests();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private void writeFinding(DetectionMetadata metadata, RobustRow row, Writer out)
      throws IOException {
    JsonGenerator json = JsonText.generator(out);
    json.writeStartObject();
    writeClassification(row, json);
    writeOccurrence(row, json);
    json.writeStringField("message", FindingText.message(row));
    writeMetadata(metadata, row, json);
    json.writeObjectFieldStart("cloud");
    json.writeStringField("provider", CLOUD_PROVIDER);
    json.writeEndObject();
    writeFindingInfo(metadata, row, json);
    writeScores(metadata, json);
    writeObservables(row, json);
    writeEvidences(row, json);
    writeResources(row, json);
    writeUnmapped(metadata, row, json);
    json.writeEndObject();
    json.close();
  }

  private static void writeClassification(RobustRow row, JsonGenerator json) throws IOException {
    int severityId = OcsfLevels.severityId(row.severity());
    json.writeNumberField("class_uid", CLASS_UID);
    json.writeStringField("class_name", CLASS_NAME);
    json.writeNumberField("category_uid", CATEGORY_UID);
    json.writeStringField("category_name", CATEGORY_NAME);
    json.writeNumberField("activity_id", ACTIVITY_CREATE);
    json.writeStringField("activity_name", "Create");
    json.writeNumberField("type_uid", TYPE_UID);
    json.writeStringField("type_name", CLASS_NAME + ": Create");
    json.writeNumberField("severity_id", severityId);
    json.writeStringField("severity", OcsfLevels.severityCaption(severityId));
    json.writeNumberField("status_id", STATUS_NEW);
    json.writeStringField("status", "New");
  }

  private static void writeOccurrence(RobustRow row, JsonGenerator json) throws IOException {
    json.writeNumberField("time", millis(row.lastMicros()));
    json.writeNumberField("start_time", millis(row.firstMicros()));
    json.writeNumberField("end_time", millis(row.lastMicros()));
    json.writeNumberField("timezone_offset", 0);
    json.writeNumberField("count", row.requests());
  }

  private void writeMetadata(DetectionMetadata metadata, RobustRow row, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("metadata");
    json.writeStringField("version", SCHEMA_VERSION);
    json.writeArrayFieldStart("profiles");
    json.writeString("cloud");
    json.writeEndArray();
    json.writeStringField("uid", eventUid(metadata, row));
    json.writeObjectFieldStart("product");
    json.writeStringField("name", PRODUCT_NAME);
    json.writeStringField("vendor_name", PRODUCT_NAME);
    json.writeStringField("version", productVersion);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeFindingInfo(
      DetectionMetadata metadata, RobustRow row, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("finding_info");
    json.writeStringField("uid", findingUid(metadata, row.address()));
    json.writeStringField("title", FindingText.title(row));
    json.writeStringField("desc", FindingText.description(row));
    json.writeArrayFieldStart("types");
    json.writeString(metadata.analyticStory());
    json.writeEndArray();
    json.writeNumberField("first_seen_time", millis(row.firstMicros()));
    json.writeNumberField("last_seen_time", millis(row.lastMicros()));
    if (!row.sources().isEmpty()) {
      writeStrings("data_sources", row.sources(), json);
    }
    json.writeObjectFieldStart("analytic");
    json.writeStringField("uid", metadata.id());
    json.writeStringField("name", metadata.name());
    json.writeNumberField("type_id", ANALYTIC_TYPE_RULE);
    json.writeStringField("type", "Rule");
    json.writeStringField("version", String.valueOf(metadata.version()));
    json.writeEndObject();
    writeAttacks(metadata.mitreAttackIds(), json);
    json.writeEndObject();
  }

  private static void writeAttacks(List<String> techniqueIds, JsonGenerator json)
      throws IOException {
    if (techniqueIds.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("attacks");
    for (String techniqueId : techniqueIds) {
      Optional<Technique> known = AttackTechniques.find(techniqueId);
      json.writeStartObject();
      if (known.isPresent()) {
        json.writeObjectFieldStart("tactic");
        json.writeStringField("uid", known.get().tacticUid());
        json.writeStringField("name", known.get().tacticName());
        json.writeEndObject();
      }
      json.writeObjectFieldStart("technique");
      json.writeStringField("uid", techniqueId);
      if (known.isPresent()) {
        json.writeStringField("name", known.get().name());
      }
      json.writeEndObject();
      json.writeStringField("version", AttackTechniques.ATTACK_VERSION);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeScores(DetectionMetadata metadata, JsonGenerator json)
      throws IOException {
    int confidenceId = OcsfLevels.confidenceId(metadata.confidence());
    json.writeNumberField("confidence_id", confidenceId);
    json.writeStringField("confidence", OcsfLevels.confidenceCaption(confidenceId));
    json.writeNumberField("confidence_score", metadata.confidence());
    int impactId = OcsfLevels.impactId(metadata.impact());
    json.writeNumberField("impact_id", impactId);
    json.writeStringField("impact", OcsfLevels.impactCaption(impactId));
    json.writeNumberField("impact_score", metadata.impact());
    json.writeNumberField("risk_score", metadata.riskScore());
  }

  /** Writes the observables, leaving the array out when the row has neither an IP nor an agent. */
  private static void writeObservables(RobustRow row, JsonGenerator json) throws IOException {
    boolean hasUserAgent =
        row.userAgents().stream().anyMatch(agent -> !agent.equals(RobustAggregator.NO_USER_AGENT));
    if (!hasIp(row) && !hasUserAgent) {
      return;
    }
    json.writeArrayFieldStart("observables");
    if (hasIp(row)) {
      writeObservable(SOURCE_IP_NAME, OBSERVABLE_IP_ADDRESS, "IP Address", row.address(), json);
    }
    for (String userAgent : row.userAgents()) {
      if (!userAgent.equals(RobustAggregator.NO_USER_AGENT)) {
        writeObservable(USER_AGENTS_NAME, OBSERVABLE_OTHER, USER_AGENT_TYPE, userAgent, json);
      }
    }
    json.writeEndArray();
  }

  private static void writeObservable(
      String name, int typeId, String type, String value, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeNumberField("type_id", typeId);
    json.writeStringField("type", type);
    json.writeStringField("value", value);
    json.writeEndObject();
  }

  /**
   * Writes one evidence with the source address and, in {@code data}, the row's request URIs,
   * paths, verbs, response codes and reasons and user agents ({@link
   * RobustAggregator#NO_USER_AGENT} for requests without one). An address that is not a valid IP
   * goes to {@code data.source_ip_text}, because {@code src_endpoint.ip} must be an IP address.
   */
  private static void writeEvidences(RobustRow row, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("evidences");
    json.writeStartObject();
    if (hasIp(row)) {
      json.writeObjectFieldStart("src_endpoint");
      json.writeStringField("ip", row.address());
      json.writeEndObject();
    }
    json.writeObjectFieldStart("data");
    if (!hasIp(row)) {
      json.writeStringField("source_ip_text", row.address());
    }
    writeStrings("request_uris", row.requestUris(), json);
    writeStrings("paths", row.paths(), json);
    writeStrings("verbs", row.verbs(), json);
    writeStrings("response_codes", row.codes(), json);
    writeStrings("status_reasons", row.statusReasons(), json);
    writeStrings("user_agents", row.userAgents(), json);
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** Writes each EKS cluster of the row as a resource, and nothing for a row without one. */
  private static void writeResources(RobustRow row, JsonGenerator json) throws IOException {
    if (row.clusters().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("resources");
    for (String cluster : row.clusters()) {
      json.writeStartObject();
      json.writeStringField("name", cluster);
      json.writeStringField("type", CLUSTER_RESOURCE_TYPE);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeUnmapped(DetectionMetadata metadata, RobustRow row, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("unmapped");
    json.writeStringField("address_scope", row.scope().name().toLowerCase(Locale.ROOT));
    if (row.addressRange() != null) {
      json.writeStringField("address_range", row.addressRange());
    }
    json.writeStringField("ip_role", roleName(row.role()));
    json.writeNumberField("peer_requests", row.peerRequests());
    json.writeNumberField("forwarded_requests", row.forwardedRequests());
    json.writeNumberField("responses_2xx", row.responses().success());
    json.writeNumberField("responses_401", row.responses().unauthorized());
    json.writeNumberField("responses_403", row.responses().forbidden());
    json.writeNumberField("responses_404", row.responses().notFound());
    json.writeNumberField("distinct_paths", row.paths().size());
    json.writeStringField("severity", row.severity().name().toLowerCase(Locale.ROOT));
    writeStrings("severity_reasons", row.reasons(), json);
    writeStrings("scanner_names", row.scannerNames(), json);
    writeStrings("clusters", row.clusters(), json);
    writeDetection(metadata, json);
    json.writeEndObject();
  }

  /** Writes the catalog data of the detection that OCSF has no attribute for. */
  private static void writeDetection(DetectionMetadata metadata, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("detection");
    json.writeStringField("analytic_story", metadata.analyticStory());
    json.writeNumberField("confidence", metadata.confidence());
    json.writeNumberField("impact", metadata.impact());
    json.writeObjectFieldStart("observable");
    json.writeStringField("name", metadata.observableName());
    json.writeStringField("type", metadata.observableType());
    json.writeStringField("role", metadata.observableRole());
    json.writeEndObject();
    json.writeStringField("how_to_implement", metadata.howToImplement());
    json.writeStringField("known_false_positives", metadata.knownFalsePositives());
    json.writeEndObject();
  }

  private static void writeStrings(String field, List<String> values, JsonGenerator json)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static boolean hasIp(RobustRow row) {
    return row.scope() != AddressScope.INVALID;
  }

  /** Returns {@code peer}, {@code forwarded} or {@code both}. */
  static String roleName(IpRole role) {
    return switch (role) {
      case CONNECTING_PEER -> "peer";
      case FORWARDED_FOR_ONLY -> "forwarded";
      case BOTH -> "both";
    };
  }

  /** Returns microseconds since the epoch as milliseconds, rounded down. */
  static long millis(long epochMicros) {
    return Math.floorDiv(epochMicros, 1_000L);
  }
}
