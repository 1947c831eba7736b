package dev.cdi.identity;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.config.PipelineConfig;
import dev.cdi.identity.block.LshColumns;
import dev.cdi.identity.events.EventResolution;
import dev.cdi.identity.graph.ComponentsResult;
import dev.cdi.identity.graph.ComponentsSettings;
import dev.cdi.identity.graph.ConnectedComponents;
import dev.cdi.identity.graph.GraphColumns;
import dev.cdi.identity.graph.GuardSettings;
import dev.cdi.identity.graph.GuardedClustering;
import dev.cdi.identity.graph.GuardedResult;
import dev.cdi.identity.link.IdentifierLinks;
import dev.cdi.identity.score.FellegiSunterModel;
import dev.cdi.identity.score.ModelTrainer;
import dev.cdi.identity.score.PairComparator;
import dev.cdi.identity.score.PairScorer;
import dev.cdi.identity.score.ScoreSettings;
import dev.cdi.identity.score.TrainingRule;
import dev.cdi.identity.stable.StableIds;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.FaultInjection;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.KeptDatasets;
import dev.cdi.spark.StageScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity resolution over the whole of {@code silver/identities}:
 * <ol>
 *   <li>candidates: pairs sharing a strong identifier ({@link IdentifierLinks}, blocked values and hubs left out)
 *       and MinHash-LSH banding candidates ({@link Candidates});</li>
 *   <li>scoring: comparison levels per attribute, a Fellegi-Sunter model trained without labels (u from random
 *       pairs, m and λ by EM), match weights with term-frequency adjustment;</li>
 *   <li>decisions ({@link LinkDecisions}): conflict rules veto pairs; identifier pairs and likely matches link;</li>
 *   <li>clustering: connected components (large-star / small-star), then guardrails re-split components that
 *       are too large, hold conflicting values or a vetoed pair, dropping their weakest links;</li>
 *   <li>stable customer ids ({@link StableIds}) against the previous {@code identity/identity_map};</li>
 *   <li>events tied to customers through their identifiers ({@link EventResolution}).</li>
 * </ol>
 * Writes {@code identity/id_history} by insert-if-absent, then {@code identity/identity_map} and
 * {@code identity/event_map} by MERGE (only real changes, so their change data feeds show what moved),
 * {@code identity/edges} and {@code identity/_hubs} by overwrite, and a figures row per run to
 * {@code identity/_runs} (MERGE by run id).
 *
 * <p>Idempotence: the result depends only on silver, the configuration and the previous map. The id history is
 * written before the map it describes: a rerun of the same run id after a crash between the two still sees the old
 * map, computes the same history (rows keyed by old id, new id and run id, so none is added twice) and then writes
 * the map. A rerun after the map was written finds every cluster's id there and changes nothing.
 * Shuffle cost: see the steps' classes; the largest are the pair ⋈ record joins of the comparator and the banding
 * group-by. Spark jobs are named by step: {@code cdi resolve: records}, {@code blocking}, {@code scoring},
 * {@code clustering}, {@code customer ids}, {@code events} ({@link StageScope}).
 */
public final class ResolveJob {

  private static final Logger LOG = LoggerFactory.getLogger(ResolveJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;
  private final Lakehouse lakehouse;

  public ResolveJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.lakehouse = run.lakehouse();
  }

  public ResolveResult run() {
    long start = System.nanoTime();
    IdentitySettings settings = config.identitySettings();
    Dataset<Row> silver = DeltaIO.readIfExists(spark, lakehouse.path(Tables.SILVER_IDENTITIES)).orElseThrow(() ->
        new IllegalStateException("no silver/identities table under " + lakehouse.root()
            + "; run `standardize` first"));
    KeptDatasets kept = new KeptDatasets();
    try (StageScope scope = StageScope.open(spark, "resolve", run.runId())) {
      scope.step("records");
      Dataset<Row> records = kept.keep(IdentityRecords.prepare(silver, settings));
      long recordCount = checkedCount(records);
      scope.step("blocking");
      IdentifierLinks.Result identifierLinks = IdentifierLinks.link(records, settings.identifiers());
      Dataset<Row> identifierPairs = kept.keep(identifierLinks.pairs());
      Dataset<Row> candidates = kept.keep(Candidates.union(records, identifierPairs, settings));
      long identifierPairCount = identifierPairs.count();
      long candidateCount = candidates.count();
      LOG.info("resolve {}: {} records, {} identifier pairs, {} candidate pairs in all", run.runId(), recordCount,
          identifierPairCount, candidateCount);
      scope.step("scoring");
      Dataset<Row> compared = kept.keep(PairComparator.compare(candidates, records, settings.comparisons()));
      Dataset<Row> eligible = compared.where(not(LinkDecisions.conflict(settings)));
      long eligibleCount = eligible.count();
      double allPairs = Math.max(eligibleCount, recordCount * (recordCount - 1) / 2.0);
      FellegiSunterModel model = ModelTrainer.trainWithPriorOverAllPairs(records, eligible, settings.comparisons(),
          settings.training(), trainingRules(settings), allPairs);
      LOG.info("resolve {}: prior {} over all {} record pairs ({} candidate pairs no conflict rule rejects)",
          run.runId(), model.lambda(), (long) allPairs, eligibleCount);
      Dataset<Row> decided = kept.keep(LinkDecisions.decide(PairScorer.score(compared, model,
          ScoreSettings.DEFAULTS), settings));
      Row decisions = decided.agg(sum(when(col(LinkDecisions.LINK), 1L).otherwise(0L)),
          sum(when(col(LinkDecisions.CONFLICT), 1L).otherwise(0L))).first();
      long links = decisions.isNullAt(0) ? 0 : decisions.getLong(0);
      long conflicts = decisions.isNullAt(1) ? 0 : decisions.getLong(1);
      scope.step("clustering");
      Clustering clustering = cluster(records, decided, settings, kept);
      scope.step("customer ids");
      IdentityTables tables = new IdentityTables(spark, lakehouse, run);
      StableIds.Result ids = StableIds.assign(clustering.clusters(), tables.previousMap(), run.runId());
      Dataset<Row> assignments = kept.keep(ids.assignments());
      Dataset<Row> retired = kept.keep(ids.history());
      long customers = assignments.agg(countDistinct("customer_id")).first().getLong(0);
      long history = tables.writeHistory(retired);
      FaultInjection.reach("resolve.history-written");
      tables.writeMap(assignments, records);
      FaultInjection.reach("resolve.map-written");
      tables.writeEdges(decided, records, assignments);
      long excluded = tables.writeExcluded(identifierLinks.excluded());
      scope.step("events");
      Dataset<Row> direct = kept.keep(EventResolution.direct(
          DeltaIO.readIfExists(spark, lakehouse.path(Tables.SILVER_EVENTS)).orElse(tables.noEvents()),
          silver, assignments, settings.identifiers().blockedByColumn()));
      long events = tables.writeEventMap(kept.keep(EventResolution.anonymous(direct)));
      FaultInjection.reach("resolve.event-map-written");
      ResolveResult result = new ResolveResult(run.runId(), recordCount, identifierPairCount, candidateCount, links,
          conflicts, excluded, clustering.iterations(), clustering.resplit(), customers, history, events,
          model.lambda(), model.iterations(), (System.nanoTime() - start) / 1e9);
      tables.writeRun(result);
      LOG.info("resolve {}: {} records -> {} customers; {} links, {} conflicts, {} excluded identifier values, {}"
          + " components re-split, {} ids retired or split, {} events tied, in {}s", run.runId(), recordCount,
          customers, links, conflicts, excluded, clustering.resplit(), history, events,
          String.format("%.1f", result.seconds()));
      return result;
    } finally {
      kept.releaseAll();
    }
  }

  /** Counts the records, failing if two record keys hash to one node id (probability ~ n² / 2^65). */
  private static long checkedCount(Dataset<Row> records) {
    Row counts = records.agg(count(lit(1)), countDistinct(IdentityRecords.NODE_ID)).first();
    if (counts.getLong(0) != counts.getLong(1)) {
      throw new IllegalStateException("two record keys share a 64-bit node id (" + counts.getLong(0) + " records, "
          + counts.getLong(1) + " distinct ids); please report this");
    }
    return counts.getLong(0);
  }

  /**
   * Pairs sharing a strong identifier train every comparison except those on identifier columns; then the pairs
   * sharing one identifier train the comparisons on the other identifiers (pairs sharing a phone show how often
   * one person's records carry different emails); each LSH view's pairs train what is left, except comparisons on
   * the view's columns. Identifier pairs come first because they are the surest matches: pairs a similarity view
   * proposes include many relatives and namesakes.
   */
  private static List<TrainingRule> trainingRules(IdentitySettings settings) {
    List<TrainingRule> rules = new ArrayList<>();
    var identifiers = settings.identifiers().identifiers();
    if (!identifiers.isEmpty()) {
      rules.add(new TrainingRule("shared identifiers", col(IdentifierLinks.IDENTIFIERS).isNotNull(),
          identifiers.stream().map(i -> i.column()).collect(Collectors.toSet())));
    }
    identifiers.forEach(identifier -> rules.add(new TrainingRule("shared " + identifier.name(),
        coalesce(array_contains(col(IdentifierLinks.IDENTIFIERS), identifier.name()), lit(false)),
        Set.of(identifier.column()))));
    settings.lsh().ifPresent(lsh -> lsh.views().forEach(view -> rules.add(new TrainingRule("view " + view.name(),
        array_contains(col(LshColumns.Pairs.VIEWS), view.name()), Set.copyOf(view.columns())))));
    return rules;
  }

  private record Clustering(Dataset<Row> clusters, int iterations, long resplit) {
  }

  /** Components over the links, re-split by the guardrails; every record gets a cluster (singletons its node id). */
  private static Clustering cluster(Dataset<Row> records, Dataset<Row> decided, IdentitySettings settings,
                                    KeptDatasets kept) {
    Dataset<Row> links = decided.where(col(LinkDecisions.LINK)).select(
        col(IdentifierLinks.LEFT_ID).as(GraphColumns.Edges.SRC), col(IdentifierLinks.RIGHT_ID).as(GraphColumns.Edges.DST),
        col(LinkDecisions.STRENGTH).as(GraphColumns.Edges.STRENGTH));
    Dataset<Row> cannotLink = decided.where(col(LinkDecisions.CONFLICT)).select(
        col(IdentifierLinks.LEFT_ID).as(GraphColumns.Edges.SRC), col(IdentifierLinks.RIGHT_ID).as(GraphColumns.Edges.DST));
    ComponentsResult components = new ConnectedComponents(new ComponentsSettings(
        settings.clustering().maxIterations())).run(links);
    try {
      GuardedResult guarded = new GuardedClustering(new GuardSettings(settings.clustering().maxClusterSize())).run(
          components.assignments(), links, records.select(col(IdentityRecords.NODE_ID).as(GraphColumns.NodeAttributes.NODE),
              col(IdentityRecords.CONFLICT_KEYS).as(GraphColumns.NodeAttributes.CONFLICT_KEYS)), cannotLink);
      Dataset<Row> report = kept.keep(guarded.report());
      long resplit = report.count();
      Dataset<Row> clusters = records.select(IdentityRecords.NODE_ID, "record_key")
          .join(guarded.clusters(), col(IdentityRecords.NODE_ID).equalTo(col(GraphColumns.Clusters.NODE)), "left")
          .select(col("record_key"), coalesce(col(GraphColumns.Clusters.CLUSTER), col(IdentityRecords.NODE_ID))
              .as(StableIds.CLUSTER));
      return new Clustering(kept.keep(clusters), components.iterations(), resplit);
    } finally {
      components.release();
    }
  }
}
