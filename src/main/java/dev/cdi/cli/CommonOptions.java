package dev.cdi.cli;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Lakehouse;
import dev.cdi.pipeline.LakehouseLock;
import dev.cdi.pipeline.RunContext;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every pipeline subcommand takes. */
public final class CommonOptions {

  @Option(names = "--conf", paramLabel = "FILE", defaultValue = "conf/pipeline.yaml",
      description = "Pipeline configuration (default: ${DEFAULT-VALUE}).")
  Path conf;

  @Option(names = "--lakehouse", paramLabel = "PATH",
      description = "Lakehouse root, a local folder or s3a://bucket/prefix (default: 'lakehouse' from --conf).")
  String lakehouse;

  @Option(names = "--input", paramLabel = "PATH",
      description = "Folder that relative source paths are resolved against (default: 'input_root' from --conf).")
  String input;

  @Option(names = "--run-id", paramLabel = "ID", description = "Run identifier written as lineage (default: generated"
      + " from the start time, and logged).")
  String runId;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for local runs, e.g. local[2]"
      + " (default: local[*]; ignored under spark-submit, which sets the master).")
  String master;

  /** The configuration file with the command-line overrides applied. */
  PipelineConfig config() {
    PipelineConfig config = ConfigLoader.load(conf);
    if (lakehouse != null) {
      config = config.withLakehouse(lakehouse);
    }
    if (input != null) {
      config = config.withInputRoot(input);
    }
    return config;
  }

  RunContext runContext(PipelineConfig config) {
    Instant now = Instant.now();
    return new RunContext(runId != null ? runId : RunContext.newRunId(now), now, new Lakehouse(config.lakehouse()));
  }

  /**
   * What a pipeline command works with; closing it releases the lakehouse lock.
   *
   * @param config the configuration with overrides applied
   * @param run    the run's identity
   * @param spark  the session
   * @param lock   the lakehouse lock of a command that writes, or null
   */
  record Session(PipelineConfig config, RunContext run, SparkSession spark, LakehouseLock lock)
      implements AutoCloseable {

    @Override
    public void close() {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /**
   * For commands that only read: loads the configuration (failing before Spark starts when it is wrong), then
   * starts Spark.
   */
  Session open(String command) {
    PipelineConfig config = config();
    RunContext run = runContext(config);
    return new Session(config, run, SparkOptions.start("cdi " + command + " " + run.runId(), master), null);
  }

  /**
   * For commands that write the lakehouse: as {@link #open}, then takes the lakehouse lock (waiting or failing
   * while another run holds it, see {@link LakehouseLock}).
   */
  Session openForWriting(String command) {
    Session session = open(command);
    LakehouseLock lock = LakehouseLock.acquire(session.spark().sparkContext().hadoopConfiguration(),
        session.config().lakehouse(), session.config().lock(), session.run().runId(), "cdi " + command);
    return new Session(session.config(), session.run(), session.spark(), lock);
  }
}
