package dev.cdi.privacy;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.cdi.gold.RowHash;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Households;
import dev.cdi.spark.SchemaChecks;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Takes erased customers out of {@code gold/households} without touching other rows: a household that loses
 * members keeps its id and evidence, with the remaining members, their count and their golden family names (from
 * {@code customer_360}, already without the erased) and a new row hash; a household left empty is deleted. The
 * next {@code build-gold} recomputes households from scratch anyway. No I/O; shuffles: the members by household
 * and a join with the golden names.
 */
public final class HouseholdErasure {

  /** True on a change row whose household is to be deleted. */
  public static final String DELETE = "_delete";
  private static final String MEMBER = "_member";

  private HouseholdErasure() {
  }

  /**
   * One row per household that had an erased member: its new content (the households columns with
   * {@code row_hash} and {@code run_id}) and {@link #DELETE}.
   *
   * @param households the households table
   * @param golden     customer_360 after erasure (customer id and family name are used)
   * @param erased     whether a customer-id column is an erased customer
   * @param runId      the erasure's run id, stamped on changed rows
   */
  public static Dataset<Row> changes(Dataset<Row> households, Dataset<Row> golden, UnaryOperator<Column> erased,
                                     String runId) {
    SchemaChecks.requireColumns(households, "gold.households", Households.HOUSEHOLD_ID, Households.CUSTOMER_IDS,
        Households.EVIDENCE);
    SchemaChecks.requireColumns(golden, "gold.customer_360", Customer360.CUSTOMER_ID, Customer360.FAMILY_NAME);
    Dataset<Row> members = households.select(col(Households.HOUSEHOLD_ID), explode(col(Households.CUSTOMER_IDS))
        .as(MEMBER));
    Dataset<Row> affected = members.where(erased.apply(col(MEMBER))).select(Households.HOUSEHOLD_ID).distinct();
    Dataset<Row> kept = members.where(not(erased.apply(col(MEMBER)))).join(affected, Households.HOUSEHOLD_ID)
        .join(golden.select(col(Customer360.CUSTOMER_ID).as(MEMBER), col(Customer360.FAMILY_NAME)), MEMBER, "left")
        .groupBy(Households.HOUSEHOLD_ID)
        .agg(array_sort(collect_set(MEMBER)).as(Households.CUSTOMER_IDS), count(lit(1)).cast("int")
                .as(Households.MEMBERS), array_sort(collect_set(Customer360.FAMILY_NAME)).as(Households.FAMILY_NAMES))
        .join(households.select(Households.HOUSEHOLD_ID, Households.EVIDENCE), Households.HOUSEHOLD_ID)
        .select(Households.HOUSEHOLD_ID, Households.CUSTOMER_IDS, Households.MEMBERS, Households.FAMILY_NAMES,
            Households.EVIDENCE);
    Dataset<Row> updated = RowHash.append(kept, Households.ROW_HASH).withColumn(Households.RUN_ID, lit(runId))
        .withColumn(DELETE, lit(false));
    Dataset<Row> emptied = affected.join(kept, affected.col(Households.HOUSEHOLD_ID)
        .equalTo(kept.col(Households.HOUSEHOLD_ID)), "left_anti");
    return updated.unionByName(emptied.withColumn(DELETE, lit(true)), true);
  }
}
