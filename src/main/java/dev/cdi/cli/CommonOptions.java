package dev.cdi.cli;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Lakehouse;
import dev.cdi.pipeline.LakehouseLock;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.S3Access;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
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

  @Option(names = "--dry-run", description = "Check the command line, the configuration and every path, print what"
      + " the command would work on, and exit without starting Spark.")
  boolean dryRun;

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
   * For commands that only read: loads the configuration (failing before Spark starts when it is wrong), starts
   * Spark and points S3A at the configured S3 service.
   */
  Session open(String command) {
    PipelineConfig config = config();
    RunContext run = runContext(config);
    SparkSession spark = SparkOptions.start("cdi " + command + " " + run.runId(), master);
    S3Access.configure(spark, config.s3(), System.getenv());
    return new Session(config, run, spark, null);
  }

  /** {@link #dryRun(CommandSpec, Map, Consumer)} for a command with no further paths or requirements. */
  boolean dryRun(CommandSpec command) {
    return dryRun(command, Map.of(), config -> { });
  }

  /**
   * With {@code --dry-run}: checks everything that can be checked without Spark (the configuration with the
   * overrides, the run id, every path, the command's own path options and its {@code requirement} on the
   * configuration), prints the plan and returns true, so that the command returns 0 without running. A problem
   * fails as the real command would. Without {@code --dry-run} returns false at once.
   *
   * @param pathOptions the command's own path options by option name; null values are options not given
   */
  boolean dryRun(CommandSpec command, Map<String, String> pathOptions, Consumer<PipelineConfig> requirement) {
    if (!dryRun) {
      return false;
    }
    PipelineConfig config = config();
    RunContext run = runContext(config);
    requirement.accept(config);
    DryRunPlan.print(command.commandLine().getOut(), new DryRunPlan(command.name(), config, run, conf, pathOptions));
    return true;
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
