package dev.cdi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.config.ConfigLoader;
import dev.cdi.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What becomes a link, what a conflict, and the conflict keys the clustering checks. */
class LinkDecisionsTest {

  private static final String CONFIG = """
      lakehouse: /l
      sources:
        crm:
          format: csv
          path: "*.csv"
          silver: {identity: {id: id, email: email}}
      identity:
        identifiers:
          email: {column: email_key}
        comparisons:
          - {name: given_name, column: given_key, kind: string, thresholds: [0.9]}
          - {name: birth_date, column: birth_date, kind: date}
        match_threshold: 0.9
        conflicts: [{comparison: given_name, max_level: 0}, {comparison: birth_date, max_level: 0}]
        clustering: {conflict_columns: [birth_date], duplicate_free_sources: [crm]}
      """;
  private static final IdentitySettings SETTINGS = ConfigLoader.parse(CONFIG, "t.yaml").identitySettings();
  private static final StructType SCORED = new StructType().add("left_id", DataTypes.LongType)
      .add("right_id", DataTypes.LongType)
      .add("identifiers", DataTypes.createArrayType(DataTypes.StringType))
      .add("g_given_name", DataTypes.IntegerType).add("g_birth_date", DataTypes.IntegerType)
      .add("match_probability", DataTypes.DoubleType).add("match_weight", DataTypes.DoubleType);

  private final SparkSession spark = SharedSpark.session();

  @Test
  void identifierPairsLinkUnlessAConflictRuleHoldsAndFuzzyPairsNeedTheThreshold() {
    Dataset<Row> scored = spark.createDataFrame(List.of(
        RowFactory.create(1L, 2L, List.of("email"), 2, -1, 0.5, 1.0),
        RowFactory.create(1L, 3L, List.of("email"), 0, -1, 0.99, 9.0),
        RowFactory.create(1L, 4L, null, 2, 3, 0.95, 5.0),
        RowFactory.create(1L, 5L, null, 2, 0, 0.99, 7.0),
        RowFactory.create(1L, 6L, null, -1, -1, 0.5, 0.0),
        RowFactory.create(1L, 7L, null, 1, 1, 0.89, 3.0)), SCORED);
    Map<Long, String> got = new TreeMap<>();
    LinkDecisions.decide(scored, SETTINGS).collectAsList().forEach(r -> got.put(r.getLong(1),
        r.getAs("rule") + " link=" + r.getAs("link") + " conflict=" + r.getAs("conflict") + " strength="
            + r.getAs("strength")));
    assertEquals(Map.of(
        2L, "fuzzy link=false conflict=false strength=1.0",
        3L, "identifier:email link=false conflict=true strength=9.0",
        4L, "fuzzy link=true conflict=false strength=5.0",
        5L, "fuzzy link=false conflict=true strength=7.0",
        6L, "fuzzy link=false conflict=false strength=0.0",
        7L, "fuzzy link=false conflict=false strength=3.0"), got);
  }

  @Test
  void anIdentifierThatRecordsInConflictShareLinksOnlyOnTheMatchProbability() {
    // 1 and 2 share a family email but their given names disagree; 3 holds only that email; 4 shares email and
    // phone with 1; 5 and 6 share another email with nothing against it
    Dataset<Row> scored = spark.createDataFrame(List.of(
        RowFactory.create(1L, 2L, List.of("email"), 0, -1, 0.99, 9.0),
        RowFactory.create(1L, 3L, List.of("email"), -1, -1, 0.5, 0.0),
        RowFactory.create(2L, 3L, List.of("email"), -1, -1, 0.96, 4.5),
        RowFactory.create(1L, 4L, List.of("email", "phone"), 2, -1, 0.7, 2.0),
        RowFactory.create(5L, 6L, List.of("email"), -1, -1, 0.5, 0.0)), SCORED);

    Dataset<Row> decided = LinkDecisions.decide(scored, SETTINGS);

    assertEquals(List.of("left_id", "right_id", "identifiers", "g_given_name", "g_birth_date", "match_probability",
        "match_weight", "conflict", "rule", "link", "strength"), List.of(decided.columns()));
    Map<String, String> got = new TreeMap<>();
    decided.collectAsList().forEach(r -> got.put(r.getLong(0) + "-" + r.getLong(1),
        r.getAs("rule") + " link=" + r.getAs("link")));
    assertEquals(Map.of(
        "1-2", "identifier:email link=false",
        "1-3", "fuzzy link=false",
        "2-3", "fuzzy link=true",
        "1-4", "identifier:phone link=true",
        "5-6", "identifier:email link=true"), got);
  }

  @Test
  void conflictKeysHoldConfiguredColumnsAndTheIdOfADuplicateFreeSource() {
    StructType silver = new StructType().add("record_key", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("source_record_id", DataTypes.StringType).add("email_key", DataTypes.StringType)
        .add("family_key", DataTypes.StringType).add("given_key", DataTypes.StringType)
        .add("birth_date", DataTypes.DateType);
    Dataset<Row> records = IdentityRecords.prepare(spark.createDataFrame(List.of(
        RowFactory.create("crm:1", "crm", "1", null, "lee", "ann", java.sql.Date.valueOf("1980-02-01")),
        RowFactory.create("shop:9", "shop", "9", null, "lee", "ann", null)), silver), SETTINGS);
    Map<String, Object> keys = new TreeMap<>();
    records.collectAsList().forEach(r -> keys.put(r.getAs("record_key"), r.getJavaMap(r.fieldIndex("conflict_keys"))));
    assertEquals(Map.of("crm:1", Map.of("birth_date", "1980-02-01", "source:crm", "1"), "shop:9", Map.of()), keys);
    assertEquals(List.of("record_key", "source", "source_record_id", "email_key", "family_key", "given_key",
        "birth_date"), IdentityRecords.columns(SETTINGS));
  }
}
