package dev.cdi.pipeline;

import dev.cdi.bronze.IngestResult;

/**
 * What a full pipeline run did, stage by stage.
 *
 * @param runId   the run
 * @param ingest  bronze ingestion
 * @param seconds elapsed time
 */
public record PipelineResult(String runId, IngestResult ingest, double seconds) {
}
