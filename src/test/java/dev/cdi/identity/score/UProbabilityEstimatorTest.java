package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class UProbabilityEstimatorTest {

  private static final Comparisons POSTCODE = Comparisons.of(ComparisonSpec.exact("postcode", "postcode"));

  @Test
  void allPairsOfASmallTableGiveSmoothedLevelShares() {
    UProbabilities u = UProbabilityEstimator.estimate(records(), POSTCODE, new RandomPairSettings(10, 7));
    // 10 pairs; 6 without a null postcode: 2 exact (1-2, 3-5), 4 else; Laplace: (4+1)/8, (2+1)/8.
    assertEquals(10, u.sampledPairs());
    assertEquals(List.of(5.0 / 8, 3.0 / 8), u.of(0));
  }

  @Test
  void sampleIsBoundedAndDeterministicForASeed() {
    RandomPairSettings settings = new RandomPairSettings(3, 11);
    UProbabilities first = UProbabilityEstimator.estimate(records(), POSTCODE, settings);
    assertEquals(3, first.sampledPairs());
    assertEquals(first, UProbabilityEstimator.estimate(records(), POSTCODE, settings));
  }

  private static Dataset<Row> records() {
    StructType schema = new StructType().add("node_id", DataTypes.LongType).add("postcode", DataTypes.StringType);
    return SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, "a"), RowFactory.create(2L, "a"),
        RowFactory.create(3L, "b"), RowFactory.create(4L, null), RowFactory.create(5L, "b")), schema);
  }
}
