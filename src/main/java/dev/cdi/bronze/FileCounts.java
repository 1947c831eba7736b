package dev.cdi.bronze;

/**
 * Reconciliation of one file: {@code rowsRead == rowsBronze + rowsQuarantined + rowsSuppressed}.
 *
 * @param path            file path
 * @param rowsRead        data records found (header and blank lines excluded)
 * @param rowsBronze      rows appended to the bronze table
 * @param rowsQuarantined rows appended to the quarantine
 * @param rowsSuppressed  rows dropped because they hold an erased person's identifiers (the suppression list)
 * @param blankLines      blank lines skipped (not rows)
 */
public record FileCounts(String path, long rowsRead, long rowsBronze, long rowsQuarantined, long rowsSuppressed,
                         long blankLines) {

  public FileCounts {
    if (rowsRead != rowsBronze + rowsQuarantined + rowsSuppressed) {
      throw new IllegalStateException("reconciliation failed for " + path + ": read " + rowsRead + " rows but "
          + rowsBronze + " went to bronze, " + rowsQuarantined + " to quarantine and " + rowsSuppressed
          + " were suppressed");
    }
  }

  /** Counts before suppression: nothing suppressed. */
  public static FileCounts unsuppressed(String path, long rowsRead, long rowsBronze, long rowsQuarantined,
                                        long blankLines) {
    return new FileCounts(path, rowsRead, rowsBronze, rowsQuarantined, 0, blankLines);
  }

  /** These counts with {@code fromBronze} bronze rows and {@code fromQuarantine} quarantine rows suppressed. */
  public FileCounts suppress(long fromBronze, long fromQuarantine) {
    return new FileCounts(path, rowsRead, rowsBronze - fromBronze, rowsQuarantined - fromQuarantine,
        rowsSuppressed + fromBronze + fromQuarantine, blankLines);
  }
}
