package dev.cdi.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The intermediate results a job materializes with a lineage cut ({@link Checkpoints#truncate}) so that later
 * steps read them instead of recomputing them and their plans stay small; {@link #releaseAll} frees them when the
 * job ends (call it in a {@code finally}). Not thread-safe: one per job run.
 */
public final class KeptDatasets {

  private final List<Dataset<Row>> kept = new ArrayList<>();

  /** Materializes {@code data} now (one Spark job) and returns it without lineage; freed by {@link #releaseAll}. */
  public Dataset<Row> keep(Dataset<Row> data) {
    Dataset<Row> checkpointed = Checkpoints.truncate(data);
    kept.add(checkpointed);
    return checkpointed;
  }

  /** Frees every kept result; none may be used afterwards. */
  public void releaseAll() {
    kept.forEach(Checkpoints::release);
    kept.clear();
  }
}
