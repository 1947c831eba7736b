package dev.cdi.identity.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.link.IdentifierLinkSettings.Identifier;
import dev.cdi.io.Columns.Hubs;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Deterministic candidate links: every pair of records that share a value of a strong identifier (email match key,
 * E.164 phone, loyalty id, ...), except values on the configured blocked list and detected hubs (values shared by
 * too many distinct people-looking records, see {@link IdentifierLinkSettings.HubRule}). The pairs still pass the
 * conflict rules before they become links, so a family email does not merge two people.
 *
 * <p>Shuffle cost: one aggregation by (identifier, value) for hub detection, one self-join on (identifier, value)
 * (groups are small once hubs are out: at most {@code maxRecords} records, so at most maxRecords² / 2 pairs), and
 * one aggregation by pair to merge identifiers. Deterministic: no randomness; output is a pure function of the
 * input rows.
 */
public final class IdentifierLinks {

  public static final String NODE_ID = "node_id";
  public static final String LEFT_ID = "left_id";
  public static final String RIGHT_ID = "right_id";
  public static final String IDENTIFIERS = "identifiers";

  /** Schema of {@link Result#pairs}. */
  public static final StructType PAIRS = new StructType().add(LEFT_ID, DataTypes.LongType)
      .add(RIGHT_ID, DataTypes.LongType)
      .add(IDENTIFIERS, DataTypes.createArrayType(DataTypes.StringType, false), false);
  /** Schema of {@link Result#excluded}. */
  public static final StructType EXCLUDED = new StructType().add(Hubs.IDENTIFIER, DataTypes.StringType, false)
      .add(Hubs.VALUE, DataTypes.StringType, false).add(Hubs.RECORDS, DataTypes.LongType, false)
      .add(Hubs.DISTINCT_NAMES, DataTypes.LongType, false).add(Hubs.REASON, DataTypes.StringType, false);

  private IdentifierLinks() {
  }

  /**
   * The result: {@code pairs} ({@code left_id < right_id}, sorted {@code identifiers} they share) and
   * {@code excluded}, one row per blocked or hub value with its record and distinct-name counts and the reason.
   */
  public record Result(Dataset<Row> pairs, Dataset<Row> excluded) {
  }

  public static Result link(Dataset<Row> records, IdentifierLinkSettings settings) {
    List<String> required = new ArrayList<>(List.of(NODE_ID, settings.hubs().nameColumn()));
    settings.identifiers().forEach(i -> required.add(i.column()));
    SchemaChecks.requireColumns(records, "identity records", required.toArray(String[]::new));
    if (settings.identifiers().isEmpty()) {
      var spark = records.sparkSession();
      return new Result(spark.createDataFrame(List.of(), PAIRS), spark.createDataFrame(List.of(), EXCLUDED));
    }
    Dataset<Row> values = values(records, settings);
    Dataset<Row> groups = values.groupBy(Hubs.IDENTIFIER, Hubs.VALUE).agg(
        count(lit(1)).as(Hubs.RECORDS), countDistinct(col("name")).as(Hubs.DISTINCT_NAMES),
        max(col("blocked")).as("blocked"));
    var hubs = settings.hubs();
    Column reason = when(col("blocked"), lit("blocked"))
        .when(col(Hubs.RECORDS).gt(hubs.maxRecords()), lit("hub: more than " + hubs.maxRecords() + " records"))
        .when(col(Hubs.DISTINCT_NAMES).gt(hubs.maxDistinctNames()),
            lit("hub: more than " + hubs.maxDistinctNames() + " distinct " + hubs.nameColumn()));
    Dataset<Row> excluded = groups.withColumn(Hubs.REASON, reason).where(col(Hubs.REASON).isNotNull())
        .select(Stream.of(EXCLUDED.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> usable = values.join(excluded, values.col(Hubs.IDENTIFIER).equalTo(excluded.col(Hubs.IDENTIFIER))
        .and(values.col(Hubs.VALUE).equalTo(excluded.col(Hubs.VALUE))), "left_anti");
    Dataset<Row> l = usable.as("l");
    Dataset<Row> r = usable.as("r");
    Dataset<Row> pairs = l.join(r, col("l." + Hubs.IDENTIFIER).equalTo(col("r." + Hubs.IDENTIFIER))
            .and(col("l." + Hubs.VALUE).equalTo(col("r." + Hubs.VALUE)))
            .and(col("l." + NODE_ID).lt(col("r." + NODE_ID))))
        .groupBy(col("l." + NODE_ID).as(LEFT_ID), col("r." + NODE_ID).as(RIGHT_ID))
        .agg(sort_array(collect_set(col("l." + Hubs.IDENTIFIER))).as(IDENTIFIERS));
    return new Result(pairs, excluded);
  }

  /** One row per (record, identifier, value): node_id, name, identifier, value, blocked. */
  private static Dataset<Row> values(Dataset<Row> records, IdentifierLinkSettings settings) {
    List<Column> entries = new ArrayList<>();
    for (Identifier identifier : settings.identifiers()) {
      Column value = col(identifier.column()).cast(DataTypes.StringType);
      Column blocked = identifier.blocked().isEmpty() ? lit(false)
          : value.isin(identifier.blocked().toArray()).and(value.isNotNull());
      entries.add(struct(lit(identifier.name()).as(Hubs.IDENTIFIER), value.as(Hubs.VALUE), blocked.as("blocked")));
    }
    return records.select(col(NODE_ID), col(settings.hubs().nameColumn()).cast(DataTypes.StringType).as("name"),
            explode(array(entries.toArray(Column[]::new))).as("e"))
        .select(col(NODE_ID), col("name"), col("e." + Hubs.IDENTIFIER).as(Hubs.IDENTIFIER),
            col("e." + Hubs.VALUE).as(Hubs.VALUE), col("e.blocked").as("blocked"))
        .where(col(Hubs.VALUE).isNotNull());
  }
}
