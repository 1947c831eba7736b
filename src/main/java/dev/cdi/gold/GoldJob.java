package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.cdi.config.PipelineConfig;
import dev.cdi.gold.attribution.AttributionModels;
import dev.cdi.gold.customer.CustomerIdentifiers;
import dev.cdi.gold.customer.CustomerTraits;
import dev.cdi.gold.customer.GoldenRecords;
import dev.cdi.gold.customer.Survivorship;
import dev.cdi.gold.household.HouseholdGrouping;
import dev.cdi.gold.journey.Journeys;
import dev.cdi.identity.graph.ComponentsResult;
import dev.cdi.identity.graph.ComponentsSettings;
import dev.cdi.identity.graph.ConnectedComponents;
import dev.cdi.io.Columns;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.Columns.Journey;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.KeptDatasets;
import dev.cdi.spark.SchemaChecks;
import dev.cdi.spark.StageScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gold layer, from {@code silver/identities}, {@code silver/events}, {@code identity/identity_map},
 * {@code identity/event_map} and {@code identity/id_history}:
 * <ol>
 *   <li>{@code gold/journey}: customers' timed touchpoints with sequence, sessions and stages
 *       ({@link Journeys}); {@code gold/anonymous_journey}: the touchpoints no customer is tied to yet;</li>
 *   <li>{@code gold/attribution}: five attribution models' credits per conversion ({@link AttributionModels});</li>
 *   <li>{@code gold/households}: customers grouped by shared address and family name or family identifiers
 *       ({@link HouseholdGrouping});</li>
 *   <li>{@code gold/customer_360}: golden attributes by survivorship ({@link Survivorship}), identifiers, traits
 *       ({@link CustomerTraits}) and household ({@link GoldenRecords}).</li>
 * </ol>
 * Every table is recomputed from its inputs and written by MERGE on its key, replacing only rows whose content hash
 * changed and deleting keys no longer produced (a retired customer id, an event that moved from the anonymous to a
 * customer's journey). Customer ids come from the identity map alone, so ids merged away disappear from gold.
 *
 * <p>Idempotence: the output depends only on the inputs (pinned to one version each) and the configuration; traits
 * are computed as of the newest event date, not the clock. A rerun with no new data writes nothing (every table's
 * keys and row hashes equal the new ones, so no MERGE runs and no version is added), and a run that died halfway
 * is completed by running again. Shuffle
 * cost: the events ⋈ event map and records ⋈ map joins, exchanges by customer for sessions, survivorship and
 * traits, the conversion ⋈ touchpoint join, and each table's MERGE join with its target. Spark jobs are named by
 * step: {@code cdi build-gold: journeys}, {@code customer 360}, {@code households}, {@code writing}
 * ({@link StageScope}).
 */
public final class GoldJob {

  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);
  private static final int TOP_CHANNELS = 5;
  private static final String STAGE = "build-gold";

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;

  public GoldJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
  }

  public GoldResult run() {
    long start = System.nanoTime();
    GoldSettings settings = config.goldSettings();
    GoldTables tables = new GoldTables(spark, run.lakehouse(), run);
    GoldTables.Inputs in = tables.read();
    requireColumns(in, settings);
    KeptDatasets kept = new KeptDatasets();
    try (StageScope scope = StageScope.open(spark, STAGE, run.runId())) {
      Built built = build(in, settings, tables.asOfDate(in), kept, scope);
      scope.step("writing");
      Map<String, RowChanges> changes = write(tables, built);
      GoldResult result = summarize(built, changes, start);
      LOG.info("build-gold {}: {} customers ({} in {} multi-person households), {} touchpoints in {} sessions, {}"
          + " anonymous touchpoints, {} conversions attributed, as of {}; changes {}; in {}s", run.runId(),
          result.customers(), result.customersInHouseholds(), result.households(), result.touchpoints(),
          result.sessions(), result.anonymousTouchpoints(), result.conversions(), built.asOf(), changes,
          String.format("%.1f", result.seconds()));
      return result;
    } finally {
      kept.releaseAll();
    }
  }

  /** Fails before any Spark job when an input lacks a column gold reads (the transforms check again). */
  private static void requireColumns(GoldTables.Inputs in, GoldSettings settings) {
    List<String> identity = new ArrayList<>(List.of(Identities.RECORD_KEY, Identities.SOURCE, Identities.UPDATED_AT,
        Identities.EMAIL, Identities.PHONE_E164, Identities.LOYALTY_ID, Identities.ADDRESS_KEY,
        Identities.FAMILY_KEY));
    settings.survivorship().keySet().forEach(a -> identity.addAll(a.sourceColumns()));
    identity.addAll(settings.households().identifierColumns());
    SchemaChecks.requireColumns(in.identities(), "silver/identities", identity.toArray(String[]::new));
    SchemaChecks.requireColumns(in.events(), "silver/events", Events.EVENT_KEY, Events.SOURCE, Events.EVENT_TYPE,
        Events.CHANNEL, Events.EVENT_TS, Events.EVENT_DATE, Events.AMOUNT, Events.CURRENCY, Events.CAMPAIGN,
        Events.PRODUCT, Events.COOKIE_ID, Events.DEVICE_ID, Events.EMAIL_KEY, Events.PHONE_E164,
        Events.LOYALTY_ID, Events.ATTRIBUTES);
    SchemaChecks.requireColumns(in.map(), "identity/identity_map", Columns.IdentityMap.RECORD_KEY,
        Columns.IdentityMap.CUSTOMER_ID);
    SchemaChecks.requireColumns(in.eventMap(), "identity/event_map", Columns.EventMap.EVENT_KEY,
        Columns.EventMap.CUSTOMER_ID, Columns.EventMap.RESOLVED_BY);
    SchemaChecks.requireColumns(in.idHistory(), "identity/id_history", Columns.IdHistory.OLD_ID,
        Columns.IdHistory.NEW_ID, Columns.IdHistory.REASON);
  }

  /** The gold tables' rows (checkpointed), before row hashes and run ids. */
  private record Built(LocalDate asOf, Dataset<Row> customers, Dataset<Row> journey, Dataset<Row> anonymous,
                       Dataset<Row> attribution, Dataset<Row> households) {
  }

  private Built build(GoldTables.Inputs in, GoldSettings settings, LocalDate asOf, KeptDatasets kept,
                     StageScope scope) {
    scope.step("journeys");
    Dataset<Row> customerEvents = kept.keep(Journeys.customerEvents(in.events(), in.eventMap()));
    Dataset<Row> records = kept.keep(in.identities().join(GoldTables.mapColumns(in.map()),
        Columns.IdentityMap.RECORD_KEY));
    Dataset<Row> journey = kept.keep(Journeys.journey(customerEvents, settings.journey()));
    Dataset<Row> anonymous = kept.keep(Journeys.anonymous(in.events(), in.eventMap(), settings.journey()));
    Dataset<Row> attribution = kept.keep(AttributionModels.credit(journey, settings.attribution()));
    scope.step("customer 360");
    Dataset<Row> golden = kept.keep(Survivorship.golden(records, settings.survivorship()));
    Dataset<Row> evidence = kept.keep(HouseholdGrouping.evidence(records, settings.households(), blocked()));
    scope.step("households");
    Dataset<Row> assignment = households(golden, evidence, kept);
    Dataset<Row> customers = kept.keep(GoldenRecords.assemble(new GoldenRecords.Parts(golden,
        CustomerIdentifiers.fromRecords(records), CustomerTraits.fromEvents(customerEvents,
        settings.attribution().conversionEventTypes(), settings.traits()), assignment,
        CustomerIdentifiers.previousIds(in.idHistory())), asOf, settings.traits()));
    Dataset<Row> households = kept.keep(HouseholdGrouping.table(assignment, golden, evidence));
    return new Built(asOf, customers, journey, anonymous, attribution, households);
  }

  private static Map<String, RowChanges> write(GoldTables tables, Built built) {
    Map<String, RowChanges> changes = new LinkedHashMap<>();
    changes.put(Tables.GOLD_CUSTOMER_360.toString(), tables.write(Tables.GOLD_CUSTOMER_360, built.customers(),
        Customer360.CUSTOMER_ID, null));
    changes.put(Tables.GOLD_JOURNEY.toString(), tables.write(Tables.GOLD_JOURNEY, built.journey(), Journey.EVENT_KEY,
        Journey.EVENT_DATE));
    changes.put(Tables.GOLD_ANONYMOUS_JOURNEY.toString(), tables.write(Tables.GOLD_ANONYMOUS_JOURNEY,
        built.anonymous(), Journey.EVENT_KEY, Journey.EVENT_DATE));
    changes.put(Tables.GOLD_ATTRIBUTION.toString(), tables.write(Tables.GOLD_ATTRIBUTION, built.attribution(),
        Columns.Attribution.ATTRIBUTION_KEY, null));
    changes.put(Tables.GOLD_HOUSEHOLDS.toString(), tables.write(Tables.GOLD_HOUSEHOLDS, built.households(),
        Columns.Households.HOUSEHOLD_ID, null));
    return changes;
  }

  /**
   * Optimizes the gold tables' file layout: {@code customer_360} and {@code attribution} are compacted and
   * Z-ordered by customer id; the journeys are compacted within their date partitions (a day's touchpoints are
   * few, so Z-ordering each day would rewrite every file to gain nothing; see the README for Z-ordering recent
   * days of a large journey).
   */
  public void optimize() {
    GoldTables tables = new GoldTables(spark, run.lakehouse(), run);
    try (StageScope scope = StageScope.open(spark, STAGE, run.runId())) {
      scope.step("optimize");
      tables.zOrder(Tables.GOLD_CUSTOMER_360, Customer360.CUSTOMER_ID);
      tables.zOrder(Tables.GOLD_ATTRIBUTION, Columns.Attribution.CUSTOMER_ID);
      tables.compact(Tables.GOLD_JOURNEY);
      tables.compact(Tables.GOLD_ANONYMOUS_JOURNEY);
      tables.compact(Tables.GOLD_HOUSEHOLDS);
    }
    LOG.info("build-gold {}: compacted the gold tables, customer_360 and attribution Z-ordered by customer id",
        run.runId());
  }

  /** Household ids for every customer (kept): connected components over the household evidence. */
  private Dataset<Row> households(Dataset<Row> golden, Dataset<Row> evidence, KeptDatasets kept) {
    ComponentsResult components = new ConnectedComponents(ComponentsSettings.DEFAULTS).run(HouseholdGrouping.edges(evidence));
    try {
      return kept.keep(HouseholdGrouping.assign(golden, components.assignments()));
    } finally {
      components.release();
    }
  }

  private Map<String, Set<String>> blocked() {
    return config.identity() == null ? Map.of() : config.identity().identifiers().blockedByColumn();
  }

  private GoldResult summarize(Built built, Map<String, RowChanges> changes, long start) {
    Row multi = built.households().where(col(Columns.Households.MEMBERS).gt(1)).agg(count(lit(1)),
        sum(col(Columns.Households.MEMBERS))).first();
    Row touch = built.journey().agg(count(lit(1)), countDistinct(Journey.SESSION_ID)).first();
    List<GoldResult.ChannelCount> top = built.journey().groupBy(Journey.CHANNEL).agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col(Journey.CHANNEL)).limit(TOP_CHANNELS).collectAsList().stream()
        .map(r -> new GoldResult.ChannelCount(r.getString(0), r.getLong(1))).toList();
    long conversions = built.attribution().agg(countDistinct(Columns.Attribution.CONVERSION_EVENT_KEY)).first().getLong(0);
    return new GoldResult(run.runId(), built.asOf(), built.customers().count(), multi.getLong(0),
        multi.isNullAt(1) ? 0 : multi.getLong(1), touch.getLong(0), touch.getLong(1), built.anonymous().count(),
        conversions, top, changes, (System.nanoTime() - start) / 1e9);
  }

}
