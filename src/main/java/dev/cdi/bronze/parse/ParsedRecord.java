package dev.cdi.bronze.parse;

import java.util.Map;

/**
 * One data record of a file after parsing: either its fields, or the reason it goes to quarantine.
 *
 * @param rowNumber    1-based position among the file's data records (header and blank lines excluded)
 * @param lineNumber   1-based line where the record starts
 * @param fields       raw field values by name in file order (values may be null), or {@code null} if rejected
 * @param error        why the record is quarantined, or {@code null}
 * @param raw          the record's bytes (possibly truncated, see {@code rawTruncated})
 * @param rawTruncated whether {@code raw} was cut at the record size limit
 */
public record ParsedRecord(long rowNumber, long lineNumber, Map<String, String> fields, String error, byte[] raw,
                           boolean rawTruncated) {

  public boolean isValid() {
    return error == null;
  }
}
