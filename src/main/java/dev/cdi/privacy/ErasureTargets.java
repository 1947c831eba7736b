package dev.cdi.privacy;

import static dev.cdi.privacy.IdentifierKind.CUSTOMER;
import static dev.cdi.privacy.IdentifierKind.EMAIL;
import static dev.cdi.privacy.IdentifierKind.EVENT;
import static dev.cdi.privacy.IdentifierKind.ID;
import static dev.cdi.privacy.IdentifierKind.PHONE;
import static dev.cdi.privacy.IdentifierKind.RECORD;
import static org.apache.spark.sql.functions.col;

import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Attribution;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Edges;
import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.Hubs;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.Columns.Journey;
import dev.cdi.io.Columns.Quarantine;
import dev.cdi.io.Columns.SilverQuarantine;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructType;

/**
 * The tables erasure deletes rows from, and which of each row's values identify a person: keys, customer ids and
 * identifiers in silver, identity and gold; mapped fields and raw text in bronze (see {@link BronzeEntries}).
 * {@code gold/households} is not listed: erasure updates it (see {@link HouseholdErasure}). Tables of counts and
 * versions only ({@code _ingest_log}, {@code _dq_metrics}, {@code _standardize_log}, {@code _runs},
 * {@code _evaluation}) hold no row of a person and are only purged.
 */
public final class ErasureTargets {

  /**
   * One table.
   *
   * @param table    the table
   * @param required columns it must have (checked before any Spark job)
   * @param entries  the match entries of a row, given the table's schema
   */
  public record Target(TableId table, List<String> required, Function<StructType, List<Column>> entries) {
  }

  private ErasureTargets() {
  }

  /** Every target, gold first, then identity, silver and bronze. */
  public static List<Target> all(PipelineConfig config) {
    List<Target> out = new ArrayList<>();
    out.add(keyed(Tables.GOLD_CUSTOMER_360, on(CUSTOMER, Customer360.CUSTOMER_ID)));
    out.add(keyed(Tables.GOLD_JOURNEY, on(CUSTOMER, Journey.CUSTOMER_ID), on(EVENT, Journey.EVENT_KEY)));
    out.add(keyed(Tables.GOLD_ANONYMOUS_JOURNEY, on(EVENT, Journey.EVENT_KEY), on(ID, Journey.ANONYMOUS_ID),
        on(EMAIL, Journey.ANONYMOUS_ID), on(PHONE, Journey.ANONYMOUS_ID)));
    out.add(keyed(Tables.GOLD_ATTRIBUTION, on(CUSTOMER, Attribution.CUSTOMER_ID),
        on(EVENT, Attribution.CONVERSION_EVENT_KEY), on(EVENT, Attribution.TOUCH_EVENT_KEY)));
    out.add(keyed(Tables.IDENTITY_MAP, on(RECORD, IdentityMap.RECORD_KEY), on(CUSTOMER, IdentityMap.CUSTOMER_ID)));
    out.add(keyed(Tables.IDENTITY_EVENT_MAP, on(EVENT, EventMap.EVENT_KEY), on(CUSTOMER, EventMap.CUSTOMER_ID)));
    out.add(keyed(Tables.IDENTITY_EDGES, on(RECORD, Edges.LEFT_KEY), on(RECORD, Edges.RIGHT_KEY)));
    out.add(keyed(Tables.IDENTITY_ID_HISTORY, on(CUSTOMER, IdHistory.OLD_ID), on(CUSTOMER, IdHistory.NEW_ID)));
    out.add(keyed(Tables.IDENTITY_HUBS, on(EMAIL, Hubs.VALUE), on(PHONE, Hubs.VALUE), on(ID, Hubs.VALUE)));
    out.add(keyed(Tables.SILVER_IDENTITIES, on(RECORD, Identities.RECORD_KEY), on(EMAIL, Identities.EMAIL_KEY),
        on(PHONE, Identities.PHONE_E164), on(ID, Identities.LOYALTY_ID)));
    out.add(keyed(Tables.SILVER_EVENTS, on(EVENT, Events.EVENT_KEY), on(RECORD, Events.RECORD_KEY),
        on(EMAIL, Events.EMAIL_KEY), on(PHONE, Events.PHONE_E164), on(ID, Events.COOKIE_ID),
        on(ID, Events.DEVICE_ID), on(ID, Events.LOYALTY_ID)));
    out.add(keyed(Tables.SILVER_QUARANTINE, on(RECORD, SilverQuarantine.KEY), on(EVENT, SilverQuarantine.KEY)));
    for (SourceConfig source : config.sources().values()) {
      out.add(new Target(Tables.bronze(source.name()), List.of(), schema -> BronzeEntries.of(source, schema)));
    }
    out.add(new Target(Tables.QUARANTINE, List.of(Quarantine.SOURCE, Quarantine.RAW_TEXT),
        schema -> List.of(BronzeEntries.quarantine(config.sources().values()))));
    return out;
  }

  /**
   * A column holding values of one kind.
   *
   * @param kind   what the values are
   * @param column the column
   */
  private record On(IdentifierKind kind, String column) {
  }

  private static On on(IdentifierKind kind, String column) {
    return new On(kind, column);
  }

  /** A table whose rows are matched by some of their columns. */
  private static Target keyed(TableId table, On... columns) {
    List<Column> entries = Arrays.stream(columns).map(c -> MatchEntries.of(c.kind(), col(c.column()))).toList();
    List<String> required = Arrays.stream(columns).map(On::column).distinct().toList();
    return new Target(table, required, schema -> entries);
  }
}
