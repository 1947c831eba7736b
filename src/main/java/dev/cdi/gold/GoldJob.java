package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
import dev.cdi.io.Columns.Journey;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.Checkpoints;
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
 * traits, the conversion ⋈ touchpoint join, and each table's MERGE join with its target.
 */
public final class GoldJob {

  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);
  private static final int TOP_CHANNELS = 5;

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
    List<Dataset<Row>> kept = new ArrayList<>();
    try {
      Dataset<Row> customerEvents = keep(kept, Journeys.customerEvents(in.events(), in.eventMap()));
      Dataset<Row> records = keep(kept, in.identities().join(GoldTables.mapColumns(in.map()),
          Columns.IdentityMap.RECORD_KEY));
      Dataset<Row> journey = keep(kept, Journeys.journey(customerEvents, settings.journey()));
      Dataset<Row> anonymous = keep(kept, Journeys.anonymous(in.events(), in.eventMap(), settings.journey()));
      Dataset<Row> attribution = keep(kept, AttributionModels.credit(journey, settings.attribution()));
      Dataset<Row> golden = keep(kept, Survivorship.golden(records, settings.survivorship()));
      Dataset<Row> householdEvidence = keep(kept, HouseholdGrouping.evidence(records, settings.households(), blocked()));
      Dataset<Row> assignment = keep(kept, households(golden, householdEvidence));
      LocalDate asOf = tables.asOfDate(in);
      stage("customer 360");
      Dataset<Row> customers = keep(kept, GoldenRecords.assemble(new GoldenRecords.Parts(golden,
          CustomerIdentifiers.fromRecords(records), CustomerTraits.fromEvents(customerEvents,
          settings.attribution().conversionEventTypes(), settings.traits()), assignment,
          CustomerIdentifiers.previousIds(in.idHistory())), asOf, settings.traits()));
      Dataset<Row> households = keep(kept, HouseholdGrouping.table(assignment, golden, householdEvidence));
      stage("writing");
      Map<String, RowChanges> changes = new LinkedHashMap<>();
      changes.put(Tables.GOLD_CUSTOMER_360.toString(), tables.write(Tables.GOLD_CUSTOMER_360, customers,
          Customer360.CUSTOMER_ID, null));
      changes.put(Tables.GOLD_JOURNEY.toString(), tables.write(Tables.GOLD_JOURNEY, journey, Journey.EVENT_KEY,
          Journey.EVENT_DATE));
      changes.put(Tables.GOLD_ANONYMOUS_JOURNEY.toString(), tables.write(Tables.GOLD_ANONYMOUS_JOURNEY, anonymous,
          Journey.EVENT_KEY, Journey.EVENT_DATE));
      changes.put(Tables.GOLD_ATTRIBUTION.toString(), tables.write(Tables.GOLD_ATTRIBUTION, attribution,
          Columns.Attribution.ATTRIBUTION_KEY, null));
      changes.put(Tables.GOLD_HOUSEHOLDS.toString(), tables.write(Tables.GOLD_HOUSEHOLDS, households,
          Columns.Households.HOUSEHOLD_ID, null));
      GoldResult result = summarize(asOf, customers, households, journey, anonymous, attribution, changes, start);
      LOG.info("build-gold {}: {} customers ({} in {} multi-person households), {} touchpoints in {} sessions, {}"
          + " anonymous touchpoints, {} conversions attributed, as of {}; changes {}; in {}s", run.runId(),
          result.customers(), result.customersInHouseholds(), result.households(), result.touchpoints(),
          result.sessions(), result.anonymousTouchpoints(), result.conversions(), asOf, changes,
          String.format("%.1f", result.seconds()));
      return result;
    } finally {
      kept.forEach(Checkpoints::release);
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** Optimizes the gold tables' file layout: Z-order by customer id (by anonymous id for anonymous journeys). */
  public void optimize() {
    GoldTables tables = new GoldTables(spark, run.lakehouse(), run);
    stage("optimize");
    tables.optimize(Tables.GOLD_CUSTOMER_360, Customer360.CUSTOMER_ID);
    tables.optimize(Tables.GOLD_JOURNEY, Journey.CUSTOMER_ID);
    tables.optimize(Tables.GOLD_ANONYMOUS_JOURNEY, Journey.ANONYMOUS_ID);
    tables.optimize(Tables.GOLD_ATTRIBUTION, Columns.Attribution.CUSTOMER_ID);
    LOG.info("build-gold {}: optimized and Z-ordered the gold tables", run.runId());
  }

  /** Household ids for every customer: connected components over the household evidence. */
  private Dataset<Row> households(Dataset<Row> golden, Dataset<Row> evidence) {
    stage("households");
    ComponentsResult components = new ConnectedComponents(ComponentsSettings.DEFAULTS).run(HouseholdGrouping.edges(evidence));
    try {
      return Checkpoints.truncate(HouseholdGrouping.assign(golden, components.assignments()));
    } finally {
      components.release();
    }
  }

  private Map<String, Set<String>> blocked() {
    return config.identity() == null ? Map.of() : config.identity().identifiers().blockedByColumn();
  }

  private GoldResult summarize(LocalDate asOf, Dataset<Row> customers, Dataset<Row> households, Dataset<Row> journey,
                               Dataset<Row> anonymous, Dataset<Row> attribution, Map<String, RowChanges> changes,
                               long start) {
    Row multi = households.where(col(Columns.Households.MEMBERS).gt(1)).agg(count(lit(1)),
        sum(col(Columns.Households.MEMBERS))).first();
    Row touch = journey.agg(count(lit(1)), countDistinct(Journey.SESSION_ID)).first();
    List<GoldResult.ChannelCount> top = journey.groupBy(Journey.CHANNEL).agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col(Journey.CHANNEL)).limit(TOP_CHANNELS).collectAsList().stream()
        .map(r -> new GoldResult.ChannelCount(r.getString(0), r.getLong(1))).toList();
    long conversions = attribution.agg(countDistinct(Columns.Attribution.CONVERSION_EVENT_KEY)).first().getLong(0);
    return new GoldResult(run.runId(), asOf, customers.count(), multi.getLong(0), multi.isNullAt(1) ? 0
        : multi.getLong(1), touch.getLong(0), touch.getLong(1), anonymous.count(), conversions, top, changes,
        (System.nanoTime() - start) / 1e9);
  }

  private void stage(String name) {
    spark.sparkContext().setJobDescription("build-gold: " + name);
    LOG.info("build-gold {}: {}", run.runId(), name);
  }

  /** Materializes an intermediate result read more than once and cuts its lineage (see {@link Checkpoints}). */
  private static Dataset<Row> keep(List<Dataset<Row>> kept, Dataset<Row> data) {
    Dataset<Row> checkpointed = Checkpoints.truncate(data);
    kept.add(checkpointed);
    return checkpointed;
  }
}
