package dev.cdi.bronze;

import java.util.List;

/**
 * What an ingest run did, per source.
 *
 * @param runId   the run
 * @param sources one result per configured source, in configuration order
 * @param seconds elapsed time
 */
public record IngestResult(String runId, List<SourceIngestResult> sources, double seconds) {

  public IngestResult {
    sources = List.copyOf(sources);
  }

  public long rowsRead() {
    return sources.stream().mapToLong(SourceIngestResult::rowsRead).sum();
  }

  public long rowsBronze() {
    return sources.stream().mapToLong(SourceIngestResult::rowsBronze).sum();
  }

  public long rowsQuarantined() {
    return sources.stream().mapToLong(SourceIngestResult::rowsQuarantined).sum();
  }

  public long rowsSuppressed() {
    return sources.stream().mapToLong(SourceIngestResult::rowsSuppressed).sum();
  }

  public int filesIngested() {
    return sources.stream().mapToInt(SourceIngestResult::filesIngested).sum();
  }
}
