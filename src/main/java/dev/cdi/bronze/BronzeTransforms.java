package dev.cdi.bronze;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dev.cdi.bronze.parse.ColumnNames;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Quarantine;
import dev.cdi.spark.SchemaChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pure transforms from parsed rows ({@link ParsedRows}) to the bronze and quarantine tables. No I/O, no shuffle
 * except in {@link #fileCounts} and {@link #fieldKeys}, which aggregate to one row per file / per field name.
 */
public final class BronzeTransforms {

  /**
   * Lineage shared by every row of a batch.
   *
   * @param source     source name
   * @param runId      run that started the batch
   * @param ingestedAt ingest timestamp
   */
  public record BatchLineage(String source, String runId, Instant ingestedAt) {
  }

  /**
   * The raw fields stored in one bronze column: one name, or the spellings of one name that differ only in case
   * (dumps whose header changed from {@code id} to {@code ID}) when no record holds two of them.
   *
   * @param keys   field names as found in the files; a record holds at most one of them
   * @param column Delta-safe column name
   */
  public record RawColumn(List<String> keys, String column) {
    public RawColumn {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("a bronze column needs at least one raw field");
      }
    }
  }

  /**
   * One distinct field name of a batch's valid records, as {@link #fieldKeys} finds it.
   *
   * @param key           field name as found in the file
   * @param firstPosition its first 0-based position in a record
   * @param records       how many records hold it
   * @param sharesRecord  whether a record holds it next to another spelling of it (differing only in case)
   */
  public record FieldKey(String key, int firstPosition, long records, boolean sharesRecord) {
  }

  private BronzeTransforms() {
  }

  /** The valid rows as bronze rows: one string column per raw field, then the lineage columns. */
  public static Dataset<Row> toBronze(Dataset<Row> parsed, List<RawColumn> columns, BatchLineage lineage) {
    requireParsed(parsed);
    List<Column> select = new ArrayList<>();
    for (RawColumn raw : columns) {
      Column[] values = raw.keys().stream().map(k -> col(ParsedRows.FIELDS).getItem(k)).toArray(Column[]::new);
      select.add((values.length == 1 ? values[0] : coalesce(values)).as(raw.column()));
    }
    select.add(lit(lineage.source()).as(Bronze.SOURCE));
    select.add(col(ParsedRows.FILE_PATH).as(Bronze.SOURCE_FILE));
    select.add(col(ParsedRows.FILE_MODIFIED_AT).as(Bronze.FILE_MODIFIED_AT));
    select.add(col(ParsedRows.FILE_FINGERPRINT).as(Bronze.FILE_FINGERPRINT));
    select.add(lit(Timestamp.from(lineage.ingestedAt())).as(Bronze.INGESTED_AT));
    select.add(to_date(lit(Timestamp.from(lineage.ingestedAt()))).as(Bronze.INGEST_DATE));
    select.add(lit(lineage.runId()).as(Bronze.RUN_ID));
    select.add(col(ParsedRows.ROW_NUMBER).as(Bronze.ROW_NUMBER));
    select.add(col(ParsedRows.ROW_HASH).as(Bronze.ROW_HASH));
    return parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.KIND_VALID)).select(select.toArray(Column[]::new));
  }

  /** The rejected rows as quarantine rows, with the raw text decoded leniently in the source's charset. */
  public static Dataset<Row> toQuarantine(Dataset<Row> parsed, BatchLineage lineage, String charset) {
    requireParsed(parsed);
    return parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.KIND_REJECTED)).select(
        lit(lineage.source()).as(Quarantine.SOURCE),
        col(ParsedRows.FILE_PATH).as(Quarantine.SOURCE_FILE),
        col(ParsedRows.FILE_FINGERPRINT).as(Quarantine.FILE_FINGERPRINT),
        col(ParsedRows.ROW_NUMBER).as(Quarantine.ROW_NUMBER),
        col(ParsedRows.LINE_NUMBER).as(Quarantine.LINE_NUMBER),
        col(ParsedRows.ERROR).as(Quarantine.REASON),
        decode(col(ParsedRows.RAW_BYTES), charset).as(Quarantine.RAW_TEXT),
        col(ParsedRows.RAW_BYTES).as(Quarantine.RAW_BYTES),
        col(ParsedRows.RAW_TRUNCATED).as(Quarantine.RAW_TRUNCATED),
        col(ParsedRows.ROW_HASH).as(Quarantine.ROW_HASH),
        lit(lineage.runId()).as(Quarantine.RUN_ID),
        lit(Timestamp.from(lineage.ingestedAt())).as(Quarantine.INGESTED_AT),
        to_date(lit(Timestamp.from(lineage.ingestedAt()))).as(Quarantine.INGEST_DATE));
  }

  /** Per file: rows read, rows valid, rows rejected, blank lines. One row per file, empty files included. */
  public static Dataset<Row> fileCounts(Dataset<Row> parsed) {
    requireParsed(parsed);
    Column kind = col(ParsedRows.KIND);
    return parsed.groupBy(ParsedRows.FILE_PATH).agg(
        sum(when(kind.notEqual(ParsedRows.KIND_FILE_END), 1L).otherwise(0L)).as("rows_read"),
        sum(when(kind.equalTo(ParsedRows.KIND_VALID), 1L).otherwise(0L)).as("rows_valid"),
        sum(when(kind.equalTo(ParsedRows.KIND_REJECTED), 1L).otherwise(0L)).as("rows_rejected"),
        max(col(ParsedRows.BLANK_LINES)).as(ParsedRows.BLANK_LINES));
  }

  /**
   * Distinct field names of the valid rows ({@code key}) with their first position in a record
   * ({@code first_position}), the number of records holding them ({@code records}) and whether a record holds
   * them next to a spelling that differs only in case ({@code shares_record}); ordering by position, then name,
   * gives the file's column order.
   */
  public static Dataset<Row> fieldKeys(Dataset<Row> parsed) {
    requireParsed(parsed);
    String keys = "map_keys(" + ParsedRows.FIELDS + ")";
    Column caseTwins = expr("filter(" + keys + ", k -> size(filter(" + keys + ", j -> lower(j) = lower(k))) > 1)");
    return parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.KIND_VALID))
        .select(posexplode(col(ParsedRows.FIELDS)), caseTwins.as("case_twins"))
        .groupBy("key").agg(min("pos").as("first_position"), count(lit(1)).as("records"),
            max(array_contains(col("case_twins"), col("key"))).as("shares_record"));
  }

  /** The rows of {@link #fieldKeys} as records. */
  public static List<FieldKey> fieldKeyList(Dataset<Row> fieldKeys) {
    return fieldKeys.collectAsList().stream().map(r -> new FieldKey(r.getString(0), r.getInt(1), r.getLong(2),
        r.getBoolean(3))).toList();
  }

  /**
   * Bronze columns for a batch's field names (see {@link ColumnNames}), in the order of their first position,
   * then name. Spellings of one name that differ only in case share a column named after the spelling most records
   * use (ties: the first in column order), unless a record holds two of them: those keep a column each.
   */
  public static List<RawColumn> columnsFor(List<FieldKey> keys) {
    Map<Group, List<FieldKey>> groups = new LinkedHashMap<>();
    keys.stream().sorted(Comparator.comparingInt(FieldKey::firstPosition).thenComparing(FieldKey::key))
        .forEach(k -> groups.computeIfAbsent(Group.of(k), g -> new ArrayList<>()).add(k));
    List<List<FieldKey>> ordered = List.copyOf(groups.values());
    List<String> names = ColumnNames.uniquify(ordered.stream().map(BronzeTransforms::commonest).toList());
    List<RawColumn> out = new ArrayList<>(names.size());
    for (int i = 0; i < ordered.size(); i++) {
      out.add(new RawColumn(ordered.get(i).stream().map(FieldKey::key).toList(), names.get(i)));
    }
    return out;
  }

  /**
   * The column a field name goes to: its lower-case form, or the name alone when a record holds it beside a
   * spelling that differs only in case.
   */
  private record Group(String name, boolean alone) {
    static Group of(FieldKey key) {
      return key.sharesRecord() ? new Group(key.key(), true) : new Group(key.key().toLowerCase(Locale.ROOT), false);
    }
  }

  /** The spelling most records of a group use; the first in column order on a tie. */
  private static String commonest(List<FieldKey> group) {
    FieldKey best = group.get(0);
    for (FieldKey k : group) {
      if (k.records() > best.records()) {
        best = k;
      }
    }
    return best.key();
  }

  private static void requireParsed(Dataset<Row> parsed) {
    SchemaChecks.requireColumns(parsed, "parsed rows", ParsedRows.FILE_PATH, ParsedRows.KIND, ParsedRows.FIELDS,
        ParsedRows.ROW_NUMBER, ParsedRows.ERROR);
  }
}
