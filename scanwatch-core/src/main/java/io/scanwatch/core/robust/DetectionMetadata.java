package io.scanwatch.core.robust;

import java.io.Serializable;
import java.util.List;

/**
 * The catalog data that every finding carries, as the Splunk ESCU analytic publishes it.
 *
 * @param riskScore confidence times impact divided by 100
 * @param observableName the field whose value the finding is about
 * @param observableRole the role of that value in the finding
 */
public record DetectionMetadata(
    String id,
    String name,
    int version,
    List<String> mitreAttackIds,
    String analyticStory,
    int confidence,
    int impact,
    int riskScore,
    String observableName,
    String observableType,
    String observableRole,
    String howToImplement,
    String knownFalsePositives)
    implements Serializable {

  /**
   * The Splunk ESCU detection "Amazon EKS Kubernetes cluster scan detection", version 3 (dated
   * 2024-10-17): MITRE ATT&amp;CK T1526 (Cloud Service Discovery), confidence 50, impact 50, risk
   * score 25, observable {@code user} (type User, role Victim).
   */
  public static final DetectionMetadata EKS_CLUSTER_SCAN =
      new DetectionMetadata(
          "294c4686-63dd-4fe6-93a2-ca807626704a",
          "Amazon EKS Kubernetes cluster scan detection",
          3,
          List.of("T1526"),
          "Kubernetes Scanning Activity",
          50,
          50,
          25,
          "user",
          "User",
          "Victim",
          "You must install the AWS App for Splunk (version 5.1.0 or later) and Splunk Add-on for"
              + " AWS (version 4.4.0 or later), then configure your CloudWatch EKS Logs inputs.",
          "Not all unauthenticated requests are malicious, but frequency, UA and source IPs will"
              + " provide context.");

  public DetectionMetadata {
    mitreAttackIds = List.copyOf(mitreAttackIds);
  }
}
