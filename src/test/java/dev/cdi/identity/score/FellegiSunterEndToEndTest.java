package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.SharedSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Thirty standardized records (five duplicate groups with typos, a transposed date, swapped names and missing
 * values; the rest distinct people, several sharing a surname, postcode or address), all 435 pairs compared,
 * u from all random pairs, m and λ by EM: every true pair outscores every non-match.
 */
class FellegiSunterEndToEndTest {

  private static final Set<String> TRUE_PAIRS = Set.of("1-2", "1-3", "2-3", "4-5", "6-7", "6-8", "7-8", "9-10",
      "11-12");
  private static final Comparisons COMPARISONS = Comparisons.of(
      ComparisonSpec.string("given", "given_name", List.of(0.92, 0.80)).withCrossColumn("family_name"),
      ComparisonSpec.string("family", "family_name", List.of(0.92, 0.80)).withCrossColumn("given_name")
          .with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.date("dob", "birth_date"),
      ComparisonSpec.exact("email", "email_key"),
      ComparisonSpec.exact("postcode", "postcode").with(ComparisonOption.TF_ADJUST),
      ComparisonSpec.tokens("address", "address_key", List.of(0.9), List.of(0.6)));

  @Test
  void truePairsOutscoreEveryNonMatch() {
    Dataset<Row> records = records();
    Dataset<Row> compared = PairComparator.compare(allPairs(records), records, COMPARISONS).persist();
    try {
      FellegiSunterModel model = ModelTrainer.train(records, compared,
          COMPARISONS, new TrainingSettings(new RandomPairSettings(435, 3), EmSettings.DEFAULTS));
      List<Row> scored = PairScorer.score(compared, model, ScoreSettings.DEFAULTS)
          .orderBy("left_id", "right_id").collectAsList();

      assertEquals(435, scored.size());
      double weakestTrue = Double.POSITIVE_INFINITY;
      double strongestFalse = Double.NEGATIVE_INFINITY;
      for (Row row : scored) {
        double weight = row.getAs("match_weight");
        if (TRUE_PAIRS.contains(key(row))) {
          weakestTrue = Math.min(weakestTrue, weight);
          assertTrue(row.<Double>getAs("match_probability") > 0.5, "true pair " + key(row) + " weight " + weight);
        } else {
          strongestFalse = Math.max(strongestFalse, weight);
          assertTrue(row.<Double>getAs("match_probability") < 0.5, "non-match " + key(row) + " weight " + weight);
        }
      }
      assertTrue(weakestTrue > strongestFalse, "weakest true " + weakestTrue + ", strongest false "
          + strongestFalse);
      assertLevels(scored, "1-3", Map.of("given", 1, "family", 1, "dob", 3, "email", 1, "postcode", 1,
          "address", 3));
      assertLevels(scored, "1-2", Map.of("given", 3, "family", 4, "dob", 2, "email", -1, "postcode", 1,
          "address", 2));
      assertLevels(scored, "23-24", Map.of("given", 0, "family", 4, "dob", 0, "email", 0, "postcode", 1,
          "address", 3));
      assertEquals(List.of("left_id", "right_id", "g_given", "g_family", "tf_family", "g_dob", "g_email",
          "g_postcode", "tf_postcode", "g_address", "match_weight", "match_probability", "levels", "weights"),
          List.of(scored.get(0).schema().fieldNames()));
    } finally {
      compared.unpersist();
    }
  }

  private static void assertLevels(List<Row> scored, String pair, Map<String, Integer> expected) {
    Row row = scored.stream().filter(r -> key(r).equals(pair)).findFirst().orElseThrow();
    assertEquals(expected, row.getJavaMap(row.fieldIndex("levels")), "levels of " + pair);
  }

  private static String key(Row row) {
    return row.getAs("left_id") + "-" + row.getAs("right_id");
  }

  private static Dataset<Row> allPairs(Dataset<Row> records) {
    Dataset<Row> ids = records.select("node_id");
    return ids.withColumnRenamed("node_id", "left_id")
        .crossJoin(ids.withColumnRenamed("node_id", "right_id"))
        .where("left_id < right_id");
  }

  private static Dataset<Row> records() {
    Object[][] data = {
        {1L, "jonathan", "kowalczyk", "1985-04-07", "jk@mail.org", "2040", "12 harbour view rd"},
        {2L, "jonathon", "kowalczyk", "1985-07-04", null, "2040", "12 harbour veiw rd"},
        {3L, "kowalczyk", "jonathan", "1985-04-07", "jk@mail.org", "2040", "12 harbour view rd"},
        {4L, "siobhan", "oreilly", "1972-11-03", "siobhan.o@mail.org", "3056", "4 elm st"},
        {5L, "siobhan", "oreily", "1972-11-03", "siobhan.o@mail.org", "3056", "flat 2 4 elm st"},
        {6L, "mohammed", "haddad", "1990-02-28", "mh@mail.org", "2150", "88 george st"},
        {7L, "mohamed", "haddad", "1990-02-28", null, "2150", "88 george st"},
        {8L, "mohammed", "hadad", "1991-02-28", "mh@mail.org", null, "88 george st"},
        {9L, "wei", "zhang", "1988-06-12", "wz@mail.org", "2000", "5 king st"},
        {10L, "zhang", "wei", "1988-06-12", "wz@mail.org", "2000", "5 king st"},
        {11L, "ana", "pereira", "1979-09-09", "ap@mail.org", "4000", "31 queen st"},
        {12L, "anna", "pereira", "1979-09-09", null, "4000", null},
        {13L, "john", "smith", "1980-01-01", "js1@mail.org", "2040", "1 high st"},
        {14L, "john", "smith", "1965-05-17", "js2@mail.org", "3000", "77 park ave"},
        {15L, "mary", "smith", "1992-03-21", null, "2040", "9 beach rd"},
        {16L, "james", "smith", "1980-01-10", "jsm@mail.org", "2150", "15 station st"},
        {17L, "sarah", "jones", "1975-08-30", "sj@mail.org", "3056", "3 church st"},
        {18L, "david", "jones", "1983-12-05", "dj@mail.org", "4000", "21 mill rd"},
        {19L, "emma", "brown", "1995-07-14", "eb@mail.org", "2000", "60 king st"},
        {20L, "oliver", "brown", "1960-10-02", "ob@mail.org", "2150", "2 hill st"},
        {21L, "liam", "wilson", "1987-04-07", "lw@mail.org", "2040", "18 harbour view rd"},
        {22L, "noah", "taylor", "1999-12-31", "nt@mail.org", "3000", "45 lake st"},
        {23L, "ava", "nguyen", "1984-02-14", "an@mail.org", "2000", "8 river rd"},
        {24L, "mia", "nguyen", "1986-06-06", "mn@mail.org", "2000", "8 river rd"},
        {25L, "lucas", "martin", "1970-03-03", "lm@mail.org", "4000", "19 ocean st"},
        {26L, "chloe", "white", "1993-09-19", "cw@mail.org", "3056", "27 forest rd"},
        {27L, "jack", "thompson", "1968-11-11", "jt@mail.org", "2150", "33 valley rd"},
        {28L, "grace", "lee", "1991-05-25", "gl@mail.org", "4000", "14 garden st"},
        {29L, "henry", "walker", "1977-07-07", "hw@mail.org", "3000", "50 bridge st"},
        {30L, "isla", "harris", "1996-01-30", "ih@mail.org", "2040", "6 bay st"}};
    List<Row> rows = new ArrayList<>();
    for (Object[] r : data) {
      rows.add(RowFactory.create(r[0], r[1], r[2], Date.valueOf((String) r[3]), r[4], r[5], r[6]));
    }
    return SharedSpark.session().createDataFrame(rows, PairComparatorTest.RECORD_SCHEMA);
  }
}
