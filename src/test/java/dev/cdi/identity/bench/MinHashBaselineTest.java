package dev.cdi.identity.bench;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.identity.eval.BlockingMetrics;
import dev.cdi.testing.SharedSpark;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class MinHashBaselineTest {

  private static final StructType SILVER = new StructType()
      .add("record_key", DataTypes.StringType)
      .add("given_canonical", DataTypes.StringType)
      .add("family_key", DataTypes.StringType)
      .add("address_key", DataTypes.StringType)
      .add("birth_date", DataTypes.DateType);
  private static final MinHashBaseline.Options OPTIONS = new MinHashBaseline.Options("unused", "unused", 0.6, 5, 3,
      1 << 18, 42L, 60L);

  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> silver(Object[]... rows) {
    return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), SILVER);
  }

  /** s:1, s:2 and s:3 have one text; s:4 shares no 3-gram with it; s:5 has no text at all. */
  private Dataset<Row> fiveRecords() {
    Date born = Date.valueOf("1980-02-03");
    return silver(
        new Object[] {"s:3", "ann", "lee", "1 main st", born},
        new Object[] {"s:1", "ann", "lee", "1 main st", born},
        new Object[] {"s:2", "ann", "lee", "1 main st", born},
        new Object[] {"s:4", "zoq", "vux", null, null},
        new Object[] {"s:5", null, null, null, null});
  }

  @Test
  void textJoinsNameAddressAndBirthDateSkippingNulls() {
    List<String> texts = fiveRecords().select(col("record_key"), MinHashBaseline.text().as("t")).orderBy("record_key")
        .collectAsList().stream().map(r -> r.getString(0) + "=" + r.getString(1)).toList();
    assertEquals(List.of("s:1=ann lee 1 main st 1980-02-03", "s:2=ann lee 1 main st 1980-02-03",
        "s:3=ann lee 1 main st 1980-02-03", "s:4=zoq vux", "s:5="), texts);
  }

  @Test
  void shinglesAreDistinctCharacterQgramsAndShortTextIsItsOwnShingle() {
    Dataset<Row> texts = spark.createDataFrame(Arrays.asList(RowFactory.create("abcab"), RowFactory.create("aaaa"),
        RowFactory.create("ab"), RowFactory.create(""), RowFactory.create((Object) null)),
        new StructType().add("t", DataTypes.StringType));
    List<List<String>> shingles = texts.select(MinHashBaseline.shingles(col("t"), 3)).collectAsList().stream()
        .map(r -> r.<String>getList(0)).toList();
    assertEquals(List.of(List.of("abc", "bca", "cab"), List.of("aaa"), List.of("ab"), List.of(), List.of()),
        shingles);
  }

  @Test
  void selfJoinGivesEachPairOnceWithTheSmallerKeyLeftAndDropsRecordsWithoutText() {
    Dataset<Row> features = MinHashBaseline.features(fiveRecords(), OPTIONS);
    assertEquals(4, features.count());
    MinHashLSHModel model = MinHashBaseline.fit(features, OPTIONS);
    List<String> pairs = MinHashBaseline.pairs(model, model.transform(features), OPTIONS.maxDistance())
        .orderBy("left_key", "right_key").collectAsList().stream()
        .map(r -> r.getString(0) + "-" + r.getString(1) + "@" + r.getDouble(2)).toList();
    // Identical texts always collide at distance 0; s:4 shares no shingle (distance 1) and is never joined.
    assertEquals(List.of("s:1-s:2@0.0", "s:1-s:3@0.0", "s:2-s:3@0.0"), pairs);
  }

  @Test
  void recallCountsOnlyTrueMatchesAmongTheSilverRecords() {
    Dataset<Row> silver = fiveRecords();
    Dataset<Row> pairs = spark.createDataFrame(Arrays.asList(RowFactory.create("s:1", "s:2"),
        RowFactory.create("s:1", "s:3"), RowFactory.create("s:2", "s:3")),
        new StructType().add("left_key", DataTypes.StringType).add("right_key", DataTypes.StringType));
    // s:9 is labelled P1 but is not in silver: its two pairs with s:1 and s:2 are not counted as missed.
    Dataset<Row> truth = spark.createDataFrame(Arrays.asList(RowFactory.create("s:1", "P1"),
        RowFactory.create("s:2", "P1"), RowFactory.create("s:9", "P1"), RowFactory.create("s:3", "P2"),
        RowFactory.create("s:4", "P2"), RowFactory.create("s:5", "P3")),
        new StructType().add("record_key", DataTypes.StringType).add("entity_id", DataTypes.StringType));
    BlockingMetrics metrics = MinHashBaseline.recall(pairs, truth, silver);
    assertEquals(new BlockingMetrics(3, 3, 1, 5, 2), metrics);
    assertEquals(0.5, metrics.pairCompleteness());
    assertEquals(1.0 / 3, metrics.pairsQuality());
  }
}
