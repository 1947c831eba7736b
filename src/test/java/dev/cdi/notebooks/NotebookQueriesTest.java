package dev.cdi.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.testing.SampleRun;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps the analyst notebooks in {@code notebooks/} from rotting: each is valid nbformat 4 JSON; the tables its
 * {@code # cdi:views} cell registers are registered here the same way (Delta tables by path under the lakehouse of
 * the shared sample run, {@link SampleRun}); and every {@code spark.sql("""...""")} query, named by its
 * {@code -- query: <name>} line, runs against them and returns exactly the expected columns, and rows where the
 * sample guarantees some.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookQueriesTest {

  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final String VIEWS_MARKER = "# cdi:views";
  private static final Pattern VIEW = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"(\\w+/\\w+)\"");
  private static final Pattern SQL = Pattern.compile("spark\\.sql\\(\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("^\\s*--\\s*query:\\s*(\\w+)\\s*$", Pattern.MULTILINE);

  /** A query's columns, in order, and the fewest rows the sample run must give. */
  private record Expected(List<String> columns, int minRows) {
  }

  private static final Map<String, Expected> EXPECTED = expected();

  private static Map<String, Expected> expected() {
    Map<String, Expected> e = new LinkedHashMap<>();
    e.put("customer_overview", new Expected(List.of("customers", "buyers", "revenue", "records_per_customer",
        "systems_per_customer", "as_of_date"), 1));
    e.put("rfm_segments", new Expected(List.of("rfm_segment", "customers", "pct_customers", "revenue",
        "avg_order_value", "avg_days_since_purchase"), 3));
    e.put("top_customers", new Expected(List.of("customer_id", "given_name", "family_name", "email", "email_from",
        "orders", "revenue", "rfm_segment", "preferred_channel", "sources"), 10));
    e.put("attribute_provenance", new Expected(List.of("attribute", "source", "rule", "customers"), 6));
    e.put("email_engagement", new Expected(List.of("rfm_segment", "emailed_customers", "avg_open_rate",
        "avg_click_rate", "unsubscribed", "consenting"), 1));
    e.put("household_revenue", new Expected(List.of("household_id", "members", "evidence", "family_names",
        "household_revenue", "household_orders"), 1));
    e.put("winback_candidates", new Expected(List.of("customer_id", "given_name", "email", "revenue", "orders",
        "days_since_last_purchase"), 0));
    e.put("channel_mix", new Expected(List.of("channel", "touchpoints", "customers", "conversions"), 3));
    e.put("stage_funnel", new Expected(List.of("journey_stage", "touchpoints", "customers"), 3));
    e.put("session_summary", new Expected(List.of("sessions", "avg_touches", "max_touches", "avg_channels",
        "conversion_rate"), 1));
    e.put("converting_paths", new Expected(List.of("path", "sessions"), 1));
    e.put("customer_timeline", new Expected(List.of("customer_id", "touch_number", "event_ts", "channel",
        "event_type", "session_number", "journey_stage", "is_conversion", "amount", "seconds_since_previous_touch",
        "resolved_by"), 2));
    e.put("days_to_first_purchase", new Expected(List.of("bucket", "customers"), 1));
    e.put("anonymous_identifiers", new Expected(List.of("anonymous_id_type", "identifiers", "touchpoints",
        "sessions", "last_seen"), 1));
    e.put("model_comparison", new Expected(List.of("touch_channel", "first_touch", "last_touch", "linear",
        "time_decay", "position_based"), 2));
    e.put("revenue_by_model", new Expected(List.of("touch_channel", "currency", "last_touch_revenue",
        "linear_revenue", "time_decay_revenue", "position_based_revenue"), 2));
    e.put("campaign_credit", new Expected(List.of("touch_campaign", "touch_channel", "conversions_touched",
        "linear_conversions", "linear_revenue"), 1));
    e.put("path_lengths", new Expected(List.of("touches", "conversions"), 2));
    e.put("credit_by_age", new Expected(List.of("age", "touchpoints", "linear", "time_decay"), 2));
    e.put("credit_check", new Expected(List.of("conversions", "journey_conversions", "max_deviation"), 1));
    e.put("cluster_sizes", new Expected(List.of("records", "customers"), 2));
    e.put("systems_per_customer", new Expected(List.of("systems", "customers"), 2));
    e.put("system_overlap", new Expected(List.of("source_a", "source_b", "shared_customers"), 1));
    e.put("match_score_histogram", new Expected(List.of("probability_from", "links", "conflicts"), 1));
    e.put("edges_by_rule", new Expected(List.of("decision", "rule", "edges", "mean_probability",
        "within_one_customer"), 1));
    e.put("weakest_links", new Expected(List.of("left_key", "right_key", "rule", "match_probability", "levels",
        "weights"), 1));
    e.put("hub_identifiers", new Expected(List.of("identifier", "value_masked", "records", "distinct_names",
        "reason"), 1));
    e.put("id_history_by_run", new Expected(List.of("run_id", "reason", "ids", "records"), 0));
    e.put("resolve_runs", new Expected(List.of("run_id", "finished_at", "records", "customers", "candidate_pairs",
        "links", "conflicts", "excluded_values", "resplit_components", "seconds"), 1));
    return e;
  }

  /** A notebook's views and named queries. */
  private record Notebook(Path file, Map<String, String> views, Map<String, String> queries) {
  }

  private final SparkSession spark = SharedSpark.session();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> registered = new TreeMap<>();
  private List<Notebook> notebooks;
  private Lakehouse lakehouse;

  @BeforeAll
  void readNotebooksAndRegisterViews() throws IOException {
    notebooks = new ArrayList<>();
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
        notebooks.add(read(file));
      }
    }
    lakehouse = SampleRun.get().lakehouse();
    for (Notebook notebook : notebooks) {
      notebook.views().forEach((view, table) -> {
        String previous = registered.put(view, table);
        assertTrue(previous == null || previous.equals(table), view + " names two tables across notebooks");
        DeltaIO.read(spark, lakehouse.root() + "/" + table).createOrReplaceTempView(view);
      });
    }
  }

  @AfterAll
  void dropViews() {
    registered.keySet().forEach(view -> spark.catalog().dropTempView(view));
  }

  private Notebook read(Path file) throws IOException {
    JsonNode doc = json.readTree(file.toFile());
    assertEquals(4, doc.path("nbformat").asInt(), file + ": nbformat");
    assertTrue(doc.path("nbformat_minor").isInt(), file + ": nbformat_minor");
    assertEquals("python3", doc.path("metadata").path("kernelspec").path("name").asText(), file + ": kernel");
    Map<String, String> views = new LinkedHashMap<>();
    Map<String, String> queries = new LinkedHashMap<>();
    int markdown = 0;
    for (JsonNode cell : doc.path("cells")) {
      String type = cell.path("cell_type").asText();
      assertTrue(cell.path("metadata").isObject() && cell.path("source").isArray(), file + ": cell shape");
      String source = source(cell);
      if (type.equals("markdown")) {
        markdown++;
        continue;
      }
      assertEquals("code", type, file + ": cell type");
      assertTrue(cell.path("outputs").isArray() && cell.path("outputs").isEmpty(), file + ": committed outputs");
      assertTrue(cell.path("execution_count").isNull(), file + ": committed execution count");
      if (source.startsWith(VIEWS_MARKER)) {
        Matcher view = VIEW.matcher(source);
        while (view.find()) {
          views.put(view.group(1), view.group(2));
        }
      }
      queries(file, source).forEach((name, sql) -> assertEquals(null, queries.put(name, sql),
          file + ": query " + name + " twice"));
    }
    assertFalse(views.isEmpty(), file + ": no '" + VIEWS_MARKER + "' cell");
    assertTrue(markdown >= 4, file + ": explained in markdown");
    return new Notebook(file, views, queries);
  }

  private static String source(JsonNode cell) {
    StringBuilder text = new StringBuilder();
    cell.path("source").forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  /** The cell's named queries; a {@code spark.sql(} call not written as a named triple-quoted literal fails. */
  private static Map<String, String> queries(Path file, String source) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher sql = SQL.matcher(source);
    int calls = 0;
    while (sql.find()) {
      calls++;
      Matcher name = NAME.matcher(sql.group(1));
      assertTrue(name.find(), file + ": a query without '-- query: <name>': " + sql.group(1));
      found.put(name.group(1), sql.group(1));
    }
    assertEquals(source.split("spark\\.sql\\(", -1).length - 1, calls,
        file + ": every spark.sql call is a named \"\"\"...\"\"\" literal (so that it is tested):\n" + source);
    return found;
  }

  @Test
  void thereAreNotebooksForEachTopic() {
    assertEquals(List.of("01_customer_360.ipynb", "02_journeys.ipynb", "03_attribution.ipynb",
        "04_identity_quality.ipynb"), notebooks.stream().map(n -> n.file().getFileName().toString()).toList());
    assertTrue(registered.values().containsAll(List.of("gold/customer_360", "gold/journey", "gold/anonymous_journey",
        "gold/attribution", "gold/households", "identity/identity_map", "identity/edges")), registered.toString());
  }

  @Test
  void everyQueryHasExpectations() {
    TreeSet<String> inNotebooks = new TreeSet<>();
    notebooks.forEach(n -> inNotebooks.addAll(n.queries().keySet()));
    assertEquals(new TreeSet<>(EXPECTED.keySet()), inNotebooks);
  }

  @Test
  void everyQueryRunsAndReturnsItsColumns() {
    List<String> failures = new ArrayList<>();
    for (Notebook notebook : notebooks) {
      notebook.queries().forEach((name, sql) -> {
        Expected expected = EXPECTED.get(name);
        Dataset<Row> result = spark.sql(sql);
        assertEquals(expected.columns(), List.of(result.columns()), notebook.file() + ": " + name + " columns");
        int rows = result.limit(Math.max(expected.minRows(), 1)).collectAsList().size();
        if (rows < expected.minRows()) {
          failures.add(name + ": " + rows + " rows, expected at least " + expected.minRows());
        }
      });
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void checksInTheNotebooksHoldOnTheSample() {
    Row check = spark.sql(query("credit_check")).first();
    assertEquals(check.getLong(1), check.getLong(0), "every timed conversion is credited");
    assertTrue(check.getDouble(2) < 1e-9, "credits sum to 1: " + check);
    Row overview = spark.sql(query("customer_overview")).first();
    assertEquals(DeltaIO.read(spark, lakehouse.path(Tables.GOLD_CUSTOMER_360)).count(), overview.getLong(0));
    long records = spark.sql(query("cluster_sizes")).collectAsList().stream()
        .mapToLong(r -> r.getLong(0) * r.getLong(1)).sum();
    assertEquals(DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_MAP)).count(), records);
  }

  private String query(String name) {
    return notebooks.stream().map(n -> n.queries().get(name)).filter(q -> q != null).findFirst()
        .orElseThrow(() -> new AssertionError("no query " + name));
  }
}
