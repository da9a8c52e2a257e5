package io.scanwatch.output;

import io.scanwatch.core.detect.ParityRow;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the parity table, named as Splunk names them in the seed's output, followed by
 * {@code cluster}, which scanwatch adds.
 */
public final class ParityColumns {

  public static final String SRC_IP = "src_ip";
  public static final String USERNAME = "user.username";
  public static final String GROUP = "user.groups{}";
  public static final String COUNT = "count";
  public static final String FIRST_TIME = "firstTime";
  public static final String LAST_TIME = "lastTime";
  public static final String CLUSTER = "cluster";

  /** A multi-value column: its Splunk name and its values in a row. */
  public record MultiValue(String name, Function<ParityRow, List<String>> values) {}

  /** The multi-value columns in Splunk's order, then {@code cluster}. */
  public static final List<MultiValue> MULTI_VALUES =
      List.of(
          new MultiValue("values(responseStatus.reason)", ParityRow::reasons),
          new MultiValue("cluster_name", ParityRow::clusterNames),
          new MultiValue("values(responseStatus.code)", ParityRow::codes),
          new MultiValue("http_user_agent", ParityRow::userAgents),
          new MultiValue("values(verb)", ParityRow::verbs),
          new MultiValue("values(requestURI)", ParityRow::requestUris),
          new MultiValue(CLUSTER, ParityRow::clusters));

  private ParityColumns() {}
}
