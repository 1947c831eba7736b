package dev.cdi.pipeline;

import dev.cdi.bronze.IngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.report.RunReportResult;
import dev.cdi.silver.SilverResult;
import java.util.List;
import java.util.Optional;

/**
 * What a full pipeline run did, stage by stage.
 *
 * @param runId   the run
 * @param ingest  bronze ingestion
 * @param silver  silver standardization
 * @param resolve identity resolution, or null when the configuration has no identity section
 * @param gold    the gold layer, or null when the configuration has no identity or no gold section
 * @param timings each stage that ran, in order, with its elapsed time
 * @param seconds elapsed time of all stages
 * @param report  the run report written after the stages, or null before it is written
 */
public record PipelineResult(String runId, IngestResult ingest, SilverResult silver, ResolveResult resolve,
                             GoldResult gold, List<StageTiming> timings, double seconds, RunReportResult report) {

  public PipelineResult {
    timings = List.copyOf(timings);
  }

  /** This result with the run report that describes it. */
  public PipelineResult withReport(RunReportResult written) {
    return new PipelineResult(runId, ingest, silver, resolve, gold, timings, seconds, written);
  }

  /** The resolve stage's result, absent when the configuration has no identity section. */
  public Optional<ResolveResult> resolveResult() {
    return Optional.ofNullable(resolve);
  }

  /** The gold stage's result, absent when the configuration has no identity or no gold section. */
  public Optional<GoldResult> goldResult() {
    return Optional.ofNullable(gold);
  }
}
