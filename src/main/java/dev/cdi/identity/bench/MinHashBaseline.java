package dev.cdi.identity.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.eval.BlockingEvaluator;
import dev.cdi.identity.eval.BlockingMetrics;
import dev.cdi.identity.eval.EvalColumns.Candidates;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.identity.eval.TruthLoader;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.spark.SparkSessions;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark baseline for identity resolution's candidate generation; <b>not part of the pipeline</b>. It is
 * run by {@code scripts/bench-identity} only, to compare our identity stage with a plain MLlib recipe on the same
 * standardized records.
 *
 * <p>The recipe, as commonly written: one text per record of {@code silver/identities} (the standardized given
 * name with nicknames resolved, family name key, address key and birth date, space-separated), its distinct character q-grams (3 by default),
 * {@link HashingTF} features, {@link MinHashLSH} with 5 hash tables, and
 * {@link MinHashLSHModel#approxSimilarityJoin} of the records with themselves, keeping pairs at Jaccard distance
 * below a threshold. Pairs are reported once, as ({@code left_key < right_key}). Their pair recall is measured
 * against the generator's truth over the silver records it labels, with {@link BlockingEvaluator}.
 *
 * <p>MLlib's join explodes every record into one row per hash table and joins on equal (table, hash) values, so a
 * bucket of k records costs k² joined rows; a common shingle that is the minimum for many records makes such
 * buckets. The run is therefore capped: at {@link Options#capSeconds()} a timer cancels the Spark job group (and
 * keeps cancelling any job started after it), and the outcome is {@link Status#DID_NOT_FINISH}.
 *
 * <p>Prints a human summary and one {@code bench-baseline key=value ...} line on stdout for the script.
 */
public final class MinHashBaseline {

  private static final Logger LOG = LoggerFactory.getLogger(MinHashBaseline.class);

  /** Column with a record's text. */
  static final String TEXT = "text";
  /** Column with a record's distinct character q-grams. */
  static final String SHINGLES = "shingles";
  static final String FEATURES = "features";
  static final String HASHES = "hashes";
  static final String DISTANCE = "distance";
  /** The silver columns whose values make up the text, in order. */
  static final List<String> TEXT_COLUMNS = List.of(Identities.GIVEN_CANONICAL, Identities.FAMILY_KEY,
      Identities.ADDRESS_KEY, Identities.BIRTH_DATE);

  private static final String JOB_GROUP = "bench-minhash-baseline";
  private static final long RECANCEL_SECONDS = 5;

  private MinHashBaseline() {
  }

  /**
   * What to run.
   *
   * @param lakehouse   lakehouse root holding {@code silver/identities}
   * @param truth       the generator's output folder (its {@code _truth/identities})
   * @param maxDistance pairs at Jaccard distance strictly below this are joined (MLlib's threshold)
   * @param hashTables  MinHashLSH hash tables (OR-amplification)
   * @param q           character q-gram length
   * @param numFeatures HashingTF dimension
   * @param seed        MinHashLSH seed
   * @param capSeconds  wall-time cap for building the features and the join
   */
  public record Options(String lakehouse, String truth, double maxDistance, int hashTables, int q, int numFeatures,
                        long seed, long capSeconds) {

    public Options {
      if (!(maxDistance > 0 && maxDistance <= 1)) {
        throw new IllegalArgumentException("max distance must be in (0, 1], got " + maxDistance);
      }
      if (hashTables < 1 || q < 1 || numFeatures < 1 || capSeconds < 1) {
        throw new IllegalArgumentException("hash tables, q, features and cap must be >= 1, got " + hashTables + ", "
            + q + ", " + numFeatures + ", " + capSeconds);
      }
    }
  }

  /** Whether the join finished within the cap. */
  public enum Status {
    FINISHED,
    DID_NOT_FINISH
  }

  /**
   * What the run measured.
   *
   * @param status          finished or capped
   * @param seconds         wall time of features, fit and join (at least the cap when it did not finish)
   * @param records         records in silver/identities
   * @param recordsWithText records with at least one shingle (the others cannot be joined); -1 if not reached
   * @param blocking        the joined pairs against the truth; null when the join did not finish
   */
  public record Outcome(Status status, double seconds, long records, long recordsWithText, BlockingMetrics blocking) {
  }

  /** The record's text: the non-null values of {@link #TEXT_COLUMNS}, dates as yyyy-MM-dd, space-separated. */
  static Column text() {
    return concat_ws(" ", TEXT_COLUMNS.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
  }

  /**
   * The distinct character q-grams of {@code text} in order of first occurrence; a non-empty text shorter than q
   * is its own single shingle; null or empty text gives an empty array.
   */
  static Column shingles(Column text, int q) {
    Column len = length(text);
    Column grams = transform(sequence(lit(1), len.minus(q - 1)), i -> text.substr(i, lit(q)));
    return when(len.geq(q), array_distinct(grams))
        .when(len.gt(0), array(text))
        .otherwise(array().cast("array<string>"));
  }

  /** {@code record_key}, {@link #TEXT}, {@link #SHINGLES} and {@link #FEATURES} of the records with a shingle. */
  static Dataset<Row> features(Dataset<Row> silver, Options options) {
    Dataset<Row> shingled = silver.select(col(Identities.RECORD_KEY), text().as(TEXT))
        .withColumn(SHINGLES, shingles(col(TEXT), options.q()))
        .where(size(col(SHINGLES)).gt(0));
    return new HashingTF().setInputCol(SHINGLES).setOutputCol(FEATURES).setNumFeatures(options.numFeatures())
        .transform(shingled);
  }

  /** The MinHashLSH model over {@link #FEATURES}. */
  static MinHashLSHModel fit(Dataset<Row> features, Options options) {
    return new MinHashLSH().setNumHashTables(options.hashTables()).setSeed(options.seed()).setInputCol(FEATURES)
        .setOutputCol(HASHES).fit(features);
  }

  /**
   * The self-join's pairs below {@code maxDistance}, each once: {@link Candidates#LEFT_KEY} &lt;
   * {@link Candidates#RIGHT_KEY}, with their {@link #DISTANCE}. Self-pairs and mirrored pairs are dropped.
   */
  static Dataset<Row> pairs(MinHashLSHModel model, Dataset<Row> hashed, double maxDistance) {
    return model.approxSimilarityJoin(hashed, hashed, maxDistance, DISTANCE)
        .select(col("datasetA." + Identities.RECORD_KEY).as(Candidates.LEFT_KEY),
            col("datasetB." + Identities.RECORD_KEY).as(Candidates.RIGHT_KEY), col(DISTANCE))
        .where(col(Candidates.LEFT_KEY).lt(col(Candidates.RIGHT_KEY)));
  }

  /**
   * Pair completeness of {@code pairs} over the labelled records of {@code truth} ({@link Truth} columns) that are
   * in {@code silver}: records outside silver are neither in the true pairs nor in the record count.
   */
  static BlockingMetrics recall(Dataset<Row> pairs, Dataset<Row> truth, Dataset<Row> silver) {
    Dataset<Row> keys = silver.select(col(Identities.RECORD_KEY).as("_silver_key"));
    Dataset<Row> labelled = truth.join(keys, col(Truth.RECORD_KEY).equalTo(col("_silver_key")), "left_semi");
    return BlockingEvaluator.evaluate(pairs, labelled);
  }

  /** Runs the baseline once under the cap, then measures recall if it finished. */
  public static Outcome run(SparkSession spark, Options options) {
    Dataset<Row> silver = DeltaIO.read(spark, new Lakehouse(options.lakehouse()).path(Tables.SILVER_IDENTITIES));
    Dataset<Row> truth = TruthLoader.generatorTruth(spark, options.truth());
    SparkContext sc = spark.sparkContext();
    AtomicBoolean capped = new AtomicBoolean();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "baseline-cap");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> {
      if (capped.compareAndSet(false, true)) {
        LOG.info("baseline: cap of {} s reached; cancelling", options.capSeconds());
      }
      sc.cancelJobGroup(JOB_GROUP);
    }, options.capSeconds(), RECANCEL_SECONDS, TimeUnit.SECONDS);
    long start = System.nanoTime();
    Dataset<Row> hashed = null;
    Dataset<Row> pairs = null;
    long withText = -1;
    boolean finished = false;
    sc.setJobGroup(JOB_GROUP, "MinHashLSH approxSimilarityJoin baseline", true);
    try {
      Dataset<Row> features = features(silver, options);
      MinHashLSHModel model = fit(features, options);
      hashed = model.transform(features).persist(StorageLevel.MEMORY_AND_DISK());
      withText = hashed.count();
      LOG.info("baseline: {} records with text hashed; self-join at Jaccard distance < {}", withText,
          options.maxDistance());
      pairs = pairs(model, hashed, options.maxDistance()).persist(StorageLevel.MEMORY_AND_DISK());
      pairs.count();
      finished = true;
    } catch (Exception e) {
      if (!capped.get()) {
        throw e;
      }
      LOG.info("baseline: cancelled at the cap ({})", e.getClass().getSimpleName());
    } finally {
      timer.shutdownNow();
      sc.clearJobGroup();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      long records = silver.count();
      if (!finished) {
        return new Outcome(Status.DID_NOT_FINISH, seconds, records, withText, null);
      }
      LOG.info("baseline: join finished in {} s; measuring recall", String.format(Locale.ROOT, "%.1f", seconds));
      return new Outcome(Status.FINISHED, seconds, records, withText, recall(pairs, truth, silver));
    } finally {
      if (pairs != null) {
        pairs.unpersist();
      }
      if (hashed != null) {
        hashed.unpersist();
      }
    }
  }

  /** Prints {@code outcome} for people, then as one {@code bench-baseline key=value ...} line. */
  static void print(PrintStream out, Options options, Outcome outcome) {
    out.printf(Locale.ROOT, "%nMLlib MinHashLSH baseline: %d hash tables, char %d-grams, HashingTF %d, Jaccard"
        + " distance < %s%n", options.hashTables(), options.q(), options.numFeatures(), options.maxDistance());
    out.printf(Locale.ROOT, "  records %,d (with text %s)%n", outcome.records(), outcome.recordsWithText() < 0
        ? "not counted before the cap" : String.format(Locale.ROOT, "%,d", outcome.recordsWithText()));
    StringBuilder line = new StringBuilder("bench-baseline");
    if (outcome.status() == Status.FINISHED) {
      BlockingMetrics b = outcome.blocking();
      out.printf(Locale.ROOT, "  finished in %.1f s: %,d pairs, recall %.4f (%,d of %,d true pairs), pairs quality"
          + " %.4f%n", outcome.seconds(), b.candidatePairs(), b.pairCompleteness(), b.trueMatchPairs(),
          b.truePairs(), b.pairsQuality());
      line.append(String.format(Locale.ROOT, " status=finished seconds=%.1f pairs=%d true_pairs=%d found=%d"
          + " recall=%.4f pairs_quality=%.4f", outcome.seconds(), b.candidatePairs(), b.truePairs(),
          b.trueMatchPairs(), b.pairCompleteness(), b.pairsQuality()));
    } else {
      out.printf(Locale.ROOT, "  did not finish in %d s (cancelled after %.1f s)%n", options.capSeconds(),
          outcome.seconds());
      line.append(String.format(Locale.ROOT, " status=did_not_finish cap_seconds=%d seconds=%.1f",
          options.capSeconds(), outcome.seconds()));
    }
    line.append(String.format(Locale.ROOT, " records=%d records_with_text=%d", outcome.records(),
        outcome.recordsWithText()));
    out.println(line);
    out.flush();
  }

  /** Command line of the baseline; see {@code scripts/bench-identity}. */
  @Command(name = "minhash-baseline", mixinStandardHelpOptions = true,
      description = "Benchmark baseline (not part of the pipeline): MLlib MinHashLSH approxSimilarityJoin over"
          + " silver/identities, with pair recall against the generator's truth.")
  static final class Cli implements Callable<Integer> {

    @Option(names = "--lakehouse", required = true, paramLabel = "DIR", description = "Lakehouse root.")
    String lakehouse;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "The generator's output folder.")
    String truth;

    @Option(names = "--max-distance", defaultValue = "0.6", paramLabel = "D",
        description = "Jaccard distance threshold of the join (default: ${DEFAULT-VALUE}).")
    double maxDistance;

    @Option(names = "--hash-tables", defaultValue = "5", paramLabel = "N",
        description = "MinHashLSH hash tables (default: ${DEFAULT-VALUE}).")
    int hashTables;

    @Option(names = "--q", defaultValue = "3", paramLabel = "Q",
        description = "Character q-gram length (default: ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--num-features", defaultValue = "262144", paramLabel = "N",
        description = "HashingTF dimension (default: ${DEFAULT-VALUE}, MLlib's default).")
    int numFeatures;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
        description = "MinHashLSH seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cap-seconds", defaultValue = "1200", paramLabel = "S",
        description = "Cancel the join after this many seconds (default: ${DEFAULT-VALUE}).")
    long capSeconds;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL",
        description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() {
      Options options = new Options(lakehouse, truth, maxDistance, hashTables, q, numFeatures, seed, capSeconds);
      SparkSession spark = SparkSessions.builder("cdi bench minhash-baseline", master)
          .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions",
              String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()))))
          .config("spark.ui.showConsoleProgress", "false")
          .getOrCreate();
      try {
        print(System.out, options, run(spark, options));
      } finally {
        spark.stop();
      }
      return 0;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Cli()).execute(args));
  }
}
