package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Rule-by-rule training of {@link ModelTrainer} on a tiny synthetic set of compared pairs with three exact
 * comparisons, where every expected value can be worked out by hand:
 * <ul>
 *   <li>u: the 12 records have pairwise distinct values, so all 66 random pairs disagree and Laplace smoothing
 *       gives u = (67/68, 1/68) for every comparison;</li>
 *   <li>m: each rule's pairs are all matches (every pattern is far likelier under m than under u), so EM drives
 *       the rule's λ to its ceiling 1 - 10⁻⁶ and the m it fits are the level shares among the rule's pairs, up to
 *       about 10⁻⁶;</li>
 *   <li>λ: fitted last over all pairs with every m frozen, so it is the stable fixed point of λ = mean match
 *       posterior, which the test finds independently by bisection.</li>
 * </ul>
 * Pairs of the "email" rule share an email (email always agrees, name in 3 of 4, city in 2 of 4); pairs of the
 * "name" view share a family name (name always agrees, email in 2 of 4, city in 3 of 4); 8 more pairs disagree on
 * everything and belong to no rule.
 */
class ModelTrainerTest {

  private static final Comparisons COMPARISONS = Comparisons.of(ComparisonSpec.exact("email", "email_key"),
      ComparisonSpec.exact("name", "family_key"), ComparisonSpec.exact("city", "city"));
  private static final EmSettings EM = new EmSettings(10_000, 1e-12, 0.1, 0.9, 1e-6);
  private static final TrainingSettings SETTINGS = new TrainingSettings(new RandomPairSettings(1_000_000, 42), EM);
  private static final TrainingRule EMAIL_RULE = new TrainingRule("shared email", col("identifiers").isNotNull(),
      Set.of("email_key"));
  private static final TrainingRule NAME_RULE = new TrainingRule("view name", array_contains(col("views"), "name"),
      Set.of("family_key"));
  private static final List<Double> U = List.of(67.0 / 68, 1.0 / 68);
  /** How close the fitted m come to the rule's level shares (the rule's λ stops 10⁻⁶ short of 1). */
  private static final double SHARE_TOLERANCE = 1e-5;

  private final SparkSession spark = SharedSpark.session();

  @Test
  void aRuleDoesNotTrainTheComparisonOnItsOwnColumnWhichKeepsItsStartingM() {
    FellegiSunterModel model = ModelTrainer.train(records(), compared(), COMPARISONS, SETTINGS, List.of(EMAIL_RULE));

    assertEquals(List.of((1 - 0.9) / 1, 0.9), m(model, 0),
        "email selected the pairs: frozen at EM's start (exact m 0.9, the rest to the one lower level), exactly");
    assertM(List.of(0.25, 0.75), model, 1, "name: its share among shared-email pairs");
    assertM(List.of(0.5, 0.5), model, 2, "city: its share among shared-email pairs");
    for (int k = 0; k < 3; k++) {
      assertEquals(U, model.parameters().get(k).u(), "u of comparison " + k);
    }
  }

  @Test
  void laterRulesTrainOnlyWhatEarlierRulesAndTheirOwnColumnsLeftAndLambdaIsFittedLastOverAllPairs() {
    FellegiSunterModel model = ModelTrainer.train(records(), compared(), COMPARISONS, SETTINGS,
        List.of(EMAIL_RULE, NAME_RULE));

    assertM(List.of(0.5, 0.5), model, 0, "email: fitted by the name view (2 of 4), not by its own rule (4 of 4)");
    assertM(List.of(0.25, 0.75), model, 1, "name: fitted by the email rule (3 of 4), not by its own view (4 of 4)");
    assertM(List.of(0.5, 0.5), model, 2, "city: fitted by the email rule (2 of 4), frozen in the view (3 of 4)");
    double lambda = fixedPointLambda(model);
    assertEquals(0.51749, lambda, 1e-5, "the fixed point with m exactly at the shares (worked out separately)");
    assertEquals(lambda, model.lambda(), 1e-8, "λ fitted over all 16 pairs, including the 8 no rule selects");
    assertEquals(Convergence.CONVERGED, model.convergence());
  }

  @Test
  void ruleOrderDecidesWhichRuleFitsAComparisonBothCanTrain() {
    FellegiSunterModel model = ModelTrainer.train(records(), compared(), COMPARISONS, SETTINGS,
        List.of(NAME_RULE, EMAIL_RULE));

    assertM(List.of(0.5, 0.5), model, 0, "email: fitted by the name view");
    assertM(List.of(0.25, 0.75), model, 1, "name: fitted by the email rule");
    assertM(List.of(0.25, 0.75), model, 2, "city: now fitted by the name view, which comes first (3 of 4)");
    assertEquals(fixedPointLambda(model), model.lambda(), 1e-8);
  }

  private static List<Double> m(FellegiSunterModel model, int comparison) {
    return model.parameters().get(comparison).m();
  }

  private static void assertM(List<Double> expected, FellegiSunterModel model, int comparison, String message) {
    List<Double> actual = m(model, comparison);
    for (int level = 0; level < expected.size(); level++) {
      assertEquals(expected.get(level), actual.get(level), SHARE_TOLERANCE, message + " " + actual);
    }
  }

  /** λ solving λ = mean posterior over all pairs, with the model's m and u, found by bisection on (0.01, 0.99). */
  private static double fixedPointLambda(FellegiSunterModel model) {
    List<List<Integer>> patterns = new ArrayList<>();
    for (Object[] pair : pairs()) {
      patterns.add(List.of((Integer) pair[0], (Integer) pair[1], (Integer) pair[2]));
    }
    double low = 0.01;
    double high = 0.99;
    assertTrue(excess(model, patterns, low) > 0 && excess(model, patterns, high) < 0, "a root is bracketed");
    for (int i = 0; i < 200; i++) {
      double mid = (low + high) / 2;
      if (excess(model, patterns, mid) > 0) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** Mean match posterior of the patterns at prior λ, minus λ. */
  private static double excess(FellegiSunterModel model, List<List<Integer>> patterns, double lambda) {
    double sum = 0;
    for (List<Integer> levels : patterns) {
      double ratio = 1;
      for (int k = 0; k < levels.size(); k++) {
        ComparisonParameters p = model.parameters().get(k);
        ratio *= p.m().get(levels.get(k)) / p.u().get(levels.get(k));
      }
      sum += lambda * ratio / (lambda * ratio + 1 - lambda);
    }
    return sum / patterns.size() - lambda;
  }

  /** Levels (email, name, city), the shared identifier (or null) and the LSH views of each candidate pair. */
  private static List<Object[]> pairs() {
    List<Object[]> pairs = new ArrayList<>();
    pairs.add(new Object[] {1, 1, 1, "email", List.of()});
    pairs.add(new Object[] {1, 1, 1, "email", List.of()});
    pairs.add(new Object[] {1, 1, 0, "email", List.of()});
    pairs.add(new Object[] {1, 0, 0, "email", List.of()});
    pairs.add(new Object[] {1, 1, 1, null, List.of("name")});
    pairs.add(new Object[] {1, 1, 1, null, List.of("name")});
    pairs.add(new Object[] {0, 1, 1, null, List.of("name")});
    pairs.add(new Object[] {0, 1, 0, null, List.of("name")});
    for (int i = 0; i < 8; i++) {
      pairs.add(new Object[] {0, 0, 0, null, List.of()});
    }
    return pairs;
  }

  private Dataset<Row> compared() {
    StructType schema = new StructType().add("g_email", DataTypes.IntegerType).add("g_name", DataTypes.IntegerType)
        .add("g_city", DataTypes.IntegerType).add("identifiers", DataTypes.StringType)
        .add("views", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (Object[] pair : pairs()) {
      rows.add(RowFactory.create(pair[0], pair[1], pair[2], pair[3], pair[4]));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** 12 records whose values all differ, so every random pair disagrees on every comparison. */
  private Dataset<Row> records() {
    StructType schema = new StructType().add("node_id", DataTypes.LongType).add("email_key", DataTypes.StringType)
        .add("family_key", DataTypes.StringType).add("city", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 12; id++) {
      rows.add(RowFactory.create(id, "e" + id + "@example.com", "family" + id, "city" + id));
    }
    return spark.createDataFrame(rows, schema);
  }
}
