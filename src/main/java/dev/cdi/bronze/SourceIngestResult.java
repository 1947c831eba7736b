package dev.cdi.bronze;

/**
 * What ingesting one source did.
 *
 * @param source            source name
 * @param filesListed       files the path matched
 * @param filesSkipped      files already ingested (same path and content)
 * @param filesIngested     files ingested by this run, including replayed ones
 * @param batchesReplayed   interrupted batches of an earlier run completed by this one
 * @param rowsRead          data records read
 * @param rowsBronze        rows appended to bronze
 * @param rowsQuarantined   rows appended to quarantine
 * @param rowsSuppressed    rows dropped because they hold an erased person's identifiers
 * @param bronzeVersion     bronze table version after the run (-1 if the table does not exist)
 * @param quarantineVersion quarantine table version after the run (-1 if it does not exist)
 * @param seconds           elapsed time
 */
public record SourceIngestResult(String source, int filesListed, int filesSkipped, int filesIngested,
                                 int batchesReplayed, long rowsRead, long rowsBronze, long rowsQuarantined,
                                 long rowsSuppressed, long bronzeVersion, long quarantineVersion, double seconds) {
}
