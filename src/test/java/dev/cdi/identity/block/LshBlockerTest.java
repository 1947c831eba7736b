package dev.cdi.identity.block;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.block.LshColumns.Buckets;
import dev.cdi.identity.block.LshColumns.Pairs;
import dev.cdi.testing.SharedSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@link LshBlocker} on tiny inline records. */
class LshBlockerTest {

  private static final StructType PEOPLE = new StructType()
      .add("node_id", DataTypes.LongType)
      .add("given_name", DataTypes.StringType)
      .add("surname", DataTypes.StringType)
      .add("dob", DataTypes.DateType);
  private static final StructType TAGGED = new StructType()
      .add("node_id", DataTypes.LongType)
      .add("tags", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> people(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] row : rows) {
      out.add(RowFactory.create(row));
    }
    return spark.createDataFrame(out, PEOPLE);
  }

  private static Object[] person(long id, String given, String surname, String dob) {
    return new Object[] {id, given, surname, dob == null ? null : Date.valueOf(dob)};
  }

  private static BlockingView nameView(int bands, int rows, int maxBucketSize) {
    return new BlockingView("name", List.of(Shingler.qgrams("given_name"), Shingler.qgrams("surname")), bands, rows,
        maxBucketSize);
  }

  private static List<String> pairs(LshBlockingResult result) {
    return result.pairs().orderBy(Pairs.LEFT_ID, Pairs.RIGHT_ID).collectAsList().stream()
        .map(r -> r.getLong(0) + "-" + r.getLong(1) + " " + r.getList(2)).toList();
  }

  private static Set<String> idPairs(LshBlockingResult result) {
    Set<String> out = new TreeSet<>();
    result.pairs().collectAsList().forEach(r -> out.add(r.getLong(0) + "-" + r.getLong(1)));
    return out;
  }

  @Test
  void nearDuplicatesWithTyposBecomePairsAndUnrelatedRecordsDoNot() {
    Dataset<Row> records = people(
        person(1, "katherine", "smith", null),
        person(2, "katharine", "smith", null),
        person(3, "bruno", "dupont", null),
        person(4, "brunno", "dupond", null),
        person(5, "ivy", "lo", null),
        person(6, null, null, "1990-01-02"));
    LshBlockingResult result = LshBlocker.block(records, LshSettings.of(11L, nameView(20, 2, 50)));
    assertEquals(List.of("1-2 [name]", "3-4 [name]"), pairs(result));
    assertEquals(Pairs.SCHEMA.fieldNames().length, result.pairs().schema().fields().length);
    assertEquals(DataTypes.LongType, result.pairs().schema().apply(Pairs.LEFT_ID).dataType());
    assertEquals(DataTypes.LongType, result.pairs().schema().apply(Pairs.RIGHT_ID).dataType());
    assertEquals(DataTypes.createArrayType(DataTypes.StringType, false),
        result.pairs().schema().apply(Pairs.VIEWS).dataType());
    assertEquals(Buckets.SCHEMA, result.buckets().schema());
    assertEquals(Buckets.SCHEMA.length() - 1, result.bucketStats().schema().length());
  }

  @Test
  void moreRowsPerBandRejectLowSimilarityPairs() {
    // 40 pairs {a_k b_k} / {a_k c_k}: Jaccard 1/3 within a pair, 0 across pairs. With 6 bands, P(candidate) is
    // 1 - (2/3)^6 = 0.91 for r = 1 and 1 - (26/27)^6 = 0.20 for r = 3.
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      rows.add(RowFactory.create(2L * k, "a" + k + " b" + k));
      rows.add(RowFactory.create(2L * k + 1, "a" + k + " c" + k));
    }
    Dataset<Row> records = spark.createDataFrame(rows, TAGGED);
    Set<String> withinPairs = new TreeSet<>();
    for (int k = 0; k < 40; k++) {
      withinPairs.add(2 * k + "-" + (2 * k + 1));
    }
    Set<String> oneRow = idPairs(LshBlocker.block(records, LshSettings.of(5L, tagView(6, 1))));
    Set<String> threeRows = idPairs(LshBlocker.block(records, LshSettings.of(5L, tagView(6, 3))));
    assertTrue(withinPairs.containsAll(oneRow) && withinPairs.containsAll(threeRows), "no pair across groups");
    assertTrue(oneRow.size() >= 30, "r = 1 finds most of the 40 pairs, got " + oneRow.size());
    assertTrue(threeRows.size() <= 16, "r = 3 finds few of the 40 pairs, got " + threeRows.size());
    assertTrue(oneRow.containsAll(threeRows), "what r = 3 finds, r = 1 finds too (same first values per band)");
  }

  private static BlockingView tagView(int bands, int rows) {
    return new BlockingView("tags", List.of(Shingler.tokens("tags")), bands, rows, 50);
  }

  @Test
  void oversizedBucketOfIdenticalNamesIsDroppedAndReported() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(person(1000 + i, "john", "smith", null));
    }
    rows.add(person(1, "katherine", "smith", null));
    rows.add(person(2, "katharine", "smith", null));
    LshBlockingResult result = LshBlocker.block(people(rows.toArray(Object[][]::new)),
        LshSettings.of(3L, nameView(4, 2, 50)));
    assertEquals(List.of("1-2 [name]"), pairs(result));
    List<String> summary = result.outcomeSummary().collectAsList().stream().map(Row::toString).toList();
    assertEquals("[name,DROPPED,4,1200,300,1200,0]", summary.get(0));
    List<Row> dropped = result.bucketStats().where(col(Buckets.OUTCOME).equalTo("DROPPED"))
        .orderBy(Buckets.BAND).collectAsList();
    assertEquals(4, dropped.size());
    for (int band = 0; band < 4; band++) {
      Row bucket = dropped.get(band);
      assertEquals(band, bucket.getInt(bucket.fieldIndex(Buckets.BAND)));
      assertEquals(300, bucket.getInt(bucket.fieldIndex(Buckets.SIZE)));
      assertEquals(LshSettings.DEFAULT_MAX_REFINEMENTS, bucket.getInt(bucket.fieldIndex(Buckets.REFINEMENTS)));
      assertEquals(300, bucket.getInt(bucket.fieldIndex(Buckets.DROPPED_RECORDS)));
      assertEquals(0L, bucket.getLong(bucket.fieldIndex(Buckets.PAIRS)));
    }
  }

  @Test
  void oversizedBucketIsSplitByRefinementIntoGroupsWithinTheLimit() {
    // Eight birth dates, 40 records each, all named smith: within a date the sets are identical; across dates
    // they share only the surname (Jaccard 1/3), so band buckets merge whole date groups (80+ records).
    List<Object[]> rows = new ArrayList<>();
    for (int d = 0; d < 8; d++) {
      for (int i = 0; i < 40; i++) {
        rows.add(person(100L * d + i, null, "smith", "1990-01-0" + (d + 1)));
      }
    }
    BlockingView view = new BlockingView("surname_dob", List.of(Shingler.value("surname"), Shingler.value("dob")),
        4, 2, 50);
    LshBlockingResult result = LshBlocker.block(people(rows.toArray(Object[][]::new)), LshSettings.of(9L, view));
    List<Row> buckets = result.buckets().collectAsList();
    assertTrue(buckets.stream().anyMatch(b -> !b.getString(b.fieldIndex(Buckets.OUTCOME)).equals("KEPT")),
        "some bucket holds several date groups");
    for (Row bucket : buckets) {
      for (Object group : bucket.getList(bucket.fieldIndex(Buckets.GROUPS))) {
        List<Long> ids = ids(group);
        assertEquals(40, ids.size(), "a kept group is one whole date group: " + ids);
        assertEquals(ids.get(0) / 100, ids.get(39) / 100);
      }
    }
    Set<String> found = idPairs(result);
    assertTrue(found.stream().allMatch(p -> Long.parseLong(p.split("-")[0]) / 100
        == Long.parseLong(p.split("-")[1]) / 100), "pairs only within a date group");
    assertEquals(0, found.size() % (40 * 39 / 2), "whole date groups: " + found.size());
  }

  private static List<Long> ids(Object group) {
    scala.collection.Seq<?> seq = (scala.collection.Seq<?>) group;
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < seq.length(); i++) {
      out.add((Long) seq.apply(i));
    }
    return out;
  }

  @Test
  void pairsProposedBySeveralViewsAndBandsAppearOnce() {
    Dataset<Row> records = people(
        person(1, "anna", "kowalski", "1990-01-02"),
        person(2, "anna", "kowalski", "1990-01-02"),
        person(3, "bruno", "dupont", "1971-12-30"));
    BlockingView nameDob = new BlockingView("name_dob", List.of(Shingler.qgrams("given_name"),
        Shingler.qgrams("surname"), Shingler.value("dob")), 5, 2, 50);
    LshBlockingResult result = LshBlocker.block(records, LshSettings.of(1L, nameView(5, 2, 50), nameDob));
    assertEquals(List.of("1-2 [name, name_dob]"), pairs(result));
    assertEquals(10L, result.bucketStats().count(), "one bucket per band and view");
  }

  @Test
  void sameInputAndSeedGiveTheSameOutputWhateverThePartitioning() {
    Dataset<Row> records = people(
        person(1, "katherine", "smith", "1980-03-04"),
        person(2, "katharine", "smith", "1980-03-04"),
        person(3, "kathy", "smyth", "1980-03-04"),
        person(4, "bruno", "dupont", null),
        person(5, "brunno", "dupond", null),
        person(6, "bruna", "dupont", "1999-09-09"));
    LshSettings settings = LshSettings.of(77L, nameView(8, 2, 2), new BlockingView("dob",
        List.of(Shingler.value("dob")), 1, 1, 50));
    LshBlockingResult one = LshBlocker.block(records.repartition(1), settings);
    LshBlockingResult three = LshBlocker.block(records.repartition(3), settings);
    List<String> pairs = pairs(one);
    assertEquals(pairs, pairs(three));
    assertEquals(stats(one), stats(three));
    assertTrue(pairs.contains("1-2 [name, dob]"), pairs.toString());
  }

  private static List<String> stats(LshBlockingResult result) {
    return result.bucketStats().orderBy(Buckets.VIEW, Buckets.BAND, Buckets.BUCKET_KEY).collectAsList().stream()
        .map(Row::toString).toList();
  }

  @Test
  void datesAreShingledAsIsoStrings() {
    BlockingView dob = new BlockingView("dob", List.of(Shingler.value("dob")), 1, 1, 50);
    LshBlockingResult result = LshBlocker.block(people(person(1, null, null, "1990-01-02"),
        person(2, null, null, "1990-01-02"), person(3, null, null, "1990-01-03")), LshSettings.of(4L, dob));
    assertEquals(List.of("1-2 [dob]"), pairs(result));
    long expected = new ViewBander(dob, 4L, LshSettings.DEFAULT_MAX_REFINEMENTS).bands(new String[] {"1990-01-02"})
        .bucketKeys()[0];
    assertEquals(List.of(expected), result.bucketStats().select(Buckets.BUCKET_KEY).as(Encoders.LONG())
        .collectAsList());
  }

  @Test
  void nullIdsFailTheJob() {
    Dataset<Row> records = people(person(1, "anna", "smith", null)).withColumn("node_id",
        functions.lit(null).cast("long"));
    LshBlockingResult result = LshBlocker.block(records, LshSettings.of(1L, nameView(2, 2, 50)));
    SparkException failure = assertThrows(SparkException.class, () -> result.pairs().count());
    assertTrue(failure.getMessage().contains("lsh input has a null node_id"), failure.getMessage());
  }

  @Test
  void missingColumnsAndNonIntegralIdsFailBeforeAnyAction() {
    LshSettings settings = LshSettings.of(1L, nameView(5, 2, 50));
    Dataset<Row> noSurname = people(person(1, "a", "b", null)).drop("surname");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LshBlocker.block(noSurname, settings))
        .getMessage().startsWith("lsh blocking input is missing required column(s) [surname]"));
    Dataset<Row> stringIds = people(person(1, "a", "b", null)).withColumn("node_id", col("node_id").cast("string"));
    assertEquals("lsh blocking input column node_id must be integral, got string",
        assertThrows(IllegalArgumentException.class, () -> LshBlocker.block(stringIds, settings)).getMessage());
  }
}
