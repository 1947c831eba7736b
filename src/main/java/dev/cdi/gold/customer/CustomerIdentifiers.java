package dev.cdi.gold.customer;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.Identities;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a customer's identity records say besides the golden attributes: every email, phone and loyalty id, how many
 * records from which systems, when they were first and last updated; and, from the id history, the customer ids
 * that were retired by merging into this one.
 *
 * <p>Shuffle cost: one aggregation by customer (and one by new id over the small id history). Deterministic:
 * collected sets are sorted.
 */
public final class CustomerIdentifiers {

  static final String FIRST_RECORD_UPDATE = "_first_record_update";
  static final String LAST_RECORD_UPDATE = "_last_record_update";
  private static final String MERGED = "merged";

  private CustomerIdentifiers() {
  }

  /** One row per customer of {@code records} (silver identity records with their {@code customer_id}). */
  public static Dataset<Row> fromRecords(Dataset<Row> records) {
    SchemaChecks.requireColumns(records, "customer records", Customer360.CUSTOMER_ID, Identities.SOURCE,
        Identities.EMAIL, Identities.PHONE_E164, Identities.LOYALTY_ID, Identities.UPDATED_AT);
    return records.groupBy(Customer360.CUSTOMER_ID).agg(
        array_sort(collect_set(Identities.EMAIL)).as(Customer360.EMAILS),
        array_sort(collect_set(Identities.PHONE_E164)).as(Customer360.PHONES),
        array_sort(collect_set(Identities.LOYALTY_ID)).as(Customer360.LOYALTY_IDS),
        count(lit(1)).cast("int").as(Customer360.SOURCE_RECORDS),
        array_sort(collect_set(Identities.SOURCE)).as(Customer360.SOURCES),
        min(Identities.UPDATED_AT).as(FIRST_RECORD_UPDATE), max(Identities.UPDATED_AT).as(LAST_RECORD_UPDATE));
  }

  /** {@code customer_id} and {@code previous_customer_ids}: the ids the id history says were merged into it. */
  public static Dataset<Row> previousIds(Dataset<Row> idHistory) {
    SchemaChecks.requireColumns(idHistory, "identity id history", IdHistory.OLD_ID, IdHistory.NEW_ID,
        IdHistory.REASON);
    return idHistory.where(col(IdHistory.REASON).equalTo(MERGED)).groupBy(col(IdHistory.NEW_ID)
            .as(Customer360.CUSTOMER_ID))
        .agg(array_sort(collect_set(IdHistory.OLD_ID)).as(Customer360.PREVIOUS_CUSTOMER_IDS));
  }
}
