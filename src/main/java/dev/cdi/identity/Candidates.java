package dev.cdi.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import dev.cdi.identity.block.LshBlocker;
import dev.cdi.identity.block.LshColumns;
import dev.cdi.identity.link.IdentifierLinks;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The candidate pairs identity resolution scores: pairs sharing a strong identifier, plus MinHash-LSH banding
 * pairs when blocking is configured, one row per pair ({@code left_id < right_id}) with the identifiers they
 * share ({@code identifiers}, null for LSH-only pairs) and the LSH views that proposed them ({@code views}, null
 * for identifier-only pairs). Shuffle cost: the banding's, plus one aggregation by pair. Deterministic.
 */
public final class Candidates {

  private Candidates() {
  }

  /**
   * @param records         prepared identity records ({@link IdentityRecords})
   * @param identifierPairs {@link IdentifierLinks.Result#pairs()}
   */
  public static Dataset<Row> union(Dataset<Row> records, Dataset<Row> identifierPairs, IdentitySettings settings) {
    if (settings.lsh().isEmpty()) {
      return identifierPairs.withColumn(LshColumns.Pairs.VIEWS, lit(null).cast("array<string>"));
    }
    Dataset<Row> lshPairs = LshBlocker.block(records, settings.blocking()).pairs();
    return identifierPairs.unionByName(lshPairs, true)
        .groupBy(IdentifierLinks.LEFT_ID, IdentifierLinks.RIGHT_ID)
        .agg(first(IdentifierLinks.IDENTIFIERS, true).as(IdentifierLinks.IDENTIFIERS),
            first(LshColumns.Pairs.VIEWS, true).as(LshColumns.Pairs.VIEWS));
  }

  /** Every candidate pair of the current silver identities as record keys: {@code left_key}, {@code right_key}. */
  public static Dataset<Row> keys(Dataset<Row> silver, IdentitySettings settings) {
    Dataset<Row> records = IdentityRecords.prepare(silver, settings);
    Dataset<Row> pairs = union(records, IdentifierLinks.link(records, settings.identifiers()).pairs(), settings);
    Dataset<Row> keys = records.select(col(IdentityRecords.NODE_ID), col("record_key"));
    return pairs
        .join(keys.toDF("l_node", "left_key"), col(IdentifierLinks.LEFT_ID).equalTo(col("l_node")))
        .join(keys.toDF("r_node", "right_key"), col(IdentifierLinks.RIGHT_ID).equalTo(col("r_node")))
        .select("left_key", "right_key");
  }
}
