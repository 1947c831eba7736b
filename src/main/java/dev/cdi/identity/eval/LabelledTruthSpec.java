package dev.cdi.identity.eval;

import java.util.Objects;

/**
 * Where and how to read a labelled truth table.
 *
 * @param path           the table's path (local or any Hadoop file system URI)
 * @param format         csv (with a header), parquet or delta
 * @param recordIdColumn the column holding the source record id (trimmed, like every column name)
 * @param entity         how to get each record's entity
 * @param source         the source name record keys are prefixed with: {@code <source>:<record id>}
 */
public record LabelledTruthSpec(String path, TruthFormat format, String recordIdColumn, EntityRule entity,
                                String source) {

  public LabelledTruthSpec {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("truth.path must not be blank, got '" + path + "'");
    }
    Objects.requireNonNull(format, "truth.format");
    Objects.requireNonNull(entity, "truth entity rule");
    if (recordIdColumn == null || recordIdColumn.isBlank()) {
      throw new IllegalArgumentException("truth.record_id_column must not be blank, got '" + recordIdColumn + "'");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("truth.source must not be blank, got '" + source + "'");
    }
    recordIdColumn = recordIdColumn.strip();
    source = source.strip();
  }
}
