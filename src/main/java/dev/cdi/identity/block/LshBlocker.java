package dev.cdi.identity.block;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;

import dev.cdi.identity.block.LshColumns.BandKeys;
import dev.cdi.identity.block.LshColumns.Buckets;
import dev.cdi.identity.block.LshColumns.Input;
import dev.cdi.identity.block.LshColumns.Pairs;
import dev.cdi.identity.block.LshColumns.Proposals;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MinHash-LSH blocking with banding: standardized identity records to candidate pairs for fuzzy matching.
 *
 * <ol>
 *   <li>Narrow (the explode): every record is cut into shingles per {@link BlockingView} ({@link Shingler},
 *       {@link ShingleHasher}), MinHashed with b * r seeded universal hash functions plus {@code maxRefinements * r}
 *       for refinement ({@link MinHasher}), and exploded into one row per view and band keyed by the hash of the
 *       band's r values ({@link ViewBander}). AND within a band, OR across bands and views:
 *       P(candidate | Jaccard s) = 1 - (1 - s^r)^b per view ({@link BandingMath}). Records without a shingle for a
 *       view are absent from it.</li>
 *   <li>Shuffle 1, group by bucket key: the band rows are hash-partitioned by bucket key and sorted within
 *       partitions, and each bucket of two or more records is split into groups of at most {@code maxBucketSize}
 *       ({@link BucketWalker}, {@link BucketSplitter}): an oversized bucket is refined with further MinHash values,
 *       and a part still oversized after the last refinement is dropped and reported. A task holds one bucket's
 *       ids at a time and a group never yields more than maxBucketSize * (maxBucketSize - 1) / 2 pairs.</li>
 *   <li>Shuffle 2, distinct: SQL generators emit every pair of every kept group with left_id &lt; right_id and the
 *       bit of its view; a bitwise-OR aggregate on (left_id, right_id), partially aggregated map-side, removes
 *       the duplicates across bands and views. The {@code views} column lists the views that proposed the pair,
 *       in settings order.</li>
 * </ol>
 *
 * <p>Shuffle cost: records times the total bands of the views they appear in (rows of 5 fixed-width fields), then
 * the pair proposals (3 fields each), which dominate when buckets are large. Spark's
 * {@code MinHashLSH.approxSimilarityJoin} is not used: it has no AND-amplification and joins whole buckets.
 *
 * <p>Deterministic and idempotent: every hash function is drawn from a {@link java.util.SplittableRandom} seeded
 * by the settings' seed and the view name, hashing is platform-independent, and bucket members are ordered by id
 * before splitting, so the same input and settings give the same set of pairs and bucket rows whatever the
 * partitioning (row order within the outputs is not specified). Nothing here triggers a Spark action.
 */
public final class LshBlocker {

  private static final Logger LOG = LoggerFactory.getLogger(LshBlocker.class);
  private static final Set<DataType> ID_TYPES = Set.of(DataTypes.LongType, DataTypes.IntegerType,
      DataTypes.ShortType, DataTypes.ByteType);

  private LshBlocker() {
  }

  /**
   * Blocks {@code records} ({@link LshColumns.Input#NODE_ID} plus every column the views read; strings, dates or
   * numbers) into candidate pairs. Fails at once if a column is missing or the id is not integral.
   */
  public static LshBlockingResult block(Dataset<Row> records, LshSettings settings) {
    List<String> columns = attributeColumns(settings);
    requireInput(records, columns);
    logSettings(settings);
    Dataset<Row> bandKeys = prepare(records, columns)
        .flatMap(new BandKeyExploder(settings, columns), Encoders.row(BandKeys.SCHEMA));
    Dataset<Row> buckets = bandKeys.repartition(col(BandKeys.BUCKET_KEY))
        .sortWithinPartitions(BandKeys.BUCKET_KEY, BandKeys.VIEW_INDEX, BandKeys.BAND)
        .mapPartitions(new BucketWalker(settings), Encoders.row(Buckets.SCHEMA));
    Column viewNames = array(settings.viewNames().stream().map(n -> lit(n)).toArray(Column[]::new));
    return new LshBlockingResult(distinctPairs(proposals(buckets, viewNames), viewNames), buckets,
        buckets.drop(Buckets.GROUPS));
  }

  /** The distinct attribute columns of all views, in order of first use. */
  static List<String> attributeColumns(LshSettings settings) {
    Set<String> columns = new LinkedHashSet<>();
    settings.views().forEach(v -> columns.addAll(v.columns()));
    return List.copyOf(columns);
  }

  private static void requireInput(Dataset<Row> records, List<String> columns) {
    List<String> required = new ArrayList<>();
    required.add(Input.NODE_ID);
    required.addAll(columns);
    SchemaChecks.requireColumns(records, "lsh blocking input", required.toArray(String[]::new));
    DataType idType = records.select(Input.NODE_ID).schema().fields()[0].dataType();
    if (!ID_TYPES.contains(idType)) {
      throw new IllegalArgumentException("lsh blocking input column " + Input.NODE_ID + " must be integral, got "
          + idType.simpleString());
    }
  }

  /** Node id as long, then every attribute as a string (dates render as yyyy-MM-dd). */
  private static Dataset<Row> prepare(Dataset<Row> records, List<String> columns) {
    List<Column> selected = new ArrayList<>();
    selected.add(col(Input.NODE_ID).cast(DataTypes.LongType));
    columns.forEach(c -> selected.add(col(c).cast(DataTypes.StringType)));
    return records.select(selected.toArray(Column[]::new));
  }

  /**
   * Every pair (left &lt; right) of every kept group, with the bit of its view: generated by SQL generators (explode
   * the groups, posexplode each group for the left id, explode the ids after it for the right id), so no pair
   * becomes a Java object.
   */
  private static Dataset<Row> proposals(Dataset<Row> buckets, Column viewNames) {
    Column viewBit = call_function("shiftleft", lit(1), array_position(viewNames, col(Buckets.VIEW)).minus(1)
        .cast(DataTypes.IntegerType));
    Column group = col(Proposals.GROUP);
    Column position = col(Proposals.POSITION);
    return buckets.select(viewBit.as(Proposals.VIEW_MASK), explode(col(Buckets.GROUPS)).as(Proposals.GROUP))
        .select(col(Proposals.VIEW_MASK), group, posexplode(group).as(new String[] {Proposals.POSITION,
            Pairs.LEFT_ID}))
        .select(col(Pairs.LEFT_ID), explode(slice(group, position.plus(2), size(group).minus(position).minus(1)))
            .as(Pairs.RIGHT_ID), col(Proposals.VIEW_MASK));
  }

  private static Dataset<Row> distinctPairs(Dataset<Row> proposals, Column names) {
    Column mask = col(Proposals.VIEW_MASK);
    Column views = filter(names, (name, i) -> call_function("shiftright", mask, i).bitwiseAND(1).equalTo(1));
    return proposals.groupBy(Pairs.LEFT_ID, Pairs.RIGHT_ID)
        .agg(bit_or(mask).as(Proposals.VIEW_MASK))
        .select(col(Pairs.LEFT_ID), col(Pairs.RIGHT_ID), views.as(Pairs.VIEWS));
  }

  private static void logSettings(LshSettings settings) {
    for (BlockingView view : settings.views()) {
      LOG.info("LSH view {}: {} bands x {} rows (threshold ~{}), max bucket size {}, {} refinement(s), seed {}",
          view.name(), view.bands(), view.rows(), String.format("%.3f", BandingMath.threshold(view.bands(),
              view.rows())), view.maxBucketSize(), settings.maxRefinements(), settings.seed());
    }
  }
}
