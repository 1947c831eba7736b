package dev.cdi.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Checks a Dataset's columns before any Spark action runs, so a wrong input fails at once with a clear message. */
public final class SchemaChecks {

  private SchemaChecks() {
  }

  /**
   * Fails if {@code data} lacks any of {@code required} (compared case-insensitively, as Spark does).
   *
   * @param what what the data is, for the message (for example "bronze.crm_contacts")
   */
  public static void requireColumns(Dataset<Row> data, String what, String... required) {
    Set<String> present = Arrays.stream(data.columns()).map(c -> c.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (String column : required) {
      if (!present.contains(column.toLowerCase(Locale.ROOT))) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(what + " is missing required column(s) " + missing + "; it has "
          + Arrays.toString(data.columns()));
    }
  }
}
