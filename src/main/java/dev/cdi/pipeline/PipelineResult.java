package dev.cdi.pipeline;

import dev.cdi.bronze.IngestResult;
import dev.cdi.silver.SilverResult;

/**
 * What a full pipeline run did, stage by stage.
 *
 * @param runId   the run
 * @param ingest  bronze ingestion
 * @param silver  silver standardization
 * @param seconds elapsed time
 */
public record PipelineResult(String runId, IngestResult ingest, SilverResult silver, double seconds) {
}
