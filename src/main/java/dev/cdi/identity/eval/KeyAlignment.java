package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.eval.EvalColumns.Aligned;
import dev.cdi.identity.eval.EvalColumns.Contingency;
import dev.cdi.identity.eval.EvalColumns.Predicted;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lines up the prediction and the truth by record key, and builds the contingency table of the records in both.
 *
 * <p>{@link #align}: each side is reduced to one row per key (its smallest label, and whether the key had another
 * one, so conflicting inputs are counted rather than double-counted), then the sides are full-outer joined. Rows
 * with a null key or label are ignored. Shuffle cost: one shuffle per side by record key; the join reuses that
 * partitioning. {@link #contingency}: one more shuffle by (customer_id, entity_id). Both are deterministic.
 */
public final class KeyAlignment {

  private static final String PREDICTED_KEY = "_predicted_key";
  private static final String TRUTH_KEY = "_truth_key";
  private static final String MAX_LABEL = "_max_label";

  private KeyAlignment() {
  }

  /** {@link Aligned} columns: one row per key of either side; a missing side's label is null. */
  public static Dataset<Row> align(Dataset<Row> predicted, Dataset<Row> truth) {
    SchemaChecks.requireColumns(predicted, "predicted clustering", Predicted.RECORD_KEY, Predicted.CUSTOMER_ID);
    SchemaChecks.requireColumns(truth, "truth", Truth.RECORD_KEY, Truth.ENTITY_ID);
    Dataset<Row> p = perKey(predicted.select(col(Predicted.RECORD_KEY).as(PREDICTED_KEY),
        col(Predicted.CUSTOMER_ID).as(Aligned.CUSTOMER_ID)), PREDICTED_KEY, Aligned.CUSTOMER_ID,
        Aligned.CUSTOMER_CONFLICT);
    Dataset<Row> t = perKey(truth.select(col(Truth.RECORD_KEY).as(TRUTH_KEY),
        col(Truth.ENTITY_ID).as(Aligned.ENTITY_ID)), TRUTH_KEY, Aligned.ENTITY_ID, Aligned.ENTITY_CONFLICT);
    return p.join(t, col(PREDICTED_KEY).equalTo(col(TRUTH_KEY)), "full_outer")
        .select(coalesce(col(PREDICTED_KEY), col(TRUTH_KEY)).as(Aligned.RECORD_KEY), col(Aligned.CUSTOMER_ID),
            col(Aligned.ENTITY_ID), col(Aligned.CUSTOMER_CONFLICT), col(Aligned.ENTITY_CONFLICT));
  }

  /** {@link Contingency} columns: records per (customer_id, entity_id) over the keys present in both. */
  public static Dataset<Row> contingency(Dataset<Row> aligned) {
    SchemaChecks.requireColumns(aligned, "aligned keys", Aligned.CUSTOMER_ID, Aligned.ENTITY_ID);
    return aligned.where(col(Aligned.CUSTOMER_ID).isNotNull().and(col(Aligned.ENTITY_ID).isNotNull()))
        .groupBy(col(Aligned.CUSTOMER_ID).as(Contingency.CUSTOMER_ID), col(Aligned.ENTITY_ID).as(Contingency.ENTITY_ID))
        .agg(count(lit(1)).as(Contingency.RECORDS));
  }

  /** Counts the keys of {@code aligned} by side, with one aggregation job. */
  public static RecordCounts recordCounts(Dataset<Row> aligned) {
    SchemaChecks.requireColumns(aligned, "aligned keys", Aligned.CUSTOMER_ID, Aligned.ENTITY_ID,
        Aligned.CUSTOMER_CONFLICT, Aligned.ENTITY_CONFLICT);
    Column both = col(Aligned.CUSTOMER_ID).isNotNull().and(col(Aligned.ENTITY_ID).isNotNull());
    Row r = aligned.agg(count(col(Aligned.CUSTOMER_ID)), count(col(Aligned.ENTITY_ID)), count(when(both, 1)),
        count(when(col(Aligned.CUSTOMER_CONFLICT), 1)), count(when(col(Aligned.ENTITY_CONFLICT), 1))).first();
    long predicted = r.getLong(0);
    long truth = r.getLong(1);
    long evaluated = r.getLong(2);
    return new RecordCounts(predicted, truth, evaluated, truth - evaluated, predicted - evaluated, r.getLong(3),
        r.getLong(4));
  }

  /** The prediction as (record_key, customer_id), one row per key: the predicted side of {@code aligned}. */
  public static Dataset<Row> predictedKeys(Dataset<Row> aligned) {
    return aligned.where(col(Aligned.CUSTOMER_ID).isNotNull())
        .select(col(Aligned.RECORD_KEY).as(Predicted.RECORD_KEY), col(Aligned.CUSTOMER_ID).as(Predicted.CUSTOMER_ID));
  }

  /** The labelled records present in both sides as (record_key, entity_id). */
  public static Dataset<Row> evaluatedTruth(Dataset<Row> aligned) {
    return aligned.where(col(Aligned.CUSTOMER_ID).isNotNull().and(col(Aligned.ENTITY_ID).isNotNull()))
        .select(col(Aligned.RECORD_KEY).as(Truth.RECORD_KEY), col(Aligned.ENTITY_ID).as(Truth.ENTITY_ID));
  }

  /** One row per key of {@code data} (key, label): the smallest label, and whether the key had another one. */
  private static Dataset<Row> perKey(Dataset<Row> data, String key, String label, String conflict) {
    return data.where(col(key).isNotNull().and(col(label).isNotNull()))
        .groupBy(col(key).cast("string").as(key))
        .agg(min(col(label).cast("string")).as(label), max(col(label).cast("string")).as(MAX_LABEL))
        .select(col(key), col(label), col(label).notEqual(col(MAX_LABEL)).as(conflict));
  }
}
