package dev.cdi.testing;

import dev.cdi.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession every test shares: {@code local[2]}, two shuffle partitions, UI off, Delta enabled.
 * Surefire runs all test classes in one JVM, so the session starts once (about 1.5 s) and is stopped by the
 * JVM shutdown hook Spark installs.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {
  }

  /** Returns the shared session, starting it on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.builder("cdi-tests", "local[2]")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.adaptive.enabled", "false")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
