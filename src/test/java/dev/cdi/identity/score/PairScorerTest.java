package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PairScorerTest {

  private static final StructType GAMMAS = new StructType()
      .add("left_id", DataTypes.LongType, false)
      .add("right_id", DataTypes.LongType, false)
      .add("g_email", DataTypes.IntegerType, false)
      .add("g_family", DataTypes.IntegerType, false)
      .add("tf_family", DataTypes.DoubleType);

  @Test
  void scoresAreThePriorPlusLevelWeightsWithTermFrequencyAdjustment() {
    FellegiSunterModel model = FellegiSunterModelTest.model();
    Dataset<Row> gammas = SharedSpark.session().createDataFrame(List.of(
        RowFactory.create(1L, 2L, 1, 2, 0.001),
        RowFactory.create(1L, 3L, 0, 1, null),
        RowFactory.create(2L, 3L, -1, 2, 1e-9),
        RowFactory.create(3L, 4L, 1, -1, null)), GAMMAS);

    List<Row> rows = PairScorer.score(gammas, model, new ScoreSettings(1e-4)).orderBy("left_id", "right_id")
        .collectAsList();

    double[] expected = {
        -2 + log2(0.8 / 0.01) + log2(0.8 / 0.001),
        -2 + log2(0.2 / 0.99) + log2(0.1 / 0.06),
        -2 + log2(0.8 / 1e-4),
        -2 + log2(0.8 / 0.01)};
    for (int i = 0; i < expected.length; i++) {
      Row row = rows.get(i);
      assertEquals(expected[i], row.<Double>getAs("match_weight"), 1e-9);
      assertEquals(1 / (1 + Math.pow(2, -expected[i])), row.<Double>getAs("match_probability"), 1e-12);
    }
    assertEquals(Map.of("email", 0, "family", 1), map(rows.get(1), "levels"));
    assertEquals(Map.of("email", 0.0, "family", log2(0.8 / 1e-4)), map(rows.get(2), "weights"));
    assertEquals(Map.of("email", log2(0.8 / 0.01), "family", 0.0), map(rows.get(3), "weights"));
  }

  @Test
  void outputSchemaKeepsInputsAndAddsScoresAndExplanationMaps() {
    Dataset<Row> gammas = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, 2L, 1, 2, 0.5)),
        GAMMAS);
    StructType schema = PairScorer.score(gammas, FellegiSunterModelTest.model(), ScoreSettings.DEFAULTS).schema();
    List<String> fields = new ArrayList<>();
    schema.foreach(f -> fields.add(f.name() + ":" + f.dataType().simpleString()));
    assertEquals(List.of("left_id:bigint", "right_id:bigint", "g_email:int", "g_family:int", "tf_family:double",
        "match_weight:double", "match_probability:double", "levels:map<string,int>", "weights:map<string,double>"),
        fields);
  }

  @Test
  void missingTermFrequencyColumnIsReported() {
    Dataset<Row> gammas = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, 2L, 1, 2, 0.5)),
        GAMMAS).drop("tf_family");
    assertEquals("compared pairs is missing required column(s) [tf_family]; it has [left_id, right_id, g_email, "
        + "g_family]", assertThrows(IllegalArgumentException.class,
            () -> PairScorer.score(gammas, FellegiSunterModelTest.model(), ScoreSettings.DEFAULTS)).getMessage());
  }

  private static Map<String, Object> map(Row row, String column) {
    return row.getJavaMap(row.fieldIndex(column));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
