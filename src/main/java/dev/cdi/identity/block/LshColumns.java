package dev.cdi.identity.block;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column names and schemas of MinHash-LSH blocking, in one place. */
public final class LshColumns {

  private LshColumns() {
  }

  /** Required input: one row per identity record, plus the attribute columns the views name. */
  public static final class Input {
    /** The record's id (any integral type; read as long). */
    public static final String NODE_ID = "node_id";

    private Input() {
    }
  }

  /** {@link LshBlockingResult#pairs()}: one row per candidate pair. */
  public static final class Pairs {
    public static final String LEFT_ID = "left_id";
    public static final String RIGHT_ID = "right_id";
    /** The names of the views that proposed the pair, in settings order. */
    public static final String VIEWS = "views";

    public static final StructType SCHEMA = new StructType()
        .add(LEFT_ID, DataTypes.LongType, false)
        .add(RIGHT_ID, DataTypes.LongType, false)
        .add(VIEWS, DataTypes.createArrayType(DataTypes.StringType, false), false);

    private Pairs() {
    }
  }

  /**
   * {@link LshBlockingResult#buckets()}: one row per band bucket with at least two records;
   * {@link LshBlockingResult#bucketStats()} is the same without {@link #GROUPS}.
   */
  public static final class Buckets {
    public static final String VIEW = "view";
    public static final String BAND = "band";
    public static final String BUCKET_KEY = "bucket_key";
    /** Distinct records in the bucket. */
    public static final String SIZE = "size";
    /** A {@link BucketOutcome} name. */
    public static final String OUTCOME = "outcome";
    /** Refinement levels used (0 when the bucket was small enough). */
    public static final String REFINEMENTS = "refinements";
    /** The kept groups of two or more records, each sorted by id, ordered by their first id. */
    public static final String GROUPS = "groups";
    public static final String KEPT_GROUPS = "kept_groups";
    /** Records in sub-buckets still oversized after the last refinement. */
    public static final String DROPPED_RECORDS = "dropped_records";
    /** Pairs the kept groups yield, before deduplication across bands and views. */
    public static final String PAIRS = "pairs";

    public static final StructType SCHEMA = new StructType()
        .add(VIEW, DataTypes.StringType, false)
        .add(BAND, DataTypes.IntegerType, false)
        .add(BUCKET_KEY, DataTypes.LongType, false)
        .add(SIZE, DataTypes.IntegerType, false)
        .add(OUTCOME, DataTypes.StringType, false)
        .add(REFINEMENTS, DataTypes.IntegerType, false)
        .add(GROUPS, DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.LongType, false), false), false)
        .add(KEPT_GROUPS, DataTypes.IntegerType, false)
        .add(DROPPED_RECORDS, DataTypes.IntegerType, false)
        .add(PAIRS, DataTypes.LongType, false);

    private Buckets() {
    }
  }

  /** {@link LshBlockingResult#outcomeSummary()}: besides {@link Buckets#VIEW} and {@link Buckets#OUTCOME}. */
  public static final class Summary {
    public static final String BUCKETS = "buckets";
    public static final String RECORDS = "records";
    public static final String MAX_SIZE = "max_size";
    public static final String DROPPED_RECORDS = "dropped_records";
    public static final String PAIRS = "pairs";

    private Summary() {
    }
  }

  /** The exploded band keys, one row per record, view and band (internal). */
  static final class BandKeys {
    static final String VIEW_INDEX = "view_index";
    static final String BAND = "band";
    static final String BUCKET_KEY = "bucket_key";
    static final String NODE_ID = "node_id";
    static final String REFINE_KEYS = "refine_keys";

    static final StructType SCHEMA = new StructType()
        .add(VIEW_INDEX, DataTypes.IntegerType, false)
        .add(BAND, DataTypes.IntegerType, false)
        .add(BUCKET_KEY, DataTypes.LongType, false)
        .add(NODE_ID, DataTypes.LongType, false)
        .add(REFINE_KEYS, DataTypes.LongType, false);

    private BandKeys() {
    }
  }

  /** Pair proposals before deduplication (internal): the view is one bit of {@link #VIEW_MASK}. */
  static final class Proposals {
    static final String VIEW_MASK = "view_mask";
    static final String GROUP = "group";
    static final String POSITION = "position";

    private Proposals() {
    }
  }
}
