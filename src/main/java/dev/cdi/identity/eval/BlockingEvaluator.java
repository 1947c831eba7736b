package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.eval.EvalColumns.Candidates;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link BlockingMetrics} of candidate pairs ({@link Candidates} columns, unordered, possibly duplicated) against
 * labelled records ({@link Truth} columns). Pairs are normalized to (smaller key, larger key), self-pairs dropped and
 * duplicates removed, then each key is looked up in the labels with a left join. Cost: one shuffle for the
 * distinct pairs and one per join; a single aggregation job produces all counts. Deterministic.
 */
public final class BlockingEvaluator {

  private static final String LOW = "_low";
  private static final String HIGH = "_high";
  private static final String LOW_KEY = "_low_key";
  private static final String LOW_ENTITY = "_low_entity";
  private static final String HIGH_KEY = "_high_key";
  private static final String HIGH_ENTITY = "_high_entity";
  private static final String SIZE = "_size";

  private BlockingEvaluator() {
  }

  /**
   * The records of the universe and the pairs among them that share an entity.
   *
   * @param records   N
   * @param truePairs Σ C(b_j, 2) over the entities
   */
  public record Universe(long records, long truePairs) {

    public Universe {
      if (records < 0 || truePairs < 0 || truePairs > PairMath.choose2(records)) {
        throw new IllegalArgumentException("universe must have 0 <= truePairs <= C(records, 2), got records "
            + records + " and truePairs " + truePairs);
      }
    }
  }

  /**
   * Blocking metrics over all labelled records of {@code truth} (a key with several entities keeps the smallest).
   * Runs two Spark jobs: the universe's sizes, then the pair counts.
   */
  public static BlockingMetrics evaluate(Dataset<Row> candidates, Dataset<Row> truth) {
    SchemaChecks.requireColumns(candidates, "candidate pairs", Candidates.LEFT_KEY, Candidates.RIGHT_KEY);
    SchemaChecks.requireColumns(truth, "truth", Truth.RECORD_KEY, Truth.ENTITY_ID);
    Dataset<Row> labelled = truth.where(col(Truth.RECORD_KEY).isNotNull().and(col(Truth.ENTITY_ID).isNotNull()))
        .groupBy(col(Truth.RECORD_KEY).cast("string").as(Truth.RECORD_KEY))
        .agg(min(col(Truth.ENTITY_ID).cast("string")).as(Truth.ENTITY_ID));
    return evaluate(candidates, labelled, universe(labelled));
  }

  /**
   * Blocking metrics over {@code labelled}, which must hold one row per record key, with its sizes already known
   * (in a full evaluation they come from the contingency sums). Runs one Spark job.
   */
  public static BlockingMetrics evaluate(Dataset<Row> candidates, Dataset<Row> labelled, Universe universe) {
    SchemaChecks.requireColumns(candidates, "candidate pairs", Candidates.LEFT_KEY, Candidates.RIGHT_KEY);
    SchemaChecks.requireColumns(labelled, "labelled records", Truth.RECORD_KEY, Truth.ENTITY_ID);
    Dataset<Row> low = labelled.select(col(Truth.RECORD_KEY).as(LOW_KEY), col(Truth.ENTITY_ID).as(LOW_ENTITY));
    Dataset<Row> high = labelled.select(col(Truth.RECORD_KEY).as(HIGH_KEY), col(Truth.ENTITY_ID).as(HIGH_ENTITY));
    Column bothLabelled = col(LOW_ENTITY).isNotNull().and(col(HIGH_ENTITY).isNotNull());
    Row r = normalizedPairs(candidates)
        .join(low, col(LOW).equalTo(col(LOW_KEY)), "left_outer")
        .join(high, col(HIGH).equalTo(col(HIGH_KEY)), "left_outer")
        .agg(count(lit(1)), count(when(bothLabelled, 1)), count(when(col(LOW_ENTITY).equalTo(col(HIGH_ENTITY)), 1)))
        .first();
    return new BlockingMetrics(r.getLong(0), r.getLong(1), r.getLong(2), universe.records(), universe.truePairs());
  }

  /** Distinct unordered candidate pairs as (_low, _high) with _low &lt; _high; nulls and self-pairs dropped. */
  static Dataset<Row> normalizedPairs(Dataset<Row> candidates) {
    Column left = col(Candidates.LEFT_KEY).cast("string");
    Column right = col(Candidates.RIGHT_KEY).cast("string");
    return candidates.where(left.isNotNull().and(right.isNotNull()).and(left.notEqual(right)))
        .select(least(left, right).as(LOW), greatest(left, right).as(HIGH))
        .distinct();
  }

  private static Universe universe(Dataset<Row> labelled) {
    Column b = col(SIZE);
    Row r = labelled.groupBy(col(Truth.ENTITY_ID)).agg(count(lit(1)).as(SIZE))
        .agg(sum(b), sum(b.multiply(b.minus(1)))).first();
    return r.isNullAt(0) ? new Universe(0, 0) : new Universe(r.getLong(0), r.getLong(1) / 2);
  }
}
