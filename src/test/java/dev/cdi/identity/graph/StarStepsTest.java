package dev.cdi.identity.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StarStepsTest {

  private static final StructType CHILD_PARENT = new StructType()
      .add("child", DataTypes.LongType).add("parent", DataTypes.LongType);
  private static final StructType FLAGGED = CHILD_PARENT.add("changed", DataTypes.BooleanType);

  private final SparkSession spark = SharedSpark.session();

  private static Set<String> rows(Dataset<Row> data) {
    Set<String> out = new TreeSet<>();
    for (Row row : data.collectAsList()) {
      out.add(row.toString());
    }
    return out;
  }

  @Test
  void orientKeepsOnePairPerEdgeLargerEndFirstAndDropsNullEnds() {
    List<Row> edges = List.of(RowFactory.create(1L, 2L), RowFactory.create(2L, 1L), RowFactory.create(3L, 3L),
        RowFactory.create(null, 4L));
    Dataset<Row> oriented = StarSteps.orient(spark.createDataFrame(edges, GraphRows.EDGES));
    assertEquals(CHILD_PARENT, oriented.schema());
    assertEquals(Set.of("[2,1]", "[3,3]"), rows(oriented));
  }

  @Test
  void largeStarPointsLargerNeighboursAtTheSmallestNeighbourOfTheSmallerEnd() {
    List<Row> path = List.of(RowFactory.create(2L, 1L), RowFactory.create(3L, 2L), RowFactory.create(4L, 3L));
    Dataset<Row> out = StarSteps.largeStar(spark.createDataFrame(path, CHILD_PARENT));
    assertEquals(Set.of("[2,1,false]", "[3,1,true]", "[4,2,true]"), rows(out));
  }

  @Test
  void smallStarPointsANodeAndItsParentsAtItsSmallestParent() {
    List<Row> edges = new ArrayList<>(List.of(RowFactory.create(5L, 1L, false), RowFactory.create(5L, 3L, false),
        RowFactory.create(5L, 4L, false), RowFactory.create(3L, 2L, false), RowFactory.create(7L, 6L, false)));
    Dataset<Row> out = StarSteps.smallStar(spark.createDataFrame(edges, FLAGGED));
    assertEquals(FLAGGED, out.schema());
    assertEquals(Set.of("[5,1,true]", "[3,1,true]", "[4,1,true]", "[3,2,false]", "[7,6,false]"), rows(out));
  }
}
