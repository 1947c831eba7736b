package dev.cdi.report;

import dev.cdi.bronze.IngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.identity.eval.SizeDistribution;
import dev.cdi.io.TableId;
import dev.cdi.pipeline.StageTiming;
import dev.cdi.silver.SilverResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the run report shows, already aggregated: a few hundred values at most, never a table's rows.
 *
 * @param run         which run, where, and when
 * @param timings     each stage's elapsed time
 * @param sources     all-time ingestion per source, from the ingest log
 * @param tables      every table of the lakehouse the run knows of, with its row count and version
 * @param ingest      what this run ingested, per source
 * @param silver      what this run standardized, per source
 * @param quarantine  quarantined rows by layer, source and reason (the largest groups)
 * @param quality     the latest data-quality metrics of each source and silver table
 * @param identity    identity figures, absent without {@code identity/identity_map}
 * @param gold        gold figures, absent when this run built no gold tables
 */
public record RunFigures(RunInfo run, List<StageTiming> timings, List<SourceTotal> sources, List<TableCount> tables,
                         IngestResult ingest, SilverResult silver, List<ReasonCount> quarantine,
                         List<DqMetric> quality, Optional<IdentityFigures> identity, Optional<GoldFigures> gold) {

  public RunFigures {
    timings = List.copyOf(timings);
    sources = List.copyOf(sources);
    tables = List.copyOf(tables);
    quarantine = List.copyOf(quarantine);
    quality = List.copyOf(quality);
  }

  /**
   * @param runId     the run
   * @param lakehouse the lakehouse root
   * @param startedAt when the run started
   * @param reportedAt when the figures were computed
   * @param seconds   the stages' elapsed time
   */
  public record RunInfo(String runId, String lakehouse, Instant startedAt, Instant reportedAt, double seconds) {
  }

  /** What was ingested from one source over all runs: files, and rows read, in bronze and quarantined. */
  public record SourceTotal(String source, long files, long rowsRead, long rowsBronze, long rowsQuarantined) {
  }

  /** A table's row count and latest version; {@code exists} false (and -1 for both) when it was never written. */
  public record TableCount(TableId table, boolean exists, long rows, long version) {
  }

  /** A label and how many: a histogram bucket, a category. */
  public record Count(String label, long value) {
  }

  /**
   * Quarantined rows of one reason.
   *
   * @param layer       bronze or silver
   * @param reason      the reason with counts and positions replaced by {@code N}, so that reasons differing only
   *                    in them ("row has 7 fields, the header has 9") form one group
   * @param rows        rows in the quarantine table
   * @param rowsThisRun of which this run quarantined
   */
  public record ReasonCount(String layer, String source, String reason, long rows, long rowsThisRun) {
  }

  /** One metric of {@code silver/_dq_metrics}, from the run that last computed it for its source and table. */
  public record DqMetric(String source, String table, String metric, double value, String runId) {
  }

  /**
   * Identity resolution figures.
   *
   * @param resolve            this run's resolve result, or null when this run did not resolve
   * @param clusterSizes       customers by number of identity records
   * @param systemsPerCustomer customers by the number of source systems their records come from ("1", "2", ...)
   * @param matchScores        edges by match probability, in tenths
   * @param rules              edges by decision and rule
   * @param hubValues          identifier values kept from linking (blocked or hubs)
   * @param hubs               the hub values with most records, masked
   * @param idHistory          this run's id history rows by reason
   */
  public record IdentityFigures(ResolveResult resolve, SizeDistribution clusterSizes, List<Count> systemsPerCustomer,
                                List<ScoreBin> matchScores, List<RuleCount> rules, long hubValues, List<Hub> hubs,
                                List<Count> idHistory) {

    public IdentityFigures {
      systemsPerCustomer = List.copyOf(systemsPerCustomer);
      matchScores = List.copyOf(matchScores);
      rules = List.copyOf(rules);
      hubs = List.copyOf(hubs);
      idHistory = List.copyOf(idHistory);
    }

    public Optional<ResolveResult> resolveResult() {
      return Optional.ofNullable(resolve);
    }
  }

  /** Edges whose match probability is in {@code [low, low + 0.1)} (the last bin includes 1.0). */
  public record ScoreBin(double low, long links, long conflicts) {
  }

  /** Edges of one decision (link or conflict) and rule, with their mean match probability (null when none has one). */
  public record RuleCount(String decision, String rule, long edges, Double meanProbability) {
  }

  /** A blocked or hub identifier value, masked with {@link IdentifierMask}. */
  public record Hub(String identifier, String maskedValue, long records, long distinctNames, String reason) {
  }

  /**
   * Gold figures.
   *
   * @param gold           this run's build-gold result
   * @param segments       customers and revenue per RFM segment
   * @param channels       attribution credits per touch channel
   * @param householdSizes households by number of customers
   */
  public record GoldFigures(GoldResult gold, List<Segment> segments, List<ChannelCredit> channels,
                            List<Count> householdSizes) {

    public GoldFigures {
      segments = List.copyOf(segments);
      channels = List.copyOf(channels);
      householdSizes = List.copyOf(householdSizes);
    }
  }

  /** Customers of one RFM segment and their revenue in the reporting currency. */
  public record Segment(String segment, long customers, double revenue) {
  }

  /**
   * Conversions each attribution model credits to a touch channel, and the revenue the linear model gives it.
   */
  public record ChannelCredit(String channel, double firstTouch, double lastTouch, double linear, double timeDecay,
                              double positionBased, double linearRevenue) {
  }
}
