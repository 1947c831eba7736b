package dev.cdi.cli;

import dev.cdi.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** Starts the SparkSession for a CLI command: local unless spark-submit already chose a master. */
final class SparkOptions {

  private SparkOptions() {
  }

  static SparkSession start(String appName, String masterOption) {
    String master = masterOption;
    if (master == null && System.getProperty("spark.master") == null) {
      master = "local[*]";
    }
    return SparkSessions.builder(appName, master).getOrCreate();
  }
}
