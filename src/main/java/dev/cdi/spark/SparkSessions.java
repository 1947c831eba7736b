package dev.cdi.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds SparkSessions with Delta Lake enabled. Every Delta table the engine creates has the change data feed
 * on, so later stages can read just what an earlier one added. The master is only set for local runs; under
 * {@code spark-submit} it comes from the submit command.
 */
public final class SparkSessions {

  private SparkSessions() {
  }

  /**
   * A session builder with the Delta SQL extension and catalog configured.
   *
   * @param appName application name shown in the Spark UI
   * @param master  master URL, or {@code null} to take it from spark-submit
   */
  public static SparkSession.Builder builder(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.maxPlanStringLength", "200000")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
        .config("spark.databricks.delta.properties.defaults.enableChangeDataFeed", "true");
    if (master != null) {
      builder = builder.master(master);
    }
    return builder;
  }
}
