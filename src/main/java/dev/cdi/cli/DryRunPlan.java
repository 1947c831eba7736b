package dev.cdi.cli;

import dev.cdi.config.ConfigException;
import dev.cdi.config.LakehousePaths;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.S3Access;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pipeline command would work on, printed by {@code --dry-run} (the scheduler's pre-flight check) after
 * every path has been checked: run id, configuration, lakehouse, each source's resolved path and the S3A
 * settings that would apply (from the environment and {@code spark.hadoop.*} system properties, as under
 * spark-submit). Starts no Spark and touches no file but the configuration.
 *
 * @param command     the subcommand
 * @param config      the configuration with the command-line overrides applied
 * @param run         the run's identity
 * @param confFile    the configuration file
 * @param pathOptions the command's own path options by option name (null values: not given)
 */
record DryRunPlan(String command, PipelineConfig config, RunContext run, Path confFile,
                  Map<String, String> pathOptions) {

  DryRunPlan {
    for (Map.Entry<String, String> option : pathOptions.entrySet()) {
      String problem = option.getValue() == null ? null : LakehousePaths.problem(option.getValue());
      if (problem != null) {
        throw new IllegalArgumentException(option.getKey() + " " + problem + ", got '"
            + LakehousePaths.forDisplay(option.getValue()) + "'");
      }
    }
    for (SourceConfig source : config.sources().values()) {
      String path = source.resolvedPath(config.inputRoot());
      String problem = LakehousePaths.problem(path);
      if (problem != null) {
        throw new ConfigException("sources." + source.name() + ".path resolved against the input root " + problem
            + ", got '" + LakehousePaths.forDisplay(path) + "' (" + config.origin() + ")");
      }
    }
  }

  /** The plan's lines. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("cdi " + command + " --dry-run: the command line, configuration and paths are valid; nothing was run");
    out.add(String.format("  %-22s %s", "run id", run.runId()));
    out.add(String.format("  %-22s %s (%d sources%s%s)", "configuration", confFile, config.sources().size(),
        config.identity() == null ? "" : ", identity", config.gold() == null ? "" : ", gold"));
    out.add(String.format("  %-22s %s", "lakehouse", config.lakehouse()));
    out.add(String.format("  %-22s %s", "input root", config.inputRoot()));
    for (SourceConfig source : config.sources().values()) {
      out.add(String.format("  %-22s %s (%s)", "source " + source.name(), source.resolvedPath(config.inputRoot()),
          source.format().configName()));
    }
    pathOptions.forEach((option, value) -> {
      if (value != null) {
        out.add(String.format("  %-22s %s", option, value));
      }
    });
    for (S3Access.Setting s : S3Access.resolve(config.s3(), System.getenv(),
        key -> Optional.ofNullable(System.getProperty("spark.hadoop." + key)))) {
      out.add(String.format("  %-22s %s (from %s)", s.key(), s.value(), s.origin()));
    }
    return out;
  }

  static void print(PrintWriter w, DryRunPlan plan) {
    plan.lines().forEach(w::println);
    w.flush();
  }
}
