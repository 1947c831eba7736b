package dev.cdi.generator;

import java.util.List;

/**
 * The file contract of one output table: folder name, format, delimiter, columns (CSV header, or the top-level JSON
 * keys in order), the field that holds the record's timestamp (target of unparsable-timestamp defects) and a
 * free-text or name field (target of invalid-UTF-8 and oversized-field defects).
 */
record SourceSpec(String name, Format format, char delimiter, List<String> columns, String timeField,
                  String textField) {

  /** File format. */
  enum Format { CSV, JSONL }

  static SourceSpec csv(String name, char delimiter, List<String> columns, String timeField, String textField) {
    return new SourceSpec(name, Format.CSV, delimiter, List.copyOf(columns), timeField, textField);
  }

  static SourceSpec jsonl(String name, List<String> keys, String timeField, String textField) {
    return new SourceSpec(name, Format.JSONL, ',', List.copyOf(keys), timeField, textField);
  }

  /** A table without defect targets (truth files). */
  static SourceSpec plainCsv(String name, List<String> columns) {
    return csv(name, ',', columns, null, null);
  }

  /** {@code <name>/part-00007.csv}, relative to the output folder. */
  String partFile(int partition) {
    return name + "/part-" + Ids.zeroPad(partition, 5) + (format == Format.CSV ? ".csv" : ".jsonl");
  }

  int columnIndex(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(name + " has no column " + column);
    }
    return index;
  }
}
