package dev.cdi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.eval.SizeDistribution;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import dev.cdi.report.RunFigures.Count;
import dev.cdi.report.RunFigures.RuleCount;
import dev.cdi.report.RunFigures.ScoreBin;
import dev.cdi.testing.SharedSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The report's aggregates on tiny inline tables, with exact rows. */
class ReportAggregatesTest {

  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> rows(String schema, String... values) {
    return spark.sql("SELECT * FROM VALUES " + String.join(", ", values) + " AS t(" + schema + ")");
  }

  private static List<String> strings(Dataset<Row> data) {
    return data.collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void rowCountsOfSeveralTablesComeFromOneUnion() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("bronze.a", rows("x", "(1)", "(2)"));
    tables.put("gold.b", rows("y, z", "('p', 1)"));
    assertEquals(List.of("[bronze.a,2]", "[gold.b,1]"), strings(ReportAggregates.rowCounts(tables)));
  }

  @Test
  void ingestTotalsCountEachCommittedFileOnce() {
    Dataset<Row> log = rows("source, file_path, file_fingerprint, batch_seq, status, rows_read, rows_bronze,"
            + " rows_quarantined",
        "('crm', 'f1', 'h1', 1L, 'started', CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT))",
        "('crm', 'f1', 'h1', 1L, 'committed', 10L, 9L, 1L)", "('crm', 'f1', 'h1', 1L, 'committed', 10L, 9L, 1L)",
        "('crm', 'f1', 'h2', 2L, 'committed', 5L, 5L, 0L)", "('crm', 'f2', 'h3', 2L, 'committed', 3L, 1L, 2L)",
        "('pos', 'f4', 'h4', 1L, 'started', CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT))");
    assertEquals(List.of("[crm,3,18,15,3]"), strings(ReportAggregates.ingestTotals(log)));
  }

  @Test
  void quarantineReasonsGroupReasonsDifferingOnlyInCountsOrPositions() {
    Map<String, Dataset<Row>> q = new LinkedHashMap<>();
    q.put("bronze", rows("source, reason, run_id, raw_text",
        "('crm', 'row has 7 fields, the header has 9', 'r1', 'a')",
        "('crm', 'row has 8 fields, the header has 9', 'r2', 'b')",
        "('crm', 'invalid UTF-8 byte sequence at byte 12 of the record', 'r2', 'c')",
        "('web', 'row has 7 fields, the header has 9', 'r2', 'd')"));
    q.put("silver", rows("run_id, source, table, reason", "('r1', 'web', 'events', 'timestamp: no format parsed')"));
    assertEquals(List.of("[bronze,crm,row has N fields, the header has N,2,1]",
            "[bronze,crm,invalid UTF-8 byte sequence at byte N of the record,1,1]",
            "[bronze,web,row has N fields, the header has N,1,1]", "[silver,web,timestamp: no format parsed,1,0]"),
        strings(ReportAggregates.quarantineReasons(q, "r2")));
  }

  @Test
  void quarantineReasonsNeverQuoteTheRecordAndAreCut() {
    String jackson = "invalid JSON: Unexpected close marker ']': expected '}' (for root starting at [Source: (String)"
        + "{\"email\":\"amy@x.com\"]; line: 1, column: 1])\n at [Source: (String){\"email\":\"amy@x.com\"]; line: 1,"
        + " column: 21] (at character 21)";
    Map<String, Dataset<Row>> q = Map.of("bronze", rows("source, reason, run_id", "('web', '" + jackson.replace("'",
        "\\'") + "', 'r1')", "('web', '" + "x".repeat(200) + "', 'r1')"));
    List<String> reasons = ReportAggregates.quarantineReasons(q, "r1").collectAsList().stream()
        .map(r -> r.getString(2)).sorted().toList();
    assertEquals(List.of("invalid JSON: Unexpected close marker ']': expected '}' (at character N)",
        "x".repeat(159) + "\u2026"), reasons);
  }

  @Test
  void latestQualityMetricsTakeTheNewestRunPerSourceAndTable() {
    Dataset<Row> dq = rows("run_id, source, table, metric, value, computed_at",
        "('r1', 'crm', 'identities', 'rows_out', 10D, TIMESTAMP'2024-01-01 00:00:00')",
        "('r2', 'crm', 'identities', 'rows_out', 12D, TIMESTAMP'2024-01-02 00:00:00')",
        "('r2', 'crm', 'identities', 'email_invalid_rate', 0.5D, TIMESTAMP'2024-01-02 00:00:00')",
        "('r1', 'web', 'events', 'rows_out', 3D, TIMESTAMP'2024-01-01 00:00:00')");
    assertEquals(List.of("[crm,identities,email_invalid_rate,0.5,r2]", "[crm,identities,rows_out,12.0,r2]",
        "[web,events,rows_out,3.0,r1]"), strings(ReportAggregates.latestQualityMetrics(dq)));
  }

  @Test
  void customerShapesGiveBothHistograms() {
    Dataset<Row> map = rows("record_key, source, customer_id", "('a:1', 'a', 'C1')", "('b:1', 'b', 'C1')",
        "('a:2', 'a', 'C1')", "('a:3', 'a', 'C2')", "('c:1', 'c', 'C3')", "('a:4', 'a', 'C3')",
        "('a:5', 'a', 'C4')");
    List<Row> shapes = ReportAggregates.customerShapes(map).collectAsList();
    assertEquals(List.of("[1,1,2]", "[2,2,1]", "[3,2,1]"), shapes.stream().map(Row::toString).toList());
    SizeDistribution sizes = RunReportJob.clusterSizes(shapes);
    assertEquals(List.of(new SizeCount(1, 2), new SizeCount(2, 1), new SizeCount(3, 1)), sizes.sizes());
    assertEquals(List.of(new Count("1", 2), new Count("2", 2)), RunReportJob.systemsPerCustomer(shapes));
  }

  @Test
  void edgeSummaryGivesScoreBinsAndRuleMeans() {
    Dataset<Row> edges = rows("decision, rule, match_probability", "('link', 'email_key', 1.0D)",
        "('link', 'fuzzy', 0.96875D)", "('link', 'fuzzy', 0.90625D)", "('conflict', 'given_name', 0.05D)",
        "('link', 'loyalty_id', CAST(NULL AS DOUBLE))", "('link', CAST(NULL AS STRING), 0.5D)");
    List<Row> summary = ReportAggregates.edgeSummary(edges).collectAsList();
    assertEquals(List.of("[conflict,given_name,0,1,0.05]", "[link,(none),5,1,0.5]", "[link,email_key,9,1,1.0]",
        "[link,fuzzy,9,2,1.875]", "[link,loyalty_id,null,1,null]"), summary.stream().map(Row::toString).toList());
    List<ScoreBin> bins = RunReportJob.scoreBins(summary);
    assertEquals(10, bins.size());
    assertEquals(new ScoreBin(0.0, 0, 1), bins.get(0));
    assertEquals(new ScoreBin(0.5, 1, 0), bins.get(5));
    assertEquals(new ScoreBin(0.9, 3, 0), bins.get(9));
    assertEquals(List.of(new RuleCount("link", "fuzzy", 2, 0.9375), new RuleCount("conflict", "given_name", 1, 0.05),
        new RuleCount("link", "(none)", 1, 0.5), new RuleCount("link", "email_key", 1, 1.0),
        new RuleCount("link", "loyalty_id", 1, null)), RunReportJob.rules(summary));
  }

  @Test
  void largestHubsCarryTheirTotal() {
    Dataset<Row> hubs = rows("identifier, value, records, distinct_names, reason, run_id",
        "('email', 'test@test.com', 3L, 1L, 'blocked', 'r1')", "('phone', '+15550000000', 40L, 12L, 'hub', 'r1')");
    assertEquals(List.of("[phone,+15550000000,40,12,hub,2]", "[email,test@test.com,3,1,blocked,2]"),
        strings(ReportAggregates.largestHubs(hubs)));
  }

  @Test
  void goldAggregatesSumPerSegmentChannelAndHouseholdSize() {
    Dataset<Row> customers = rows("customer_id, rfm_segment, revenue", "('C1', 'champions', 10.50BD)",
        "('C2', 'champions', 4.25BD)", "('C3', 'prospect', CAST(NULL AS DECIMAL(18,2)))");
    assertEquals(List.of("[champions,2,14.75]", "[prospect,1,0.0]"), strings(ReportAggregates.segments(customers)));
    Dataset<Row> attribution = rows("touch_channel, credit_first_touch, credit_last_touch, credit_linear,"
            + " credit_time_decay, credit_position_based, conversion_amount",
        "('email', 1D, 0D, 0.5D, 0.25D, 0.5D, 100.00BD)", "('web', 0D, 1D, 0.5D, 0.75D, 0.5D, 100.00BD)",
        "('direct', 1D, 1D, 1D, 1D, 1D, 20.00BD)");
    assertEquals(List.of("[direct,1.0,1.0,1.0,1.0,1.0,20.0]", "[email,1.0,0.0,0.5,0.25,0.5,50.0]",
        "[web,0.0,1.0,0.5,0.75,0.5,50.0]"), strings(ReportAggregates.channelCredits(attribution)));
    Dataset<Row> households = rows("household_id, members", "('H1', 1)", "('H2', 2)", "('H3', 1)");
    assertEquals(List.of("[1,2]", "[2,1]"), strings(ReportAggregates.householdSizes(households)));
  }

  @Test
  void missingColumnsFailBeforeAnySparkAction() {
    Dataset<Row> q = rows("source, reason", "('crm', 'x')");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportAggregates.quarantineReasons(Map.of("bronze", q), "r1"));
    assertTrue(e.getMessage().startsWith("bronze._quarantine is missing required column(s) [run_id]"),
        e.getMessage());
  }
}
