package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PairComparatorTest {

  static final StructType RECORD_SCHEMA = new StructType()
      .add("node_id", DataTypes.LongType, false)
      .add("given_name", DataTypes.StringType)
      .add("family_name", DataTypes.StringType)
      .add("birth_date", DataTypes.DateType)
      .add("email_key", DataTypes.StringType)
      .add("postcode", DataTypes.StringType)
      .add("address_key", DataTypes.StringType);

  private static final Comparisons COMPARISONS = Comparisons.of(
      ComparisonSpec.string("given", "given_name", List.of(0.92, 0.80)).withCrossColumn("family_name"),
      ComparisonSpec.string("family", "family_name", List.of(0.9)).with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.date("dob", "birth_date"),
      ComparisonSpec.exact("email", "email_key"),
      ComparisonSpec.string("postcode", "postcode", List.of()).with(ComparisonOption.EDIT_DISTANCE_LEVEL)
          .with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.tokens("address", "address_key", List.of(0.9), List.of(0.6)));

  @Test
  void gradesEveryComparisonAndAddsTermFrequenciesOfExactAgreements() {
    Dataset<Row> compared = PairComparator.compare(pairs(), records(), COMPARISONS);

    assertEquals(new StructType()
        .add("left_id", DataTypes.LongType, false)
        .add("right_id", DataTypes.LongType, false)
        .add("rule", DataTypes.StringType)
        .add("g_given", DataTypes.IntegerType, false)
        .add("g_family", DataTypes.IntegerType, false)
        .add("tf_family", DataTypes.DoubleType)
        .add("g_dob", DataTypes.IntegerType, false)
        .add("g_email", DataTypes.IntegerType, false)
        .add("g_postcode", DataTypes.IntegerType, false)
        .add("tf_postcode", DataTypes.DoubleType)
        .add("g_address", DataTypes.IntegerType, false), compared.schema());
    assertEquals(List.of(
        "1,2,r,3,2,0.3333,2,-1,2,0.4000,2",
        "1,3,r,1,0,null,3,1,1,null,3",
        "4,5,r,2,2,0.5000,-1,1,2,0.4000,-1",
        "4,6,r,0,2,0.5000,-1,-1,-1,null,0",
        "5,6,r,0,2,0.5000,0,-1,-1,null,-1"), render(compared));
  }

  @Test
  void levelsOnlyAddsNoTermFrequencies() {
    Dataset<Row> levels = PairComparator.levels(pairs(), records(), COMPARISONS);
    assertEquals(List.of("left_id", "right_id", "rule", "g_given", "g_family", "g_dob", "g_email", "g_postcode",
        "g_address"), Arrays.asList(levels.columns()));
    assertEquals("1,3,r,1,0,3,1,1,3", render(levels).get(1));
  }

  @Test
  void aComparisonOnlyWithoutAnotherCountsOnlyWhereTheOtherHasNoValue() {
    Comparisons comparisons = Comparisons.of(
        ComparisonSpec.exact("postcode", "postcode").with(ComparisonOption.TF_ADJUST).onlyWithout("address"),
        ComparisonSpec.tokens("address", "address_key", List.of(0.9), List.of(0.6)));
    assertEquals(List.of("1,2,r,-1,2", "1,3,r,-1,3", "4,5,r,1,-1", "4,6,r,-1,0", "5,6,r,-1,-1"),
        render(PairComparator.levels(pairs(), records(), comparisons)));
    assertEquals(List.of("1,2,r,-1,null,2", "1,3,r,-1,null,3", "4,5,r,1,0.4000,-1", "4,6,r,-1,null,0",
        "5,6,r,-1,null,-1"), render(PairComparator.compare(pairs(), records(), comparisons)));
    assertEquals("comparison postcode: only_without names unknown comparison 'street'; comparisons: [postcode]",
        assertThrows(IllegalArgumentException.class, () -> Comparisons.of(
            ComparisonSpec.exact("postcode", "postcode").onlyWithout("street"))).getMessage());
  }

  @Test
  void typoCheckedComparisonsCountValuesOverAllRecords() {
    StructType schema = new StructType().add("node_id", DataTypes.LongType).add("given", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    long id = 0;
    for (String name : List.of("john", "john", "john", "john", "john", "john", "joan", "joan", "joan", "jon")) {
      rows.add(RowFactory.create(++id, name));
    }
    Dataset<Row> records = SharedSpark.session().createDataFrame(rows, schema);
    Dataset<Row> pairs = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, 7L),
        RowFactory.create(1L, 10L), RowFactory.create(1L, 2L)), new StructType()
        .add("left_id", DataTypes.LongType).add("right_id", DataTypes.LongType));
    ComparisonSpec plain = ComparisonSpec.string("given", "given", List.of(0.8));
    Comparisons checked = Comparisons.of(plain.withTypoCheck(new TypoCheck(3, 0.4)));

    assertEquals(List.of("1,2,2", "1,7,1", "1,10,1"), render(PairComparator.levels(pairs, records,
        Comparisons.of(plain))));
    assertEquals(List.of("1,2,2", "1,7,0", "1,10,1"), render(PairComparator.compare(pairs, records, checked)),
        "joan (3 records) is half as common as john (6): a name of its own; jon (1 record) may be a typo");
    assertEquals(List.of("1,2,2", "1,7,0", "1,10,1"), render(PairComparator.levels(pairs,
        PairComparator.withValueCounts(records, checked), checked)));
    assertEquals("records (value counts from PairComparator.withValueCounts) is missing required column(s) "
        + "[_n_given]; it has [node_id, given]", assertThrows(IllegalArgumentException.class,
            () -> PairComparator.levels(pairs, records, checked)).getMessage());
  }

  @Test
  void datesGivenAsTextAreComparedAsYyyymmdd() {
    StructType schema = new StructType().add("node_id", DataTypes.LongType).add("dob", DataTypes.StringType);
    Dataset<Row> records = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, "1985-04-07"),
        RowFactory.create(2L, "19850704"), RowFactory.create(3L, "1985-04-08")), schema);
    Dataset<Row> pairs = SharedSpark.session().createDataFrame(List.of(RowFactory.create(1L, 2L),
        RowFactory.create(1L, 3L), RowFactory.create(2L, 3L)), new StructType()
        .add("left_id", DataTypes.LongType).add("right_id", DataTypes.LongType));
    Dataset<Row> levels = PairComparator.levels(pairs, records, Comparisons.of(ComparisonSpec.date("dob", "dob")));
    assertEquals(List.of("1,2,2", "1,3,1", "2,3,0"), render(levels));
  }

  @Test
  void missingColumnsFailBeforeAnySparkAction() {
    Dataset<Row> records = records().drop("email_key");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairComparator.compare(pairs(), records, COMPARISONS));
    assertEquals("records is missing required column(s) [email_key]; it has [node_id, given_name, family_name, "
        + "birth_date, postcode, address_key]", e.getMessage());
    assertEquals("candidate pairs is missing required column(s) [right_id]; it has [left_id, rule]",
        assertThrows(IllegalArgumentException.class, () -> PairComparator.levels(pairs().drop("right_id"),
            records(), COMPARISONS)).getMessage());
  }

  static Dataset<Row> records() {
    return SharedSpark.session().createDataFrame(List.of(
        RowFactory.create(1L, "jonathan", "kowalczyk", date("1985-04-07"), "jk@x.org", "2040", "12 harbour view rd"),
        RowFactory.create(2L, "jonathon", "kowalczyk", date("1985-07-04"), null, "2040", "12 harbour veiw rd"),
        RowFactory.create(3L, "kowalczyk", "jonathan", date("1985-04-07"), "jk@x.org", "2041", "12 harbour view rd"),
        RowFactory.create(4L, "mary", "smith", null, "ms@x.org", "3000", "7 mill lane"),
        RowFactory.create(5L, "maria", "smith", date("1990-01-02"), "ms@x.org", "3000", null),
        RowFactory.create(6L, "peter", "smith", date("1961-11-30"), null, null, "1 high st")), RECORD_SCHEMA);
  }

  private static Dataset<Row> pairs() {
    long[][] ids = {{1, 2}, {1, 3}, {4, 5}, {4, 6}, {2, 99}, {5, 6}};
    List<Row> rows = new ArrayList<>();
    for (long[] pair : ids) {
      rows.add(RowFactory.create(pair[0], pair[1], "r"));
    }
    return SharedSpark.session().createDataFrame(rows, pairSchema());
  }

  private static StructType pairSchema() {
    return new StructType().add("left_id", DataTypes.LongType, false).add("right_id", DataTypes.LongType, false)
        .add("rule", DataTypes.StringType);
  }

  private static Date date(String iso) {
    return Date.valueOf(iso);
  }

  /** Rows sorted by ids, values comma-joined, doubles to 4 decimals. */
  static List<String> render(Dataset<Row> data) {
    return data.orderBy("left_id", "right_id").collectAsList().stream().map(PairComparatorTest::render).toList();
  }

  private static String render(Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      values.add(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v));
    }
    return String.join(",", values);
  }
}
