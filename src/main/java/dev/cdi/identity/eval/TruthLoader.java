package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;

import dev.cdi.identity.eval.EvalColumns.GeneratorTruth;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.io.DeltaIO;
import dev.cdi.spark.SchemaChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads labelled truth as {@link Truth} columns: {@code record_key} = {@code <source>:<source record id>} and
 * {@code entity_id}. Column names and values are trimmed (Febrl writes {@code "rec_id, given_name"}). Rows with a
 * blank record id or a blank (or, with a regex, unmatched) entity are left out; they then appear in an evaluation
 * as keys only in the prediction. Reading is lazy apart from listing files; no shuffle.
 */
public final class TruthLoader {

  static final String IDENTITIES_FOLDER = "_truth/identities";
  private static final String PART_FILES = "part-*.csv";
  private static final String VALID_KEY = "_valid_key";

  private TruthLoader() {
  }

  /**
   * The generator's identity truth: the {@code part-*.csv} files under {@code <dir>/_truth/identities/}, where
   * {@code dir} is the generator's output folder or that identities folder itself.
   */
  public static Dataset<Row> generatorTruth(SparkSession spark, String dir) {
    Path folder = generatorFolder(spark, dir);
    Dataset<Row> raw = trimmedNames(spark.read().option("header", "true").option("inferSchema", "false")
        .csv(new Path(folder, PART_FILES).toString()));
    SchemaChecks.requireColumns(raw, "generator truth " + folder, GeneratorTruth.SOURCE,
        GeneratorTruth.SOURCE_RECORD_ID, GeneratorTruth.PERSON_ID);
    Column source = trim(col(GeneratorTruth.SOURCE));
    Column recordId = trim(col(GeneratorTruth.SOURCE_RECORD_ID));
    return keyed(raw, concat(source, lit(":"), recordId), trim(col(GeneratorTruth.PERSON_ID)),
        nonBlank(source).and(nonBlank(recordId)));
  }

  /** A labelled table read as {@code spec} says. */
  public static Dataset<Row> labelled(SparkSession spark, LabelledTruthSpec spec) {
    requireExists(spark, new Path(spec.path()), spec.path());
    Dataset<Row> raw = trimmedNames(read(spark, spec));
    String what = "truth table " + spec.path();
    SchemaChecks.requireColumns(raw, what, spec.recordIdColumn());
    Column recordId = trim(col(spec.recordIdColumn()).cast("string"));
    Column entity = entity(raw, what, spec.entity(), recordId);
    return keyed(raw, concat(lit(spec.source() + ":"), recordId), entity, nonBlank(recordId));
  }

  private static Column entity(Dataset<Row> raw, String what, EntityRule rule, Column recordId) {
    if (rule instanceof EntityRule.FromColumn c) {
      SchemaChecks.requireColumns(raw, what, c.column());
      return trim(col(c.column()).cast("string"));
    }
    return regexp_extract(recordId, ((EntityRule.FromRecordId) rule).regex(), 1);
  }

  private static Dataset<Row> read(SparkSession spark, LabelledTruthSpec spec) {
    return switch (spec.format()) {
      case CSV -> spark.read().option("header", "true").option("inferSchema", "false").csv(spec.path());
      case PARQUET -> spark.read().parquet(spec.path());
      case DELTA -> DeltaIO.read(spark, spec.path());
    };
  }

  private static Dataset<Row> keyed(Dataset<Row> raw, Column recordKey, Column entity, Column validKey) {
    return raw.select(recordKey.as(Truth.RECORD_KEY), entity.as(Truth.ENTITY_ID), validKey.as(VALID_KEY))
        .where(col(VALID_KEY).and(nonBlank(col(Truth.ENTITY_ID))))
        .select(Truth.RECORD_KEY, Truth.ENTITY_ID);
  }

  private static Column nonBlank(Column c) {
    return c.isNotNull().and(c.notEqual(""));
  }

  private static Dataset<Row> trimmedNames(Dataset<Row> raw) {
    String[] names = Arrays.stream(raw.columns()).map(String::strip).toArray(String[]::new);
    return raw.toDF(names);
  }

  private static Path generatorFolder(SparkSession spark, String dir) {
    Path root = new Path(dir);
    requireExists(spark, root, dir);
    Path nested = new Path(root, IDENTITIES_FOLDER);
    for (Path candidate : new Path[] {nested, root}) {
      if (hasPartFiles(spark, candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no generator truth under " + dir + ": expected " + PART_FILES + " files in "
        + nested + " (or give that folder itself)");
  }

  private static boolean hasPartFiles(SparkSession spark, Path folder) {
    try {
      FileStatus[] parts = fileSystem(spark, folder).globStatus(new Path(folder, PART_FILES));
      return parts != null && parts.length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static void requireExists(SparkSession spark, Path path, String given) {
    try {
      if (!fileSystem(spark, path).exists(path)) {
        throw new IllegalArgumentException("truth path " + given + " does not exist");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check truth path " + given, e);
    }
  }

  private static FileSystem fileSystem(SparkSession spark, Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
