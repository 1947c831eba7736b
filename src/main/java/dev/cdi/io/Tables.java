package dev.cdi.io;

/** Every table the engine writes, by layer. Paths are {@code <lakehouse>/<layer>/<name>}. */
public final class Tables {

  public static final String BRONZE = "bronze";
  public static final String SILVER = "silver";
  public static final String IDENTITY = "identity";
  public static final String GOLD = "gold";
  /** Erasure bookkeeping; holds no personal data. */
  public static final String PRIVACY = "_privacy";

  /** Rows that could not be ingested, with the reason. */
  public static final TableId QUARANTINE = new TableId(BRONZE, "_quarantine");
  /** One row per ingested file and state (started, committed): the reconciliation manifest. */
  public static final TableId INGEST_LOG = new TableId(BRONZE, "_ingest_log");

  /** Standardized identity records, one per source record. */
  public static final TableId SILVER_IDENTITIES = new TableId(SILVER, "identities");
  /** Standardized touchpoints, one per source event. */
  public static final TableId SILVER_EVENTS = new TableId(SILVER, "events");
  /** Data-quality metrics per run, source and table. */
  public static final TableId SILVER_DQ_METRICS = new TableId(SILVER, "_dq_metrics");
  /** Records kept out of silver by the source's configuration (unparsable dates and times), with a reason. */
  public static final TableId SILVER_QUARANTINE = new TableId(SILVER, "_quarantine");
  /** Which bronze version of each source the silver tables contain. */
  public static final TableId SILVER_STANDARDIZE_LOG = new TableId(SILVER, "_standardize_log");

  /** Every identity record's customer id. */
  public static final TableId IDENTITY_MAP = new TableId(IDENTITY, "identity_map");
  /** Every accepted link between two identity records, with its evidence. */
  public static final TableId IDENTITY_EDGES = new TableId(IDENTITY, "edges");
  /** Customer ids retired by merges and splits: old id, new id, reason, run. */
  public static final TableId IDENTITY_ID_HISTORY = new TableId(IDENTITY, "id_history");
  /** Every event that could be tied to a customer, with the identifier that tied it. */
  public static final TableId IDENTITY_EVENT_MAP = new TableId(IDENTITY, "event_map");
  /** Identifier values not used for linking (blocked placeholders and detected hubs), per run. */
  public static final TableId IDENTITY_HUBS = new TableId(IDENTITY, "_hubs");
  /** Figures of every resolve run: records, links, clusters, model parameters. */
  public static final TableId IDENTITY_RUNS = new TableId(IDENTITY, "_runs");
  /** Results of {@code evaluate} against labelled truth. */
  public static final TableId IDENTITY_EVALUATION = new TableId(IDENTITY, "_evaluation");

  /** One golden record per customer: attributes by survivorship, identifiers, traits; change data feed on. */
  public static final TableId GOLD_CUSTOMER_360 = new TableId(GOLD, "customer_360");
  /** Every timed touchpoint of a resolved customer, with sessions and stages; partitioned by event_date. */
  public static final TableId GOLD_JOURNEY = new TableId(GOLD, "journey");
  /** Touchpoints no customer is tied to yet, keyed by their anonymous identifier; partitioned by event_date. */
  public static final TableId GOLD_ANONYMOUS_JOURNEY = new TableId(GOLD, "anonymous_journey");
  /** Multi-touch attribution credits per conversion and touchpoint. */
  public static final TableId GOLD_ATTRIBUTION = new TableId(GOLD, "attribution");
  /** Customers grouped into households. */
  public static final TableId GOLD_HOUSEHOLDS = new TableId(GOLD, "households");

  /** Salted hashes of erased identifiers, records, events and customers: ingestion drops rows that match. */
  public static final TableId SUPPRESSION = new TableId(PRIVACY, "suppression");
  /** One row per finished erasure request: hashes of what was asked, counts of what was removed. */
  public static final TableId ERASURE_AUDIT = new TableId(PRIVACY, "erasure_audit");

  private Tables() {
  }

  /** The bronze table of a source. */
  public static TableId bronze(String source) {
    return new TableId(BRONZE, source);
  }
}
