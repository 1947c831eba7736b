package dev.cdi.identity.block;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.block.LshColumns.Pairs;
import dev.cdi.testing.SharedData;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Throughput at scale, run on demand only ({@code -Dlsh.scaleRecords=1000000}): synthetic people, five noisy
 * records each, drawn from Febrl dataset3's vocabularies (names, streets, suburbs, postcodes) with seeded typos,
 * swaps and gaps. Prints the figures; no timed assertion.
 */
class LshScaleMeasurementTest {

  private static final Path FILE = SharedData.febrl("dataset3.csv");
  private static final int RECORDS_PER_ENTITY = 5;
  private static final StructType SCHEMA = new StructType()
      .add("node_id", DataTypes.LongType)
      .add("given_name", DataTypes.StringType)
      .add("surname", DataTypes.StringType)
      .add("street_number", DataTypes.StringType)
      .add("address_1", DataTypes.StringType)
      .add("suburb", DataTypes.StringType)
      .add("postcode", DataTypes.StringType)
      .add("date_of_birth", DataTypes.DateType);

  private final SparkSession spark = SharedSpark.session();

  @Test
  void measureThroughputOnSyntheticRecords() throws IOException {
    String size = System.getProperty("lsh.scaleRecords");
    Assumptions.assumeTrue(size != null && Files.isReadable(FILE), "set -Dlsh.scaleRecords and provide " + FILE);
    long n = Long.parseLong(size);
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", System.getProperty("lsh.scalePartitions", "16"));
    Dataset<Row> records = spark.range(n).map(new SyntheticPerson(vocabulary(), 99L), Encoders.row(SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      records.count();
      run(records, n);
    } finally {
      records.unpersist();
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
  }

  private void run(Dataset<Row> records, long n) {
    BlockingView name = new BlockingView("name", List.of(Shingler.qgrams("given_name", 3).as("name"),
        Shingler.qgrams("surname", 3).as("name")), 10, 6, 200);
    BlockingView address = new BlockingView("address", List.of(Shingler.value("street_number"),
        Shingler.qgrams("address_1", 3), Shingler.qgrams("suburb", 3), Shingler.value("postcode")), 15, 5, 200);
    BlockingView dobPostcode = new BlockingView("dob_postcode", List.of(Shingler.value("date_of_birth"),
        Shingler.value("postcode")), 1, 8, 200);
    LshSettings settings = LshSettings.of(5L, name, address, dobPostcode);
    long start = System.nanoTime();
    LshBlockingResult result = LshBlocker.block(records, settings);
    result.buckets().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> pairs = result.pairs().persist(StorageLevel.MEMORY_AND_DISK());
      long candidates = pairs.count();
      double seconds = (System.nanoTime() - start) / 1e9;
      long truePairs = n / RECORDS_PER_ENTITY * (RECORDS_PER_ENTITY * (RECORDS_PER_ENTITY - 1) / 2);
      long found = pairs.where(col(Pairs.LEFT_ID).divide(RECORDS_PER_ENTITY).cast("long")
          .equalTo(col(Pairs.RIGHT_ID).divide(RECORDS_PER_ENTITY).cast("long"))).count();
      pairs.unpersist();
      System.out.printf(Locale.ROOT, "LSH scale %d records, %s: candidates %d, PC %.4f, RR %.6f, %.1f s%n", n,
          settings.viewNames(), candidates, (double) found / truePairs, 1 - candidates / (n * (n - 1) / 2.0),
          seconds);
      result.outcomeSummary().collectAsList().forEach(r -> System.out.println("  buckets " + r));
      assertTrue(candidates > 0);
    } finally {
      result.buckets().unpersist();
    }
  }

  /** Distinct values per field from the Febrl file: given names, surnames, streets, suburbs, postcodes. */
  private static String[][] vocabulary() throws IOException {
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
    String[] fields = {"given_name", "surname", "address_1", "suburb", "postcode"};
    String[][] out = new String[fields.length][];
    for (int f = 0; f < fields.length; f++) {
      int at = header.indexOf(fields[f]);
      TreeSet<String> values = new TreeSet<>();
      for (String line : lines.subList(1, lines.size())) {
        String value = line.split(",", -1)[at].strip();
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
      out[f] = values.toArray(String[]::new);
    }
    return out;
  }

  /** One synthetic record: entity id / 5 picks the person, the record id seeds its noise. */
  private static final class SyntheticPerson implements MapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private static final LocalDate FIRST_DOB = LocalDate.of(1930, 1, 1);
    private static final int DOB_DAYS = 75 * 365;
    private final String[][] vocabulary;
    private final long seed;

    SyntheticPerson(String[][] vocabulary, long seed) {
      this.vocabulary = vocabulary;
      this.seed = seed;
    }

    @Override
    public Row call(Long id) {
      SplittableRandom person = new SplittableRandom(seed * 31 + id / RECORDS_PER_ENTITY);
      String given = pick(person, 0);
      String surname = pick(person, 1);
      String number = String.valueOf(1 + person.nextInt(300));
      String street = pick(person, 2);
      String suburb = pick(person, 3);
      String postcode = pick(person, 4);
      LocalDate dob = FIRST_DOB.plusDays(person.nextInt(DOB_DAYS));
      SplittableRandom noise = new SplittableRandom(seed * 17 + id);
      if (noise.nextDouble() < 0.05) {
        String swap = given;
        given = surname;
        surname = swap;
      }
      return RowFactory.create(id, maybe(noise, typo(noise, given, 0.25)), maybe(noise, typo(noise, surname, 0.25)),
          maybe(noise, noise.nextDouble() < 0.1 ? String.valueOf(1 + noise.nextInt(300)) : number),
          maybe(noise, typo(noise, street, 0.2)), maybe(noise, typo(noise, suburb, 0.2)),
          maybe(noise, typo(noise, postcode, 0.1)),
          noise.nextDouble() < 0.05 ? null : Date.valueOf(noise.nextDouble() < 0.1 ? dob.plusDays(1) : dob));
    }

    private String pick(SplittableRandom random, int field) {
      return vocabulary[field][random.nextInt(vocabulary[field].length)];
    }

    private static String maybe(SplittableRandom noise, String value) {
      return noise.nextDouble() < 0.05 ? null : value;
    }

    private static String typo(SplittableRandom noise, String value, double probability) {
      if (value.length() < 2 || noise.nextDouble() >= probability) {
        return value;
      }
      int at = noise.nextInt(value.length());
      char letter = (char) ('a' + noise.nextInt(26));
      return switch (noise.nextInt(3)) {
        case 0 -> value.substring(0, at) + letter + value.substring(at + 1);
        case 1 -> value.substring(0, at) + letter + value.substring(at);
        default -> value.substring(0, at) + value.substring(at + 1);
      };
    }
  }
}
