package dev.cdi.gold.household;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.xxhash64;

import dev.cdi.identity.graph.GraphColumns;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Households;
import dev.cdi.io.Columns.Identities;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Groups customers into households without touching the customers themselves: two customers are one household's
 * when records of both share a normalized address and a family name, or a value of a household identifier (a
 * family email, a home phone). Values shared by more customers than {@code max_members}, and blocked placeholders,
 * are no evidence. The groups are the connected components of the customers linked this way (the job runs
 * {@link dev.cdi.identity.graph.ConnectedComponents} between {@link #edges} and {@link #assign}); every customer
 * gets a household, alone if nothing links them. A household's id is {@code H} + 16 hex digits of the SHA-256 of
 * its smallest customer id, so it is stable while its smallest member stays.
 *
 * <p>Shuffle cost: one aggregation by evidence value, the components' rounds over customer edges (small: at most
 * {@code max_members - 1} edges per value), and two aggregations by household. Deterministic.
 */
public final class HouseholdGrouping {

  static final String EVIDENCE_TYPE = "_evidence_type";
  static final String EVIDENCE_VALUE = "_evidence_value";
  static final String MEMBERS = "_members";
  /** Evidence type of a shared address with a shared family name. */
  public static final String ADDRESS_AND_FAMILY_NAME = "address_and_family_name";
  private static final String NODE = "_node";
  private static final String SMALLEST = "_smallest";

  private HouseholdGrouping() {
  }

  /**
   * Evidence values that tie 2 to {@code max_members} customers: {@code _evidence_type} ({@code
   * address_and_family_name} or the identifier column), {@code _evidence_value}, {@code _members} (sorted ids).
   *
   * @param records silver identity records with their {@code customer_id}
   * @param blocked identifier values never used, by silver column
   */
  public static Dataset<Row> evidence(Dataset<Row> records, HouseholdSettings settings,
                                      Map<String, Set<String>> blocked) {
    List<String> required = new ArrayList<>(List.of(Customer360.CUSTOMER_ID, Identities.ADDRESS_KEY,
        Identities.FAMILY_KEY));
    required.addAll(settings.identifierColumns());
    SchemaChecks.requireColumns(records, "customer records", required.toArray(String[]::new));
    Dataset<Row> values = records.select(col(Customer360.CUSTOMER_ID), lit(ADDRESS_AND_FAMILY_NAME).as(EVIDENCE_TYPE),
        concat_ws("|", col(Identities.ADDRESS_KEY), col(Identities.FAMILY_KEY)).as(EVIDENCE_VALUE))
        .where(col(Identities.ADDRESS_KEY).isNotNull().and(col(Identities.FAMILY_KEY).isNotNull()));
    for (String column : settings.identifierColumns()) {
      Column usable = col(column).isNotNull();
      Set<String> skip = blocked.getOrDefault(column, Set.of());
      if (!skip.isEmpty()) {
        usable = usable.and(not(col(column).isin(skip.toArray())));
      }
      values = values.union(records.where(usable).select(col(Customer360.CUSTOMER_ID), lit(column).as(EVIDENCE_TYPE),
          col(column).cast("string").as(EVIDENCE_VALUE)));
    }
    return values.groupBy(EVIDENCE_TYPE, EVIDENCE_VALUE)
        .agg(array_sort(collect_set(Customer360.CUSTOMER_ID)).as(MEMBERS))
        .where(size(col(MEMBERS)).between(2, settings.maxMembers()));
  }

  /** Customer links for the connected components: {@code src}, {@code dst} node ids (see {@link #nodeId}). */
  public static Dataset<Row> edges(Dataset<Row> evidence) {
    return evidence.select(col(MEMBERS).getItem(0).as("_first"), explode(col(MEMBERS)).as("_other"))
        .where(col("_first").notEqual(col("_other")))
        .select(nodeId(col("_first")).as(GraphColumns.Edges.SRC), nodeId(col("_other")).as(GraphColumns.Edges.DST));
  }

  /** A customer's node id in the household graph: a 64-bit hash of the customer id. */
  public static Column nodeId(Column customerId) {
    return xxhash64(customerId);
  }

  /**
   * {@code customer_id}, {@code household_id} for every customer.
   *
   * @param customers  rows with {@code customer_id}
   * @param components the components of {@link #edges}: {@code node}, {@code component}
   */
  public static Dataset<Row> assign(Dataset<Row> customers, Dataset<Row> components) {
    SchemaChecks.requireColumns(components, "household components", GraphColumns.Components.NODE,
        GraphColumns.Components.COMPONENT);
    Dataset<Row> nodes = customers.select(col(Customer360.CUSTOMER_ID)).distinct()
        .withColumn(NODE, nodeId(col(Customer360.CUSTOMER_ID)));
    Dataset<Row> grouped = nodes.join(components, nodes.col(NODE).equalTo(components.col(GraphColumns.Components.NODE)),
        "left").select(col(Customer360.CUSTOMER_ID), coalesce(col(GraphColumns.Components.COMPONENT), col(NODE))
        .as(GraphColumns.Components.COMPONENT));
    Dataset<Row> ids = grouped.groupBy(GraphColumns.Components.COMPONENT)
        .agg(min(Customer360.CUSTOMER_ID).as(SMALLEST))
        .withColumn(Households.HOUSEHOLD_ID, concat(lit("H"), substring(sha2(col(SMALLEST), 256), 1, 16)));
    return grouped.join(ids, GraphColumns.Components.COMPONENT)
        .select(Customer360.CUSTOMER_ID, Households.HOUSEHOLD_ID);
  }

  /**
   * The {@code gold/households} rows (without row hash and run id).
   *
   * @param assignment {@link #assign} output
   * @param golden     rows with {@code customer_id} and the golden {@code family_name}
   * @param evidence   {@link #evidence} output
   */
  public static Dataset<Row> table(Dataset<Row> assignment, Dataset<Row> golden, Dataset<Row> evidence) {
    Dataset<Row> evidenceTypes = evidence.select(col(EVIDENCE_TYPE), col(MEMBERS).getItem(0)
            .as(Customer360.CUSTOMER_ID))
        .join(assignment, Customer360.CUSTOMER_ID).groupBy(Households.HOUSEHOLD_ID)
        .agg(array_sort(collect_set(EVIDENCE_TYPE)).as(Households.EVIDENCE));
    return assignment.join(golden.select(Customer360.CUSTOMER_ID, Customer360.FAMILY_NAME), Customer360.CUSTOMER_ID,
            "left")
        .groupBy(Households.HOUSEHOLD_ID)
        .agg(array_sort(collect_set(Customer360.CUSTOMER_ID)).as(Households.CUSTOMER_IDS),
            count(lit(1)).cast("int").as(Households.MEMBERS),
            array_sort(collect_set(Customer360.FAMILY_NAME)).as(Households.FAMILY_NAMES))
        .join(evidenceTypes, Households.HOUSEHOLD_ID, "left")
        .withColumn(Households.EVIDENCE, coalesce(col(Households.EVIDENCE), array().cast("array<string>")))
        .select(Households.HOUSEHOLD_ID, Households.CUSTOMER_IDS, Households.MEMBERS, Households.FAMILY_NAMES,
            Households.EVIDENCE);
  }
}
