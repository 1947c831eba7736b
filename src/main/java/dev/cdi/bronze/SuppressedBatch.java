package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Quarantine;
import dev.cdi.privacy.BronzeEntries;
import dev.cdi.privacy.IdentifierMatcher;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A batch with the rows of erased people taken out: a bronze row that the suppression list matches (its mapped
 * keys and identifiers, or an email or phone in any raw field; see {@link BronzeEntries}) and a quarantined row
 * whose raw text mentions one are dropped and counted as suppressed, so a file still reconciles:
 * {@code read = bronze + quarantined + suppressed}. Nothing about a dropped row is kept. Cost: the match is
 * computed by each of the two appends and by two per-file counts (small aggregations); used only when something
 * was ever erased.
 */
final class SuppressedBatch implements BatchData {

  private final BatchData inner;
  private final SourceConfig source;
  private final IdentifierMatcher matcher;
  private Map<String, FileCounts> counts;

  SuppressedBatch(BatchData inner, SourceConfig source, IdentifierMatcher matcher) {
    this.inner = inner;
    this.source = source;
    this.matcher = matcher;
  }

  @Override
  public Dataset<Row> bronze() {
    Dataset<Row> rows = inner.bronze();
    return rows.where(not(bronzeMatch(rows)));
  }

  @Override
  public Dataset<Row> quarantine() {
    Dataset<Row> rows = inner.quarantine();
    return rows.where(not(quarantineMatch()));
  }

  @Override
  public Map<String, FileCounts> counts() {
    if (counts == null) {
      Dataset<Row> bronze = inner.bronze();
      Map<String, Long> fromBronze = perFile(bronze.where(bronzeMatch(bronze)), Bronze.SOURCE_FILE);
      Map<String, Long> fromQuarantine = perFile(inner.quarantine().where(quarantineMatch()), Quarantine.SOURCE_FILE);
      Map<String, FileCounts> out = new LinkedHashMap<>();
      inner.counts().forEach((path, c) -> out.put(path, c.suppress(fromBronze.getOrDefault(path, 0L),
          fromQuarantine.getOrDefault(path, 0L))));
      counts = out;
    }
    return counts;
  }

  private Column bronzeMatch(Dataset<Row> rows) {
    return matcher.matches(BronzeEntries.of(source, rows.schema()));
  }

  private Column quarantineMatch() {
    return matcher.matches(List.of(BronzeEntries.quarantine(List.of(source))));
  }

  private static Map<String, Long> perFile(Dataset<Row> matched, String fileColumn) {
    Map<String, Long> out = new HashMap<>();
    if (matched.columns().length == 0) {
      return out;
    }
    matched.groupBy(col(fileColumn)).agg(count(lit(1))).collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getLong(1)));
    return out;
  }

  @Override
  public void close() {
    inner.close();
  }
}
