package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import dev.cdi.identity.score.ScoreColumns.Pairs;
import dev.cdi.identity.score.ScoreColumns.Records;
import dev.cdi.spark.SchemaChecks;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates u-probabilities from random record pairs, as Splink does: the {@link RandomPairSettings#sampleRecords()}
 * records with the smallest seeded hash {@code xxhash64(node_id, seed)} (ties by id) are sampled and all their
 * pairs compared, so at most {@code maxPairs} pairs are graded. Random pairs are almost all non-matches; the few
 * true matches among them bias u slightly upwards for agreement levels, which is the usual approximation.
 *
 * <p>Cost: one scan of the records with a top-n selection (no full sort), after the value counts of typo-checked
 * comparisons (one window each, over all records), a cross join of the small sample with
 * itself, the comparator's two joins on the sample, and one aggregation collected to the driver (the action this
 * step needs). The sample is persisted while it is reused and unpersisted afterwards. Deterministic for a given
 * seed and records.
 */
public final class UProbabilityEstimator {

  private static final Logger LOG = LoggerFactory.getLogger(UProbabilityEstimator.class);
  private static final String HASH = "_sample_hash";
  private static final String OTHER = "_other_id";

  private UProbabilityEstimator() {
  }

  /** Laplace-smoothed u-probabilities per comparison level from random pairs of {@code records}. */
  public static UProbabilities estimate(Dataset<Row> records, Comparisons comparisons, RandomPairSettings settings) {
    SchemaChecks.requireColumns(records, "records", Records.NODE_ID);
    int sampleSize = settings.sampleRecords();
    Dataset<Row> sample = PairComparator.withValueCounts(records, comparisons)
        .withColumn(HASH, xxhash64(col(Records.NODE_ID), lit(settings.seed())))
        .orderBy(col(HASH), col(Records.NODE_ID))
        .limit(sampleSize)
        .drop(HASH)
        .persist();
    try {
      Dataset<Row> ids = sample.select(col(Records.NODE_ID));
      Dataset<Row> pairs = ids.crossJoin(ids.select(col(Records.NODE_ID).as(OTHER)))
          .where(col(Records.NODE_ID).lt(col(OTHER)))
          .select(col(Records.NODE_ID).as(Pairs.LEFT_ID), col(OTHER).as(Pairs.RIGHT_ID));
      List<GammaPattern> patterns = GammaPatterns.collect(PairComparator.levels(pairs, sample, comparisons),
          comparisons);
      UProbabilities u = UProbabilities.fromPatterns(patterns, comparisons);
      LOG.info("u-probabilities from {} random pairs (up to {} sampled records, seed {})", u.sampledPairs(),
          sampleSize, settings.seed());
      return u;
    } finally {
      sample.unpersist();
    }
  }
}
