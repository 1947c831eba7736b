package dev.cdi.identity.eval;

/** Column names of the evaluation's inputs, intermediate tables and result row, in one place. */
public final class EvalColumns {

  private EvalColumns() {
  }

  /** The engine's predicted clustering: one row per record. */
  public static final class Predicted {
    public static final String RECORD_KEY = "record_key";
    public static final String CUSTOMER_ID = "customer_id";

    private Predicted() {
    }
  }

  /** Labelled truth: one row per record. */
  public static final class Truth {
    public static final String RECORD_KEY = "record_key";
    public static final String ENTITY_ID = "entity_id";

    private Truth() {
    }
  }

  /** The generator's identity truth files, {@code _truth/identities/part-*.csv}. */
  public static final class GeneratorTruth {
    public static final String SOURCE = "source";
    public static final String SOURCE_RECORD_ID = "source_record_id";
    public static final String PERSON_ID = "person_id";

    private GeneratorTruth() {
    }
  }

  /** Candidate pairs produced by blocking, unordered and possibly duplicated. */
  public static final class Candidates {
    public static final String LEFT_KEY = "left_key";
    public static final String RIGHT_KEY = "right_key";

    private Candidates() {
    }
  }

  /** {@link KeyAlignment#align}: one row per record key of either side. */
  public static final class Aligned {
    public static final String RECORD_KEY = "record_key";
    /** Null when the record is only in the truth. */
    public static final String CUSTOMER_ID = "customer_id";
    /** Null when the record is only in the prediction. */
    public static final String ENTITY_ID = "entity_id";
    /** Whether the prediction gave this key more than one customer id (an input error); null if not predicted. */
    public static final String CUSTOMER_CONFLICT = "customer_conflict";
    /** Whether the truth gave this key more than one entity id (an input error); null if not labelled. */
    public static final String ENTITY_CONFLICT = "entity_conflict";

    private Aligned() {
    }
  }

  /** {@link KeyAlignment#contingency}: one row per non-empty cell of the contingency table. */
  public static final class Contingency {
    public static final String CUSTOMER_ID = "customer_id";
    public static final String ENTITY_ID = "entity_id";
    public static final String RECORDS = "records";

    private Contingency() {
    }
  }

  /** The evaluation results table: one row per evaluation ({@link EvaluationRows}). */
  public static final class Results {
    public static final String RUN_ID = "run_id";
    public static final String DATASET_LABEL = "dataset_label";
    public static final String RECORDS_PREDICTED = "records_predicted";
    public static final String RECORDS_TRUTH = "records_truth";
    public static final String RECORDS_EVALUATED = "records_evaluated";
    public static final String RECORDS_ONLY_TRUTH = "records_only_truth";
    public static final String RECORDS_ONLY_PREDICTED = "records_only_predicted";
    public static final String PREDICTED_CONFLICTING_KEYS = "predicted_conflicting_keys";
    public static final String TRUTH_CONFLICTING_KEYS = "truth_conflicting_keys";
    public static final String EVALUATED_CLUSTERS = "evaluated_clusters";
    public static final String EVALUATED_ENTITIES = "evaluated_entities";
    public static final String TRUE_POSITIVE_PAIRS = "true_positive_pairs";
    public static final String PREDICTED_PAIRS = "predicted_pairs";
    public static final String TRUE_PAIRS = "true_pairs";
    public static final String PAIRWISE_PRECISION = "pairwise_precision";
    public static final String PAIRWISE_RECALL = "pairwise_recall";
    public static final String PAIRWISE_F1 = "pairwise_f1";
    public static final String BCUBED_PRECISION = "bcubed_precision";
    public static final String BCUBED_RECALL = "bcubed_recall";
    public static final String BCUBED_F1 = "bcubed_f1";
    public static final String ADJUSTED_RAND_INDEX = "adjusted_rand_index";
    public static final String PREDICTED_CLUSTERS = "predicted_clusters";
    public static final String SINGLETON_CLUSTERS = "singleton_clusters";
    public static final String LARGEST_CLUSTER_SIZE = "largest_cluster_size";
    public static final String CANDIDATE_PAIRS = "candidate_pairs";
    public static final String CANDIDATE_PAIRS_EVALUATED = "candidate_pairs_evaluated";
    public static final String TRUE_MATCH_CANDIDATE_PAIRS = "true_match_candidate_pairs";
    public static final String PAIR_COMPLETENESS = "pair_completeness";
    public static final String REDUCTION_RATIO = "reduction_ratio";
    public static final String PAIRS_QUALITY = "pairs_quality";
    public static final String EVALUATED_AT = "evaluated_at";

    private Results() {
    }
  }
}
