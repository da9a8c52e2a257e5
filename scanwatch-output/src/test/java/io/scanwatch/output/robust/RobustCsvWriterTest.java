package io.scanwatch.output.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustCsvWriterTest {

  private static final TimeFormat UTC = new TimeFormat(ZoneOffset.UTC);

  private static final String HEADER =
      "row_type,src_ip,count,severity,severity_reasons,first_time,last_time,address_scope,"
          + "address_range,ip_role,peer_requests,forwarded_requests,paths,request_uris,verbs,"
          + "codes,status_reasons,user_agents,user_groups,scanner_names,clusters,sources,share_2xx,"
          + "share_401,share_403,share_404\r\n";

  private static final String PROBE_RECORD =
      "health_probe,10.0.0.12,120,info,only health probes,2023-11-14T22:13:20,"
          + "2023-11-14T22:14:25,non_public,10.0.0.0/8 private (RFC 1918),peer,0,0,"
          + "\"/healthz\n/livez\",,,200,,kube-probe/1.31,,,prod,audit.log,0,0,0,0\r\n";

  @Test
  void headerAndRecordsDefused() throws IOException {
    RobustResult result = RobustResults.of(
        List.of(RobustResults.criticalRow(), RobustResults.forwardedRow()),
        List.of(RobustResults.probeRow()));

    assertThat(write(result, false)).isEqualTo(HEADER
        + "scan,203.0.113.7,3,critical,\"2xx on /api/v1/secrets\n"
        + "sensitive path: /api/v1/secrets\n2 distinct paths\nknown scanner user agent: curl\","
        + "2023-11-14T22:13:20,2023-11-14T22:14:25,non_public,"
        + "203.0.113.0/24 documentation TEST-NET-3 (RFC 5737),peer,3,0,"
        + "\"/api/v1/secrets\n/version\",\"/api/v1/secrets?limit=1\n/version\",\"get\nlist\","
        + "\"200\n401\",Unauthorized,\"(none)\n'=HYPERLINK(\"\"http://x\"\")\ncurl/8.5.0\","
        + "system:unauthenticated,curl,prod,audit.log,0.3333,0.6667,0,0\r\n"
        + "scan,'-1+x\u001b[31m\u202e,1,low,1 distinct path,2023-11-14T22:13:20,"
        + "2023-11-14T22:13:20,invalid,,forwarded,0,1,/api,/api,get,401,Unauthorized,"
        + "'@evil\u0007,system:unauthenticated,,,stdin,0,1,0,0\r\n"
        + PROBE_RECORD);
  }

  @Test
  void rawKeepsFormulas() throws IOException {
    RobustResult result = RobustResults.of(List.of(RobustResults.forwardedRow()), List.of());

    assertThat(write(result, true)).isEqualTo(HEADER
        + "scan,-1+x\u001b[31m\u202e,1,low,1 distinct path,2023-11-14T22:13:20,"
        + "2023-11-14T22:13:20,invalid,,forwarded,0,1,/api,/api,get,401,Unauthorized,"
        + "@evil\u0007,system:unauthenticated,,,stdin,0,1,0,0\r\n");
  }

  @Test
  void eachValueOfCellDefused() throws IOException {
    RobustRow row = RobustResults.criticalRow();
    RobustRow hostile = new RobustRow(row.address(), row.scope(), row.addressRange(),
        row.role(), row.requests(), row.peerRequests(), row.forwardedRequests(),
        row.firstMicros(), row.lastMicros(), row.requestUris(), row.paths(), row.verbs(),
        row.codes(), row.statusReasons(), List.of("+1", "\tx", "\ry", "a=b", ""),
        row.clusters(), row.sources(), row.scannerNames(), row.responses(), row.severity(),
        row.reasons(),
        List.of("system:unauthenticated"));

    String csv = write(RobustResults.of(List.of(hostile), List.of()), false);

    assertThat(csv).contains(
        ",Unauthorized,\"'+1\n'\tx\n'\ry\na=b\n\",system:unauthenticated,curl,");
  }

  @Test
  void emptyResultIsHeaderOnly() throws IOException {
    assertThat(write(RobustResults.empty(), false)).isEqualTo(HEADER);
  }

  @Test
  void headerIsRowKeys() {
    assertThat(String.join(",", RobustColumns.ROW_KEYS) + "\r\n").isEqualTo(HEADER);
  }

  private static String write(RobustResult result, boolean raw) throws IOException {
    StringWriter out = new StringWriter();
    new RobustCsvWriter(UTC, raw).write(result, out);
    return out.toString();
  }
}
