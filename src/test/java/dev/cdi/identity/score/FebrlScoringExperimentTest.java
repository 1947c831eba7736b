package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.soundex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdi.testing.SharedData;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Accuracy experiment on Febrl dataset3 (5,000 records, 2,000 people, 6,538 true pairs): block on surname soundex,
 * postcode or date of birth, train without labels, and report pairwise precision, recall and F1 at match
 * probability 0.5. Skipped when the shared data is absent.
 */
class FebrlScoringExperimentTest {

  private static final Path FILE = SharedData.febrl("dataset3.csv");
  private static final Pattern ENTITY = Pattern.compile("^rec-(\\d+)-");
  private static final StructType SCHEMA = new StructType()
      .add("node_id", DataTypes.LongType, false)
      .add("entity", DataTypes.LongType, false)
      .add("given_name", DataTypes.StringType)
      .add("surname", DataTypes.StringType)
      .add("address", DataTypes.StringType)
      .add("suburb", DataTypes.StringType)
      .add("postcode", DataTypes.StringType)
      .add("state", DataTypes.StringType)
      .add("date_of_birth", DataTypes.StringType)
      .add("soc_sec_id", DataTypes.StringType);
  private static final Comparisons COMPARISONS = Comparisons.of(
      ComparisonSpec.string("given_name", "given_name", List.of(0.92, 0.80)).withCrossColumn("surname")
          .with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.string("surname", "surname", List.of(0.92, 0.80)).withCrossColumn("given_name")
          .with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.date("dob", "date_of_birth"),
      ComparisonSpec.tokens("address", "address", List.of(0.92, 0.80), List.of(0.5)),
      ComparisonSpec.string("suburb", "suburb", List.of(0.92, 0.80)).with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.string("postcode", "postcode", List.of()).with(ComparisonOption.EDIT_DISTANCE_LEVEL)
          .with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.exact("state", "state"),
      ComparisonSpec.string("soc_sec_id", "soc_sec_id", List.of()).with(ComparisonOption.EDIT_DISTANCE_LEVEL));

  @Test
  void febrlDataset3PairwiseAccuracy() throws IOException {
    assumeTrue(Files.isRegularFile(FILE), "shared Febrl dataset3 is not present at " + FILE);
    long started = System.nanoTime();
    Dataset<Row> records = SharedSpark.session().createDataFrame(read(FILE), SCHEMA).persist();
    Dataset<Row> compared = null;
    try {
      Dataset<Row> pairs = block(records);
      compared = PairComparator.compare(pairs, records, COMPARISONS).persist();
      FellegiSunterModel model = ModelTrainer.train(records, compared, COMPARISONS,
          new TrainingSettings(new RandomPairSettings(250_000, 42), EmSettings.DEFAULTS));
      Dataset<Row> scored = PairScorer.score(compared, model, ScoreSettings.DEFAULTS);
      Row counts = scored.selectExpr(
          "count(*) as blocked",
          "count_if(same_entity) as true_blocked",
          "count_if(match_probability >= 0.5) as predicted",
          "count_if(match_probability >= 0.5 and same_entity) as correct").first();
      long truePairs = truePairs(records);
      long blocked = counts.getLong(0);
      long trueBlocked = counts.getLong(1);
      long predicted = counts.getLong(2);
      long correct = counts.getLong(3);
      double precision = (double) correct / predicted;
      double recall = (double) correct / trueBlocked;
      double f1 = f1(precision, recall);
      double overallRecall = (double) correct / truePairs;
      System.out.printf(Locale.ROOT, "Febrl dataset3: %d blocked pairs, %d of %d true pairs blocked (blocking "
          + "recall %.4f); at p >= 0.5: %d predicted, %d correct; on blocked pairs precision %.4f recall %.4f "
          + "F1 %.4f; over all true pairs recall %.4f F1 %.4f; %.1f s%n", blocked, trueBlocked, truePairs,
          (double) trueBlocked / truePairs, predicted, correct, precision, recall, f1, overallRecall,
          f1(precision, overallRecall), (System.nanoTime() - started) / 1e9);
      assertEquals(6538, truePairs);
      assertTrue(f1 > 0.95, "F1 " + f1);
    } finally {
      if (compared != null) {
        compared.unpersist();
      }
      records.unpersist();
    }
  }

  private static double f1(double precision, double recall) {
    return 2 * precision * recall / (precision + recall);
  }

  /** Number of record pairs of the same person, from the entity ids. */
  private static long truePairs(Dataset<Row> records) {
    return records.groupBy("entity").count().collectAsList().stream()
        .mapToLong(row -> row.getLong(1) * (row.getLong(1) - 1) / 2).sum();
  }

  /** Pairs sharing surname soundex, postcode or date of birth, with whether they are the same person. */
  private static Dataset<Row> block(Dataset<Row> records) {
    Dataset<Row> keyed = records.select(col("node_id"), col("entity"), soundex(col("surname")).as("surname_key"),
        col("postcode"), col("date_of_birth"));
    Dataset<Row> pairs = null;
    for (String key : List.of("surname_key", "postcode", "date_of_birth")) {
      Dataset<Row> left = keyed.select(col("node_id").as("left_id"), col("entity").as("le"), col(key).as("k"));
      Dataset<Row> right = keyed.select(col("node_id").as("right_id"), col("entity").as("re"), col(key).as("k2"));
      Dataset<Row> rule = left.join(right, col("k").equalTo(col("k2")).and(col("left_id").lt(col("right_id"))))
          .select(col("left_id"), col("right_id"), col("le").equalTo(col("re")).as("same_entity"));
      pairs = pairs == null ? rule : pairs.union(rule);
    }
    return pairs.distinct();
  }

  private static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      Matcher entity = ENTITY.matcher(f[0].strip());
      assertTrue(entity.find(), f[0]);
      String street = join(value(f[3]), value(f[4]));
      rows.add(RowFactory.create((long) i, Long.parseLong(entity.group(1)), value(f[1]), value(f[2]), street,
          value(f[6]), value(f[7]), value(f[8]), value(f[9]), value(f[10])));
    }
    return rows;
  }

  private static String value(String raw) {
    String v = raw.strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() ? null : v;
  }

  private static String join(String number, String street) {
    if (number == null) {
      return street;
    }
    return street == null ? number : number + " " + street;
  }
}
