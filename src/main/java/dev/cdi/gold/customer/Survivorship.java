package dev.cdi.gold.customer;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Identities;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Golden attributes: for each attribute, every customer's records that hold a value (not marked INVALID) compete
 * under the attribute's rule, and the winner's values are taken together (a name's parts, an address's lines, from
 * one record) with their provenance: a struct of the record's {@code source}, {@code record_key} and the
 * {@code rule} that chose it.
 *
 * <p>Shuffle cost: per attribute one exchange by customer for the ranking window (plus one by customer and value
 * for {@code most_frequent}), then one join by customer per attribute. Deterministic: every rule ends with the
 * most recent update, then the smallest record key.
 */
public final class Survivorship {

  private static final String RANK = "_rank";
  private static final String FREQUENCY = "_frequency";

  private Survivorship() {
  }

  /**
   * One row per customer of {@code records}: {@code customer_id}, every attribute's gold columns, and one
   * provenance struct column per attribute named {@link #provenanceColumn}.
   *
   * @param records silver identity records with their {@code customer_id}
   */
  public static Dataset<Row> golden(Dataset<Row> records, Map<SurvivorshipAttribute, SurvivorshipRule> rules) {
    List<String> required = new ArrayList<>(List.of(Customer360.CUSTOMER_ID, Identities.RECORD_KEY,
        Identities.SOURCE, Identities.UPDATED_AT));
    rules.keySet().forEach(a -> {
      required.addAll(a.sourceColumns());
      if (a.validityColumn() != null) {
        required.add(a.validityColumn());
      }
    });
    SchemaChecks.requireColumns(records, "customer records", required.toArray(String[]::new));
    Dataset<Row> out = records.select(Customer360.CUSTOMER_ID).distinct();
    for (Map.Entry<SurvivorshipAttribute, SurvivorshipRule> e : rules.entrySet()) {
      out = out.join(winner(records, e.getKey(), e.getValue()), Customer360.CUSTOMER_ID,
          "left");
    }
    return out;
  }

  /** The column holding an attribute's provenance struct in {@link #golden}'s output. */
  public static String provenanceColumn(SurvivorshipAttribute attribute) {
    return "_provenance_" + attribute.configName();
  }

  private static Dataset<Row> winner(Dataset<Row> records, SurvivorshipAttribute attribute, SurvivorshipRule rule) {
    Dataset<Row> candidates = records.where(present(attribute));
    if (rule.kind() == SurvivorshipRule.Kind.MOST_FREQUENT) {
      candidates = candidates.withColumn(FREQUENCY, count(lit(1)).over(Window.partitionBy(col(Customer360.CUSTOMER_ID),
          valueKey(attribute))));
    }
    WindowSpec ranking = Window.partitionBy(Customer360.CUSTOMER_ID).orderBy(order(attribute, rule));
    List<Column> columns = new ArrayList<>();
    columns.add(col(Customer360.CUSTOMER_ID));
    for (int i = 0; i < attribute.sourceColumns().size(); i++) {
      columns.add(col(attribute.sourceColumns().get(i)).as(attribute.goldColumns().get(i)));
    }
    columns.add(struct(col(Identities.SOURCE).as(Customer360.PROVENANCE_SOURCE),
        col(Identities.RECORD_KEY).as(Customer360.PROVENANCE_RECORD_KEY),
        lit(rule.kind().configName()).as(Customer360.PROVENANCE_RULE)).as(provenanceColumn(attribute)));
    return candidates.withColumn(RANK, row_number().over(ranking)).where(col(RANK).equalTo(1))
        .select(columns.toArray(Column[]::new));
  }

  /** A record competes when it holds a value of the attribute that is not marked INVALID. */
  private static Column present(SurvivorshipAttribute attribute) {
    Column any = lit(false);
    for (String c : attribute.sourceColumns()) {
      any = any.or(col(c).isNotNull());
    }
    if (attribute.validityColumn() != null) {
      any = any.and(coalesce(col(attribute.validityColumn()).notEqual(lit("INVALID")), lit(true)));
    }
    return any;
  }

  private static Column valueKey(SurvivorshipAttribute attribute) {
    return lower(concat_ws("|", attribute.sourceColumns().stream().map(c -> coalesce(col(c).cast("string"), lit("")))
        .toArray(Column[]::new)));
  }

  private static Column[] order(SurvivorshipAttribute attribute, SurvivorshipRule rule) {
    List<Column> order = new ArrayList<>();
    switch (rule.kind()) {
      case SOURCE_PRIORITY -> order.add(sourceRank(rule.sources()).asc());
      case MOST_FREQUENT -> order.add(col(FREQUENCY).desc());
      case MOST_COMPLETE -> order.add(completeness(attribute).desc());
      case MOST_RECENT -> {
      }
      default -> throw new IllegalStateException("unhandled rule " + rule.kind());
    }
    order.add(col(Identities.UPDATED_AT).desc_nulls_last());
    order.add(col(Identities.RECORD_KEY).asc());
    return order.toArray(Column[]::new);
  }

  private static Column sourceRank(List<String> sources) {
    Column rank = lit(sources.size());
    for (int i = sources.size() - 1; i >= 0; i--) {
      rank = when(col(Identities.SOURCE).equalTo(sources.get(i)), lit(i)).otherwise(rank);
    }
    return rank;
  }

  private static Column completeness(SurvivorshipAttribute attribute) {
    Column filled = lit(0);
    for (String c : attribute.sourceColumns()) {
      filled = filled.plus(when(col(c).isNotNull(), lit(1)).otherwise(lit(0)));
    }
    return filled;
  }
}
