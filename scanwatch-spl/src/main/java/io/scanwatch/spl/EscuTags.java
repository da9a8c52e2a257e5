package io.scanwatch.spl;

import java.util.List;

/**
 * The {@code tags} of an ESCU detection. Numbers are null when the file leaves them out.
 *
 * @param observables each observable as {@code name}, {@code type} and its roles
 */
public record EscuTags(List<String> analyticStory, String assetType, Integer confidence,
    Integer impact, List<String> mitreAttackId, List<Observable> observables,
    List<String> product, List<String> requiredFields, Integer riskScore,
    String securityDomain) {

  /** Copies the lists. */
  public EscuTags {
    analyticStory = List.copyOf(analyticStory);
    mitreAttackId = List.copyOf(mitreAttackId);
    observables = List.copyOf(observables);
    product = List.copyOf(product);
    requiredFields = List.copyOf(requiredFields);
  }

  /** An entity a finding names, such as the user, with its roles (such as Victim). */
  public record Observable(String name, String type, List<String> roles) {

    /** Copies the roles. */
    public Observable {
      roles = List.copyOf(roles);
    }
  }
}
