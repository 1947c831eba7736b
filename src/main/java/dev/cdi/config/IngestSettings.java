package dev.cdi.config;

import java.io.Serializable;

/**
 * Limits for bronze ingestion.
 *
 * @param maxFieldBytes         a field longer than this (in bytes) quarantines its row
 * @param maxRecordBytes        a record longer than this (for example an unterminated quote) is quarantined and
 *                              reading resumes at the next line
 * @param quarantineRawMaxBytes raw text kept per quarantined row; longer text is truncated and flagged
 */
public record IngestSettings(int maxFieldBytes, int maxRecordBytes, int quarantineRawMaxBytes) implements Serializable {

  public static final IngestSettings DEFAULTS = new IngestSettings(256 * 1024, 16 * 1024 * 1024, 1024 * 1024);
}
