package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.block.LshColumns.Pairs;
import dev.cdi.testing.SharedData;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures LSH blocking on Febrl dataset3 (5,000 records, 6,538 true pairs): pair completeness, reduction ratio,
 * candidates and wall time for a few settings, then MLlib's signature cost and approxSimilarityJoin (time-capped)
 * for comparison. Skipped when the file is absent; prints figures and asserts only the data's shape.
 */
class FebrlLshMeasurementTest {

  private static final Path FILE = SharedData.febrl("dataset3.csv");
  private static final String[] FIELDS = {"given_name", "surname", "street_number", "address_1", "address_2",
      "suburb", "postcode", "date_of_birth"};
  private static final Pattern ENTITY = Pattern.compile("^rec-(\\d+)-");
  private static final long JOIN_CAP_SECONDS = 120;
  private static final int JOIN_HASH_TABLES = 5;

  private final SparkSession spark = SharedSpark.session();

  /** The records and the true pairs (entity shared). */
  private record Febrl(Dataset<Row> records, List<String[]> values, Set<Long> truePairs, long recordCount) {
  }

  @Test
  void measureBlockingOnFebrlDataset3() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(FILE), "Febrl dataset3 not present at " + FILE);
    Febrl febrl = load();
    assertEquals(5000, febrl.recordCount());
    assertEquals(6538, febrl.truePairs().size());
    febrl.records().cache();
    try {
      febrl.records().count();
      blockAndReport(febrl, "compact", settings(10, 6, 20, 3));
      blockAndReport(febrl, "wide", settings(25, 8, 50, 4));
      compareSignatureCost(febrl);
      approxSimilarityJoin(febrl);
    } finally {
      febrl.records().unpersist();
    }
  }

  private static LshSettings settings(int nameBands, int nameRows, int addressBands, int addressRows) {
    BlockingView name = new BlockingView("name", List.of(Shingler.qgrams("given_name", 3).as("name"),
        Shingler.qgrams("surname", 3).as("name")), nameBands, nameRows, 200);
    BlockingView address = new BlockingView("address", addressShinglers(), addressBands, addressRows, 200);
    BlockingView dob = new BlockingView("dob", List.of(Shingler.value("date_of_birth")), 1, 1, 200);
    return LshSettings.of(20240601L, name, address, dob);
  }

  private static List<Shingler> addressShinglers() {
    return List.of(Shingler.value("street_number"), Shingler.qgrams("address_1", 3).as("street"),
        Shingler.qgrams("address_2", 3).as("street"), Shingler.qgrams("suburb", 3), Shingler.value("postcode"));
  }

  private void blockAndReport(Febrl febrl, String label, LshSettings settings) {
    long start = System.nanoTime();
    LshBlockingResult result = LshBlocker.block(febrl.records(), settings);
    result.buckets().persist();
    try {
      List<Row> pairs = result.pairs().collectAsList();
      double seconds = (System.nanoTime() - start) / 1e9;
      long found = pairs.stream().filter(p -> febrl.truePairs().contains(key(p.getLong(0), p.getLong(1)))).count();
      double all = febrl.recordCount() * (febrl.recordCount() - 1) / 2.0;
      System.out.printf(Locale.ROOT, "LSH %s %s: candidates %d, true pairs found %d, PC %.4f, RR %.5f, %.1f s%n",
          label, describe(settings), pairs.size(), found, (double) found / febrl.truePairs().size(),
          1 - pairs.size() / all, seconds);
      result.outcomeSummary().collectAsList().forEach(r -> System.out.println("  buckets " + r));
      assertTrue(pairs.stream().allMatch(p -> p.getLong(0) < p.getLong(1)));
    } finally {
      result.buckets().unpersist();
    }
  }

  private static String describe(LshSettings settings) {
    return settings.views().stream().map(v -> v.name() + "(" + v.bands() + "x" + v.rows() + ")").toList().toString();
  }

  /** Signature cost on 10 copies of the address shingles: our MinHash vs HashingTF + MLlib MinHashLSH. */
  private void compareSignatureCost(Febrl febrl) {
    int copies = 10;
    BlockingView view = new BlockingView("address", addressShinglers(), 20, 3, 200);
    LshSettings settings = LshSettings.of(1L, view);
    List<Row> rows = new ArrayList<>();
    ViewBander bander = new ViewBander(view, 1L, 0);
    for (int c = 0; c < copies; c++) {
      for (String[] v : febrl.values()) {
        String[] columns = {v[2], v[3], v[4], v[5], v[6]};
        List<String> shingles = bander.shingles(columns);
        if (!shingles.isEmpty()) {
          rows.add(RowFactory.create((long) rows.size(), columns[0], columns[1], columns[2], columns[3], columns[4],
              shingles));
        }
      }
    }
    StructType schema = new StructType().add("node_id", DataTypes.LongType).add("street_number", DataTypes.StringType)
        .add("address_1", DataTypes.StringType).add("address_2", DataTypes.StringType)
        .add("suburb", DataTypes.StringType).add("postcode", DataTypes.StringType)
        .add("shingles", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> data = spark.createDataFrame(rows, schema).repartition(2).cache();
    try {
      data.count();
      List<String> columns = LshBlocker.attributeColumns(settings);
      double ours = timeNoop(() -> data.select("node_id", columns.toArray(String[]::new))
          .flatMap(new BandKeyExploder(settings, columns), org.apache.spark.sql.Encoders.row(
              LshColumns.BandKeys.SCHEMA)));
      Dataset<Row> features = new HashingTF().setInputCol("shingles").setOutputCol("features")
          .setNumFeatures(1 << 22).transform(data);
      MinHashLSHModel model = new MinHashLSH().setNumHashTables(view.bands() * view.rows()).setSeed(1L)
          .setInputCol("features").setOutputCol("hashes").fit(features);
      double mllib = timeNoop(() -> model.transform(features).select("node_id", "hashes"));
      System.out.printf(Locale.ROOT, "Signatures of %d records x %d hashes: ours (shingle+MinHash+band keys) %.1f s,"
          + " MLlib (HashingTF+MinHashLSH.transform) %.1f s%n", rows.size(), view.bands() * view.rows(), ours, mllib);
    } finally {
      data.unpersist();
    }
  }

  private static double timeNoop(java.util.function.Supplier<Dataset<Row>> plan) {
    plan.get().write().format("noop").mode("overwrite").save();
    long start = System.nanoTime();
    plan.get().write().format("noop").mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }

  /** MLlib's approxSimilarityJoin on the address shingles, 5 tables, Jaccard distance < 0.6, capped. */
  private void approxSimilarityJoin(Febrl febrl) throws Exception {
    ViewBander bander = new ViewBander(new BlockingView("address", addressShinglers(), 1, 1, 2), 1L, 0);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < febrl.values().size(); i++) {
      String[] v = febrl.values().get(i);
      List<String> shingles = bander.shingles(new String[] {v[2], v[3], v[4], v[5], v[6]});
      if (!shingles.isEmpty()) {
        rows.add(RowFactory.create((long) i, shingles));
      }
    }
    Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("node_id", DataTypes.LongType)
        .add("shingles", DataTypes.createArrayType(DataTypes.StringType)));
    Dataset<Row> features = new HashingTF().setInputCol("shingles").setOutputCol("features")
        .setNumFeatures(1 << 22).transform(data);
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(JOIN_HASH_TABLES).setSeed(1L).setInputCol("features")
        .setOutputCol("hashes").fit(features);
    String group = "lsh-measure-approx-join";
    ExecutorService executor = Executors.newSingleThreadExecutor();
    long start = System.nanoTime();
    try {
      Future<List<Row>> join = executor.submit(() -> {
        spark.sparkContext().setJobGroup(group, "approxSimilarityJoin measurement", true);
        return model.approxSimilarityJoin(features, features, 0.6, "distance")
            .where("datasetA.node_id < datasetB.node_id").select("datasetA.node_id", "datasetB.node_id")
            .collectAsList();
      });
      List<Row> pairs = join.get(JOIN_CAP_SECONDS, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      long found = pairs.stream().filter(p -> febrl.truePairs().contains(key(p.getLong(0), p.getLong(1)))).count();
      System.out.printf(Locale.ROOT, "MLlib approxSimilarityJoin (5 tables, distance < 0.6, address shingles): "
          + "%d pairs, true pairs found %d, PC %.4f, %.1f s%n", pairs.size(), found,
          (double) found / febrl.truePairs().size(), seconds);
    } catch (TimeoutException e) {
      spark.sparkContext().cancelJobGroup(group);
      System.out.printf(Locale.ROOT, "MLlib approxSimilarityJoin did not finish in %d s (cancelled)%n",
          JOIN_CAP_SECONDS);
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static long key(long a, long b) {
    return Math.min(a, b) * 1_000_000L + Math.max(a, b);
  }

  private Febrl load() throws IOException {
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
    int[] at = Arrays.stream(FIELDS).mapToInt(header::indexOf).toArray();
    assertTrue(Arrays.stream(at).allMatch(i -> i > 0), "header " + header);
    List<Row> rows = new ArrayList<>();
    List<String[]> values = new ArrayList<>();
    Map<String, List<Long>> byEntity = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", -1);
      long id = i - 1;
      String[] v = new String[FIELDS.length];
      for (int f = 0; f < FIELDS.length; f++) {
        String value = fields[at[f]].strip().toLowerCase(Locale.ROOT);
        v[f] = value.isEmpty() ? null : value;
      }
      values.add(v);
      Object[] row = new Object[FIELDS.length + 1];
      row[0] = id;
      System.arraycopy(v, 0, row, 1, FIELDS.length);
      rows.add(RowFactory.create(row));
      Matcher m = ENTITY.matcher(fields[0].strip());
      assertTrue(m.find(), fields[0]);
      byEntity.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(id);
    }
    Set<Long> truePairs = new HashSet<>();
    for (List<Long> ids : byEntity.values()) {
      for (int a = 0; a < ids.size(); a++) {
        for (int b = a + 1; b < ids.size(); b++) {
          truePairs.add(key(ids.get(a), ids.get(b)));
        }
      }
    }
    StructType schema = new StructType().add("node_id", DataTypes.LongType);
    for (String field : FIELDS) {
      schema = schema.add(field, DataTypes.StringType);
    }
    return new Febrl(spark.createDataFrame(rows, schema), values, truePairs, rows.size());
  }
}
