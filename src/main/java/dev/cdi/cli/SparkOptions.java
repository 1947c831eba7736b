package dev.cdi.cli;

import dev.cdi.spark.SparkSessions;
import dev.cdi.spark.StageProgressLogger;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the SparkSession for a CLI command: local unless spark-submit already chose a master. Local sessions
 * use few shuffle and Delta snapshot partitions (the cluster defaults of 200 and 50 cost more in task overhead
 * than they gain on one machine); any value given with {@code --conf}-style system properties wins. Every session
 * logs the progress of long stages ({@link StageProgressLogger}).
 */
final class SparkOptions {

  private SparkOptions() {
  }

  static SparkSession start(String appName, String masterOption) {
    String master = masterOption;
    if (master == null && System.getProperty("spark.master") == null) {
      master = "local[*]";
    }
    SparkSession.Builder builder = SparkSessions.builder(appName, master);
    if (master != null && master.startsWith("local")) {
      String partitions = String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
      builder = builder
          .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", partitions))
          .config("spark.databricks.delta.snapshotPartitions",
              System.getProperty("spark.databricks.delta.snapshotPartitions", "2"))
          .config("spark.ui.showConsoleProgress", "false");
    }
    SparkSession spark = builder.getOrCreate();
    StageProgressLogger.install(spark.sparkContext());
    return spark;
  }
}
