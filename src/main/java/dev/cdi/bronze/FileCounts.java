package dev.cdi.bronze;

/**
 * Reconciliation of one file: {@code rowsRead == rowsBronze + rowsQuarantined}.
 *
 * @param path            file path
 * @param rowsRead        data records found (header and blank lines excluded)
 * @param rowsBronze      rows appended to the bronze table
 * @param rowsQuarantined rows appended to the quarantine
 * @param blankLines      blank lines skipped (not rows)
 */
public record FileCounts(String path, long rowsRead, long rowsBronze, long rowsQuarantined, long blankLines) {

  public FileCounts {
    if (rowsRead != rowsBronze + rowsQuarantined) {
      throw new IllegalStateException("reconciliation failed for " + path + ": read " + rowsRead + " rows but "
          + rowsBronze + " went to bronze and " + rowsQuarantined + " to quarantine");
    }
  }
}
