import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Benchmark peer: the EKS cluster scan detection as one DuckDB query over bare audit events,
 * one JSON object a line.
 *
 * <p>Prints one tab-separated row per (src_ip, user.username, user.groups{}) with count, first
 * and last {@code requestReceivedTimestamp} (else {@code stageTimestamp}), sorted by the three
 * keys. Usage: {@code java -cp duckdb_jdbc.jar:CLASSES ScanDetectDuckDb FILE}.
 *
 * <p>NOTE: {@code lower()} folds Unicode case, where the detection folds ASCII case only. The
 * two differ only for non-ASCII user names or user agents, which the benchmark data has none of.
 */
public final class ScanDetectDuckDb {

  private static final String QUERY = """
      WITH events AS (
        SELECT "user".username AS username, "user".groups AS groups, sourceIPs,
               coalesce(requestReceivedTimestamp, stageTimestamp) AS ts
        FROM read_json(?, format = 'newline_delimited', columns = {
               "user": 'STRUCT(username VARCHAR, groups VARCHAR[])',
               sourceIPs: 'VARCHAR[]', userAgent: 'VARCHAR',
               requestReceivedTimestamp: 'VARCHAR', stageTimestamp: 'VARCHAR'})
        WHERE lower("user".username) = 'system:anonymous'
          AND userAgent <> '' AND lower(userAgent) <> 'aws security scanner'
      ), split AS (
        SELECT unnest(sourceIPs) AS src_ip, username, groups, ts FROM events
      ), rows AS (
        SELECT src_ip, username, unnest(groups) AS grp, ts FROM split
      )
      SELECT src_ip, username, grp, count(*) AS count, min(ts) AS first_time,
             max(ts) AS last_time
      FROM rows
      WHERE src_ip <> '' AND grp <> ''
      GROUP BY src_ip, username, grp
      ORDER BY src_ip, username, grp
      """;

  private ScanDetectDuckDb() {}

  /** Runs the query over the file named by {@code args[0]} and prints its rows. */
  public static void main(String[] args) throws SQLException {
    if (args.length != 1) {
      System.err.println("usage: ScanDetectDuckDb FILE");
      System.exit(2);
    }
    StringBuilder out = new StringBuilder();
    int rowCount = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        var statement = connection.prepareStatement(QUERY)) {
      statement.setString(1, args[0]);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          for (int column = 1; column <= 6; column++) {
            out.append(column > 1 ? "\t" : "").append(rows.getString(column));
          }
          out.append('\n');
          rowCount++;
        }
      }
    }
    System.out.print(out);
    System.err.println("duckdb peer: " + rowCount + " rows");
  }
}
