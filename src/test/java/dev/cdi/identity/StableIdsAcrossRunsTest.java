package dev.cdi.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.cli.CdiCommand;
import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.identity.eval.IdStability;
import dev.cdi.identity.eval.TruthLoader;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.PipelineRunner;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer ids across runs of the real jobs on one lakehouse, with the shipped configuration restricted to the six
 * sources that hold identity records:
 * <ol>
 *   <li>{@code r1}: generate 320 customers (20 partitions of 16, no malformed rows), and ingest, standardize and
 *       resolve them;</li>
 *   <li>{@code r2}: resolve again with nothing new;</li>
 *   <li>{@code r3}: generate 336 customers with the same seed and partition size, which writes the same 20
 *       partitions byte for byte plus one more of 16 new people (5%), put the new part files next to the old
 *       ones, and run the pipeline again (only the new files are ingested);</li>
 *   <li>{@code r4}: edit the map as if an earlier run had put one record of a customer under another id and given
 *       a second customer's records the first one's id, then resolve again: the clustering is the same, so the
 *       stray id must be retired as merged and the second customer split off under a new id, both in the id
 *       history;</li>
 *   <li>then put the map back as r4 found it, which is the state a crash of r4 after writing the id history and
 *       before writing the map leaves, and run r4 again: the same map and the same history, nothing twice.</li>
 * </ol>
 * Every run happens once, in {@link #runTheJobsFourTimes()}; the tests check what each left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StableIdsAcrossRunsTest {

  private static final Logger LOG = LoggerFactory.getLogger(StableIdsAcrossRunsTest.class);
  private static final int CUSTOMERS = 320;
  private static final int PER_PARTITION = 16;
  private static final int ADDED = PER_PARTITION;
  private static final String SEED = "7";
  /**
   * Floor for the share of the original persons all of whose records keep their customer id after 5% new people
   * arrive. The goal at scale is 0.999, but here one person is a third of a percent of the sample (308 of the 320
   * people have identity records), and the new records do change the inputs of the unsupervised model (u from
   * random pairs over all records, EM, hub counts), so a pair near the match threshold can flip; this sample
   * measures 307 of 308. The floor allows 3 of 308 to move (0.9903): a regression that re-derives ids (a changed
   * id formula, lost inheritance) moves nearly everyone and fails it by far.
   */
  private static final double KEPT_FLOOR = 0.99;

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  static Path dir;
  private Path smallRun;
  private Path largeRun;
  private Lakehouse lakehouse;

  private long mapVersionAfterR1;
  private long mapVersionAfterR2;
  private long mapVersionAfterR3;
  private Map<String, String> mapAfterR1;
  private Map<String, String> mapAfterR2;
  private Map<String, String> mapAfterR3;
  private Set<String> runIdsAfterR2;
  private long historyAfterR1;
  private long historyAfterR2;
  private List<String> differingCommonFiles;
  private List<String> addedFiles;
  private String idStabilityOutput;
  private Tampering tampered;
  private Map<String, String> mapAfterR4;
  private List<String> historyOfR4;
  private Map<String, String> mapAfterR4Replay;
  private List<String> historyOfR4Replay;

  @BeforeAll
  void runTheJobsFourTimes() throws IOException {
    long start = System.nanoTime();
    Path input = dir.resolve("input");
    smallRun = dir.resolve("gen-small");
    largeRun = dir.resolve("gen-large");
    lakehouse = new Lakehouse(dir.resolve("lake").toString());
    PipelineConfig config = identitySourcesOnly(ConfigLoader.load(Path.of("conf/pipeline.yaml")))
        .withInputRoot(input.toString()).withLakehouse(lakehouse.root());
    generate(CUSTOMERS, smallRun);
    copyConcatenated(smallRun, input, config.sources().keySet());
    new PipelineRunner(spark, config, run("r1")).run();
    mapVersionAfterR1 = mapVersion();
    mapAfterR1 = customerIds();
    historyAfterR1 = history().count();
    DeltaIO.overwrite(DeltaIO.readVersion(spark, mapPath(), mapVersionAfterR1), dir.resolve("map-r1").toString());
    LOG.info("r1 done after {}s", seconds(start));

    new ResolveJob(spark, config, run("r2")).run();
    mapVersionAfterR2 = mapVersion();
    mapAfterR2 = customerIds();
    runIdsAfterR2 = DeltaIO.read(spark, mapPath()).select(IdentityMap.RUN_ID).distinct().collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());
    historyAfterR2 = history().count();
    LOG.info("r2 done after {}s", seconds(start));

    generate(CUSTOMERS + ADDED, largeRun);
    Set<String> smallFiles = new TreeSet<>(relativeFiles(smallRun));
    differingCommonFiles = new ArrayList<>();
    addedFiles = new ArrayList<>();
    for (String file : relativeFiles(largeRun)) {
      if (!smallFiles.contains(file)) {
        addedFiles.add(file);
      } else if (Files.mismatch(smallRun.resolve(file), largeRun.resolve(file)) != -1) {
        differingCommonFiles.add(file);
      }
    }
    for (String file : addedFiles) {
      Files.createDirectories(input.resolve(file).getParent());
      Files.copy(largeRun.resolve(file), input.resolve(file));
    }
    new PipelineRunner(spark, config, run("r3")).run();
    mapVersionAfterR3 = mapVersion();
    mapAfterR3 = customerIds();
    idStabilityOutput = cliOutput("id-stability", "--lakehouse", lakehouse.root(), "--truth", smallRun.toString(),
        "--before", dir.resolve("map-r1").toString(), "--history-run", "r3");
    LOG.info("r3 done after {}s", seconds(start));

    tampered = tamperWithTheMap();
    long tamperedMapVersion = mapVersion();
    new ResolveJob(spark, config, run("r4")).run();
    mapAfterR4 = customerIds();
    historyOfR4 = historyOf("r4");
    LOG.info("r4 done after {}s", seconds(start));

    DeltaTable.forPath(spark, mapPath()).restoreToVersion(tamperedMapVersion);
    new ResolveJob(spark, config, run("r4")).run();
    mapAfterR4Replay = customerIds();
    historyOfR4Replay = historyOf("r4");
    LOG.info("r4 replayed after {}s", seconds(start));
  }

  private List<String> historyOf(String runId) {
    return history().where(col(IdHistory.RUN_ID).equalTo(runId)).collectAsList().stream()
        .map(r -> r.getAs(IdHistory.OLD_ID) + " -> " + r.getAs(IdHistory.NEW_ID) + " " + r.getAs(IdHistory.REASON)
            + " " + r.getAs(IdHistory.RECORDS))
        .sorted().toList();
  }

  /** What r4 starts from: the edited records and ids. */
  private record Tampering(String stray, String strayRecord, String kept, Set<String> splitRecords) {
  }

  /**
   * Gives one record of a customer with at least 3 records (the id {@code kept}) a stray id, and the records of a
   * one-record customer the id {@code kept} too; r4's clustering is r3's, so what it must do is known exactly.
   */
  private Tampering tamperWithTheMap() {
    Map<String, Set<String>> clusters = clusters(mapAfterR3);
    String kept = clusters.keySet().stream().filter(id -> clusters.get(id).size() >= 3).sorted().findFirst()
        .orElseThrow();
    String single = clusters.keySet().stream().filter(id -> clusters.get(id).size() == 1).sorted().findFirst()
        .orElseThrow();
    String strayRecord = new TreeSet<>(clusters.get(kept)).last();
    String stray = "C-stray-id";
    DeltaTable map = DeltaTable.forPath(spark, mapPath());
    map.update(col(IdentityMap.RECORD_KEY).equalTo(strayRecord), Map.of(IdentityMap.CUSTOMER_ID, lit(stray)));
    map.update(col(IdentityMap.CUSTOMER_ID).equalTo(single), Map.of(IdentityMap.CUSTOMER_ID, lit(kept)));
    return new Tampering(stray, strayRecord, kept, clusters.get(single));
  }

  @Test
  void aRerunOnUnchangedSilverChangesNothing() {
    assertEquals(mapAfterR1, mapAfterR2, "every record keeps its customer id");
    assertEquals(Set.of("r1"), runIdsAfterR2, "no map row was rewritten by r2");
    assertEquals(mapVersionAfterR1 + 1, mapVersionAfterR2, "r2's MERGE commits one version...");
    assertEquals(0, changes(mapVersionAfterR1, mapVersionAfterR2).count(), "...that changes no row");
    assertEquals(0, historyAfterR1, "a first run has no history");
    assertEquals(0, historyAfterR2, "a rerun adds none");
  }

  @Test
  void theLargerSampleOnlyAddsOnePartitionOfFiles() {
    assertEquals(List.of(), differingCommonFiles, "files of the smaller run are byte-identical in the larger one");
    assertEquals(14, addedFiles.size(), "one more part file per source (10) and per truth table (4): " + addedFiles);
    assertTrue(addedFiles.stream().allMatch(f -> f.endsWith("part-00020.csv") || f.endsWith("part-00020.jsonl")),
        addedFiles.toString());
  }

  @Test
  void everyOriginalRecordStaysInTheMapAndTheNewPersonsRecordsAreAdded() {
    Map<String, String> smallTruth = truth(smallRun);
    Map<String, String> largeTruth = truth(largeRun);
    assertEquals(smallTruth, largeTruth.entrySet().stream().filter(e -> smallTruth.containsKey(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "the larger run repeats every record");
    Set<String> newRecords = new TreeSet<>(largeTruth.keySet());
    newRecords.removeAll(smallTruth.keySet());
    Set<String> oldPersons = new HashSet<>(smallTruth.values());
    Set<String> newPersons = newRecords.stream().map(largeTruth::get).collect(Collectors.toSet());
    assertTrue(newPersons.stream().noneMatch(oldPersons::contains), "new records belong to new persons only");
    assertTrue(newPersons.size() > ADDED / 2 && newPersons.size() <= ADDED, "persons with identity records among"
        + " the " + ADDED + " new people: " + newPersons.size());
    assertEquals(smallTruth.keySet(), mapAfterR1.keySet(), "r1 resolved exactly the records of the smaller sample");
    Set<String> expected = new TreeSet<>(smallTruth.keySet());
    expected.addAll(newRecords);
    assertEquals(expected, mapAfterR3.keySet(), "r3 holds the original records and the new persons' records");

    Map<String, Long> changeTypes = new TreeMap<>();
    changes(mapVersionAfterR2, mapVersionAfterR3).groupBy("_change_type").count().collectAsList()
        .forEach(r -> changeTypes.put(r.getString(0), r.getLong(1)));
    long moved = mapAfterR1.keySet().stream().filter(k -> !mapAfterR1.get(k).equals(mapAfterR3.get(k))).count();
    Map<String, Long> expectedChanges = new TreeMap<>();
    expectedChanges.put("insert", (long) newRecords.size());
    if (moved > 0) {
      expectedChanges.put("update_preimage", moved);
      expectedChanges.put("update_postimage", moved);
    }
    assertEquals(expectedChanges, changeTypes, "the change data feed holds the inserts and the moved records only");
  }

  @Test
  void mostOriginalPersonsKeepTheirIdAfterFivePercentNewPeople() {
    IdStability.Result result = IdStability.measure(TruthLoader.generatorTruth(spark, smallRun.toString()),
        DeltaIO.read(spark, dir.resolve("map-r1").toString()), DeltaIO.readVersion(spark, mapPath(),
            mapVersionAfterR3));
    LOG.info("id stability after {} new people: {} of {} persons kept their id ({}), {} of {} records moved",
        ADDED, result.personsKept(), result.persons(), result.keptShare(), result.recordsMoved(), result.records());
    assertEquals(new HashSet<>(truth(smallRun).values()).size(), result.persons(),
        "every original person with an identity record is followed");
    assertEquals(mapAfterR1.size(), result.records());
    assertEquals(0, result.recordsMissing());
    long moved = mapAfterR1.keySet().stream().filter(k -> !mapAfterR1.get(k).equals(mapAfterR3.get(k))).count();
    assertEquals(moved, result.recordsMoved());
    assertTrue(result.keptShare() >= KEPT_FLOOR, "kept share " + result.keptShare() + " under " + KEPT_FLOOR);
    assertTrue(idStabilityOutput.contains(String.format("persons keeping their id  %,d (%.3f%%)",
        result.personsKept(), 100 * result.keptShare())), idStabilityOutput);
  }

  @Test
  void noIdIsReusedForAnotherClusterAndEveryRetiredIdIsInTheHistory() {
    Map<String, Set<String>> before = clusters(mapAfterR1);
    Map<String, Set<String>> after = clusters(mapAfterR3);
    for (String id : after.keySet()) {
      if (!before.containsKey(id)) {
        continue;
      }
      Set<String> oldRecords = before.get(id);
      long kept = overlap(oldRecords, after.get(id));
      assertTrue(kept > 0, id + " labels a cluster that shares no record with its old cluster");
      for (Map.Entry<String, Set<String>> other : after.entrySet()) {
        assertTrue(overlap(oldRecords, other.getValue()) <= kept, id + " went to a cluster that holds fewer of its"
            + " records than " + other.getKey());
      }
    }
    Set<String> retired = new TreeSet<>(before.keySet());
    retired.removeAll(after.keySet());
    List<Row> history = history().where(col(IdHistory.RUN_ID).equalTo("r3")).collectAsList();
    Set<String> merged = new TreeSet<>();
    for (Row row : history) {
      String oldId = row.getAs(IdHistory.OLD_ID);
      String newId = row.getAs(IdHistory.NEW_ID);
      assertTrue(before.containsKey(oldId) && after.containsKey(newId), row.toString());
      if ("merged".equals(row.getAs(IdHistory.REASON))) {
        merged.add(oldId);
      } else {
        assertEquals("split", row.getAs(IdHistory.REASON));
        assertFalse(before.containsKey(newId), "a split-off part gets a new id: " + row);
      }
    }
    assertEquals(retired, merged, "an id leaves the map exactly when it is merged into another");
  }

  @Test
  void aStrayIdIsRetiredAsMergedAndASecondClusterUnderOneIdIsSplitOffUnderANewIdWithHistory() {
    String splitFirstKey = new TreeSet<>(tampered.splitRecords()).first();
    String splitId = newId(splitFirstKey, "r4");
    Map<String, String> expected = new HashMap<>(mapAfterR3);
    tampered.splitRecords().forEach(key -> expected.put(key, splitId));
    assertEquals(expected, mapAfterR4, "the stray record " + tampered.strayRecord() + " is back under "
        + tampered.kept() + "; the other customer has a new id");
    assertEquals(List.of(tampered.stray() + " -> " + tampered.kept() + " merged 1",
        tampered.kept() + " -> " + splitId + " split " + tampered.splitRecords().size()), historyOfR4);
  }

  @Test
  void rerunningR4AfterACrashBetweenItsHistoryAndItsMapGivesTheSameMapAndNoDuplicateHistory() {
    assertEquals(mapAfterR4, mapAfterR4Replay);
    assertEquals(historyOfR4, historyOfR4Replay);
    assertEquals(2, historyOfR4Replay.size());
  }

  /** A new customer id as {@code StableIds} derives it: C + 16 hex digits of SHA-256("first key|run id"). */
  private static String newId(String firstKey, String runId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((firstKey + "|" + runId)
          .getBytes(StandardCharsets.UTF_8));
      return "C" + HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void generate(int customers, Path out) {
    cli("generate", "--customers", String.valueOf(customers), "--seed", SEED, "--out", out.toString(),
        "--persons-per-partition", String.valueOf(PER_PARTITION), "--bad-row-rate", "0");
  }

  private RunContext run(String runId) {
    return new RunContext(runId, Instant.now(), lakehouse);
  }

  /**
   * The configuration without the sources that hold only events, which identity resolution does not read (the
   * identity records and so the customer ids are the same; ingest and standardize have less to do).
   */
  private static PipelineConfig identitySourcesOnly(PipelineConfig config) {
    Map<String, SourceConfig> sources = new LinkedHashMap<>();
    config.sources().forEach((name, source) -> {
      if (source.silverMapping().flatMap(SilverMapping::identityMapping).isPresent()) {
        sources.put(name, source);
      }
    });
    assertEquals(List.of("crm_contacts", "ecom_accounts", "email_subscribers", "support_tickets", "pos_loyalty",
        "app_events"), List.copyOf(sources.keySet()));
    return new PipelineConfig(config.lakehouse(), config.inputRoot(), config.ingest(), config.lock(), sources,
        config.expectations(), config.identity(), null, config.s3(), config.origin());
  }

  private static void cli(String... args) {
    assertEquals(0, CdiCommand.execute(args), String.join(" ", args));
  }

  /** Runs a command and returns what it printed. */
  private String cliOutput(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      cli(args);
    } finally {
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private String mapPath() {
    return lakehouse.path(Tables.IDENTITY_MAP);
  }

  private long mapVersion() {
    return DeltaIO.latestVersion(spark, mapPath());
  }

  private Map<String, String> customerIds() {
    Map<String, String> out = new HashMap<>();
    DeltaIO.read(spark, mapPath()).select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID).collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  private Dataset<Row> history() {
    return DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_ID_HISTORY));
  }

  /** The identity map's change data feed over versions (from, to]. */
  private Dataset<Row> changes(long from, long to) {
    return spark.read().format("delta").option("readChangeFeed", "true").option("startingVersion", from + 1)
        .option("endingVersion", to).load(mapPath());
  }

  /** The generator's identity truth: record key to person. */
  private Map<String, String> truth(Path run) {
    Map<String, String> out = new HashMap<>();
    TruthLoader.generatorTruth(spark, run.toString()).collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  private static Map<String, Set<String>> clusters(Map<String, String> map) {
    Map<String, Set<String>> out = new HashMap<>();
    map.forEach((key, id) -> out.computeIfAbsent(id, i -> new HashSet<>()).add(key));
    return out;
  }

  private static long overlap(Set<String> a, Set<String> b) {
    return a.stream().filter(b::contains).count();
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString())
          .filter(f -> !f.startsWith(".") && !f.contains("/.")).sorted().toList();
    }
  }

  /**
   * Copies each source's part files of a generator run into one file per source, {@code parts-first-last.<ext>}
   * (CSV headers after the first dropped): the same records with a tenth of the files, as ingestion works per
   * file. Safe because the sample has no malformed rows, so no file ends inside an unterminated quote.
   */
  private static void copyConcatenated(Path run, Path input, Set<String> sources) throws IOException {
    for (String source : sources) {
      List<String> parts = relativeFiles(run.resolve(source));
      String first = parts.get(0);
      String last = parts.get(parts.size() - 1);
      String extension = first.substring(first.lastIndexOf('.'));
      String name = "parts-" + first.substring("part-".length(), first.lastIndexOf('.')) + "-"
          + last.substring("part-".length(), last.lastIndexOf('.')) + extension;
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (String part : parts) {
        byte[] bytes = Files.readAllBytes(run.resolve(source).resolve(part));
        int from = ".csv".equals(extension) && joined.size() > 0 ? indexAfterFirstLine(bytes) : 0;
        joined.write(bytes, from, bytes.length - from);
        if (bytes.length > from && bytes[bytes.length - 1] != '\n') {
          joined.write('\n');
        }
      }
      Files.createDirectories(input.resolve(source));
      Files.write(input.resolve(source).resolve(name), joined.toByteArray());
    }
  }

  private static int indexAfterFirstLine(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }

  private static String seconds(long start) {
    return String.format("%.1f", (System.nanoTime() - start) / 1e9);
  }
}
