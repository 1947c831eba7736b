package dev.cdi.pipeline;

import dev.cdi.bronze.IngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.silver.SilverResult;
import java.util.Optional;

/**
 * What a full pipeline run did, stage by stage.
 *
 * @param runId   the run
 * @param ingest  bronze ingestion
 * @param silver  silver standardization
 * @param resolve identity resolution, or null when the configuration has no identity section
 * @param gold    the gold layer, or null when the configuration has no identity or no gold section
 * @param seconds elapsed time
 */
public record PipelineResult(String runId, IngestResult ingest, SilverResult silver, ResolveResult resolve,
                             GoldResult gold, double seconds) {

  /** The resolve stage's result, absent when the configuration has no identity section. */
  public Optional<ResolveResult> resolveResult() {
    return Optional.ofNullable(resolve);
  }

  /** The gold stage's result, absent when the configuration has no identity or no gold section. */
  public Optional<GoldResult> goldResult() {
    return Optional.ofNullable(gold);
  }
}
