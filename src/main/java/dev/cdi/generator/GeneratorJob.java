package dev.cdi.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the simulated raw exports of ten touchpoint systems plus ground truth: the driver side. It checks that
 * the output folder is empty, runs one Spark task per partition of persons (see {@link GenerationPlan}), each task
 * streaming its own part files through the Hadoop FileSystem API, and collects the per-file statistics. The output
 * is byte-identical for identical options.
 */
public final class GeneratorJob {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratorJob.class);

  private GeneratorJob() {
  }

  /**
   * Runs the generator.
   *
   * @throws IllegalArgumentException when the output folder exists and is not empty
   */
  public static GeneratorResult run(SparkSession spark, GeneratorOptions options) {
    long started = System.nanoTime();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    OutputFolder.prepare(new Path(options.out()), hadoopConf);
    GenerationPlan plan = GenerationPlan.of(options);
    LOG.info("Generating {} customers with seed {} into {} ({} partitions, bad-row rate {})", options.customers(),
        options.seed(), options.out(), plan.partitions(), options.badRowRate());
    List<FileStats> files = runTasks(spark, plan, hadoopConf);
    GeneratorResult result = summarize(files, plan, (System.nanoTime() - started) / 1e9);
    log(result);
    return result;
  }

  private static List<FileStats> runTasks(SparkSession spark, GenerationPlan plan, Configuration hadoopConf) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> partitions = IntStream.range(0, plan.partitions()).boxed().toList();
    spark.sparkContext().setJobDescription("cdi generate: " + plan.customers() + " customers");
    try {
      return jsc.parallelize(partitions, plan.partitions())
          .mapPartitions(new PartitionTask(plan, new SerializableConfiguration(hadoopConf)))
          .collect();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  static GeneratorResult summarize(List<FileStats> files, GenerationPlan plan, double seconds) {
    Map<String, Long> rows = new LinkedHashMap<>();
    Sources.ALL.forEach(spec -> rows.put(spec.name(), 0L));
    long malformed = 0;
    long bytes = 0;
    for (FileStats file : files) {
      if (file.dataFile()) {
        rows.merge(file.source(), file.rows(), Long::sum);
        malformed += file.malformedRows();
      }
      bytes += file.bytes();
    }
    return new GeneratorResult(Collections.unmodifiableMap(rows), malformed, plan.customers(), files.size(), bytes,
        seconds);
  }

  private static void log(GeneratorResult result) {
    result.rowsPerSource().forEach((source, rows) -> LOG.info("  {}: {} rows", source, rows));
    LOG.info("Generated {} persons: {} files, {} bytes, {} malformed rows, in {} s", result.persons(),
        result.files(), result.bytesWritten(), result.malformedRows(),
        String.format(Locale.ROOT, "%.1f", result.seconds()));
  }
}
