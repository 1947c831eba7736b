package dev.cdi.bronze;

import java.time.Instant;
import java.util.List;

/**
 * A set of files of one source ingested together: one Delta commit per table. The batch sequence number is the
 * Delta transaction version used for idempotent appends, so a batch that is replayed after a crash cannot be
 * appended twice.
 *
 * @param source     source name
 * @param seq        batch sequence number, increasing per source
 * @param runId      run that started the batch
 * @param ingestedAt ingest timestamp written on every row (the starting run's start time)
 * @param files      the files, with fingerprints
 */
public record IngestBatch(String source, long seq, String runId, Instant ingestedAt, List<SourceFile> files) {

  public IngestBatch {
    files = List.copyOf(files);
  }

  /** Delta {@code txnAppId} for this source's appends. */
  public String txnAppId() {
    return "cdi-ingest:" + source;
  }
}
