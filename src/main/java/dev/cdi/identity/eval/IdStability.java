package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.eval.EvalColumns.Predicted;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How well customer ids survive a later run, followed through labelled persons: the records of each person that an
 * earlier identity map holds are looked up in a later map, and a person keeps their id when every one of those
 * records has the same customer id there as before. Records the earlier map did not hold (new people, records
 * that arrived later) are not followed, so after adding people to a sample this measures the people who were
 * already there. A record missing from the later map counts against its person too.
 *
 * <p>Used by {@code cdi id-stability} and {@code scripts/bench-id-stability}. Cost: two joins by record key and
 * two aggregations, collected as one row.
 */
public final class IdStability {

  private static final String BEFORE = "_before_id";
  private static final String AFTER = "_after_id";
  private static final String MOVED = "_moved";
  private static final String MISSING = "_missing";

  private IdStability() {
  }

  /**
   * What happened to the followed persons and records.
   *
   * @param persons        persons with at least one record in the earlier map
   * @param personsKept    of those, persons all of whose followed records have the same customer id in the later map
   * @param records        records of the truth that the earlier map holds (the followed records)
   * @param recordsMoved   followed records with another customer id in the later map
   * @param recordsMissing followed records the later map does not hold
   */
  public record Result(long persons, long personsKept, long records, long recordsMoved, long recordsMissing) {

    public Result {
      if (persons < 1 || personsKept < 0 || personsKept > persons || records < persons || recordsMoved < 0
          || recordsMissing < 0 || recordsMoved + recordsMissing > records) {
        throw new IllegalArgumentException("inconsistent id stability counts: " + persons + " persons, "
            + personsKept + " kept, " + records + " records, " + recordsMoved + " moved, " + recordsMissing
            + " missing");
      }
    }

    /** Share of the followed persons who kept their id, in [0, 1]. */
    public double keptShare() {
      return (double) personsKept / persons;
    }
  }

  /**
   * @param truth  {@code record_key}, {@code entity_id} (see {@link TruthLoader}): the persons to follow
   * @param before the earlier map, {@code record_key} and {@code customer_id}
   * @param after  the later map, the same columns
   * @throws IllegalArgumentException when no truth record is in the earlier map (nothing to follow)
   */
  public static Result measure(Dataset<Row> truth, Dataset<Row> before, Dataset<Row> after) {
    SchemaChecks.requireColumns(truth, "truth", Truth.RECORD_KEY, Truth.ENTITY_ID);
    SchemaChecks.requireColumns(before, "earlier identity map", Predicted.RECORD_KEY, Predicted.CUSTOMER_ID);
    SchemaChecks.requireColumns(after, "later identity map", Predicted.RECORD_KEY, Predicted.CUSTOMER_ID);
    Dataset<Row> followed = truth.select(Truth.RECORD_KEY, Truth.ENTITY_ID)
        .join(before.select(col(Predicted.RECORD_KEY), col(Predicted.CUSTOMER_ID).as(BEFORE)), Truth.RECORD_KEY)
        .join(after.select(col(Predicted.RECORD_KEY), col(Predicted.CUSTOMER_ID).as(AFTER)), Truth.RECORD_KEY,
            "left")
        .select(col(Truth.ENTITY_ID), flag(col(AFTER).isNull()).as(MISSING),
            flag(col(AFTER).isNotNull().and(col(AFTER).notEqual(col(BEFORE)))).as(MOVED));
    Row counts = followed.groupBy(Truth.ENTITY_ID)
        .agg(count(lit(1)).as("n"), sum(MOVED).as(MOVED), sum(MISSING).as(MISSING),
            max(col(MOVED).plus(col(MISSING))).as("changed"))
        .agg(count(lit(1)), sum(when(col("changed").equalTo(0), 1L).otherwise(0L)), sum("n"), sum(MOVED),
            sum(MISSING))
        .first();
    if (counts.getLong(0) == 0) {
      throw new IllegalArgumentException("no truth record is in the earlier identity map; nothing to follow");
    }
    return new Result(counts.getLong(0), counts.getLong(1), counts.getLong(2), counts.getLong(3),
        counts.getLong(4));
  }

  private static Column flag(Column condition) {
    return when(condition, 1L).otherwise(0L);
  }
}
