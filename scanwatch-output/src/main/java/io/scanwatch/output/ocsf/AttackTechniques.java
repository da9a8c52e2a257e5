package io.scanwatch.output.ocsf;

import java.util.Map;
import java.util.Optional;

/**
 * The MITRE ATT&amp;CK techniques that scanwatch detections name, with their Enterprise tactic. A
 * detection that names a technique missing here is written with the technique id alone.
 */
final class AttackTechniques {

  /**
   * The ATT&amp;CK version written as {@code attack.version}.
   *
   * <p>NOTE: the entries were not compared with the data of this release. T1526 has been named
   * Cloud Service Discovery under Discovery (TA0007) on attack.mitre.org; update both together.
   */
  static final String ATTACK_VERSION = "16.1";

  /** A technique and the tactic it serves in the Enterprise matrix. */
  record Technique(String uid, String name, String tacticUid, String tacticName) {}

  private static final Map<String, Technique> BY_UID =
      Map.of(
          "T1526", new Technique("T1526", "Cloud Service Discovery", "TA0007", "Discovery"));

  private AttackTechniques() {}

  /** Returns the technique with the id {@code uid}, such as {@code T1526}, if the table has it. */
  static Optional<Technique> find(String uid) {
    return Optional.ofNullable(BY_UID.get(uid));
  }
}
