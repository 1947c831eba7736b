package dev.cdi.pipeline;

import dev.cdi.bronze.IngestResult;
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
 * @param seconds elapsed time
 */
public record PipelineResult(String runId, IngestResult ingest, SilverResult silver, ResolveResult resolve,
                             double seconds) {

  /** The resolve stage's result, absent when the configuration has no identity section. */
  public Optional<ResolveResult> resolveResult() {
    return Optional.ofNullable(resolve);
  }
}
