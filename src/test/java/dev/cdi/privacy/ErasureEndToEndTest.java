package dev.cdi.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import dev.cdi.bronze.IngestJob;
import dev.cdi.bronze.IngestResult;
import dev.cdi.bronze.SourceIngestResult;
import dev.cdi.cli.CdiCommand;
import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.silver.SilverJob;
import dev.cdi.testing.LakehouseScan;
import dev.cdi.testing.LogCapture;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole pipeline on a generated sample with the shipped configuration and the project's log
 * configuration, then: the run's log holds none of the sample's emails, phones or names; erasing a person by email
 * leaves no file of the lakehouse (data, change data, Delta log, checkpoints, reports, the privacy tables) holding
 * their email, phone or family name, read as bytes and as decoded Parquet rows, while every other customer's
 * golden record is unchanged; and re-ingesting old dumps drops the person's rows as suppressed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureEndToEndTest {

  private static final PrivacySalt SALT = PrivacySalt.of("end-to-end-test-salt-0042");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  static Path dir;
  private Path out;
  private Path lake;
  private Lakehouse lakehouse;
  private PipelineConfig config;
  private String runLog;
  private Person person;
  private ErasureResult erased;

  /**
   * The person the test erases and what identifies them.
   *
   * @param id        generator person id
   * @param email     their email
   * @param customer  their customer id
   * @param needles   strings no file may hold after erasure (email, phone, family name, raw variants, ids)
   */
  private record Person(String id, String email, String customer, List<String> needles) {
  }

  @BeforeAll
  void generateAndRun() {
    out = dir.resolve("raw");
    lake = dir.resolve("lake");
    lakehouse = new Lakehouse(lake.toString());
    assertEquals(0, CdiCommand.execute("generate", "--customers", "100", "--seed", "7", "--out", out.toString(),
        "--persons-per-partition", "100", "--bad-row-rate", "0.03"));
    try (LogCapture log = LogCapture.start()) {
      assertEquals(0, CdiCommand.execute("run", "--conf", "conf/pipeline.yaml", "--input", out.toString(),
          "--lakehouse", lake.toString(), "--run-id", "privacy-1"));
      runLog = log.text();
    }
    config = ConfigLoader.load(Path.of("conf/pipeline.yaml")).withLakehouse(lake.toString())
        .withInputRoot(out.toString());
  }

  @Test
  @Order(1)
  void theRunLogHoldsNoEmailPhoneOrNameOfTheSample() throws IOException {
    assertTrue(runLog.contains("ingest privacy-1 finished") && runLog.contains("build-gold privacy-1"),
        "the capture holds the run's log");
    Set<String> emails = new TreeSet<>();
    Set<String> phones = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (Row p : truth("persons").collectAsList()) {
      add(emails, p.<String>getAs("email"));
      add(phones, p.<String>getAs("phone_e164"));
      names.add((p.<String>getAs("given_name") + " " + p.<String>getAs("surname")).toLowerCase(Locale.ROOT));
    }
    for (String line : inputLines()) {
      Matcher m = EMAIL.matcher(line);
      while (m.find()) {
        emails.add(m.group().toLowerCase(Locale.ROOT));
      }
      phones.addAll(phonesIn(line));
    }
    assertTrue(emails.size() > 100 && phones.size() > 100, emails.size() + " emails, " + phones.size() + " phones");
    String log = runLog.toLowerCase(Locale.ROOT);
    assertEquals(List.of(), emails.stream().filter(log::contains).toList(), "emails in the log");
    assertEquals(List.of(), names.stream().filter(log::contains).toList(), "names in the log");
    Set<String> logged = phonesIn(runLog);
    assertEquals(List.of(), phones.stream().filter(p -> logged.contains(p) || runLog.contains(p)).toList(),
        "phones in the log");
  }

  @Test
  @Order(2)
  void erasureLeavesNoTraceInAnyFileAndNobodyElseChanges() throws IOException {
    person = pickPerson();
    List<String> needles = person.needles();
    assertFalse(LakehouseScan.find(lake, needles).isEmpty(), "before erasure the scan finds the person");
    Map<String, String> before = goldenHashes();
    long quarantinedBefore = DeltaIO.read(spark, lakehouse.path(Tables.QUARANTINE))
        .where(col(Columns.Quarantine.RAW_TEXT).contains(person.email())).count();

    String eraseLog;
    try (LogCapture log = LogCapture.start()) {
      erased = new ErasureJob(spark, config, new RunContext("erase-1", Instant.now(), lakehouse), SALT,
          ErasureSettings.DEFAULTS).run(ErasureRequest.parse(List.of(person.email().toUpperCase(Locale.ROOT)),
          "US"));
      eraseLog = log.text();
    }

    assertEquals(List.of(), LakehouseScan.find(lake, needles), "files still holding the person");
    Map<String, String> after = goldenHashes();
    before.remove(person.customer());
    assertEquals(before, after, "every other customer's golden record (by row hash)");
    assertEquals(1, erased.customers());
    assertEquals(1L, erased.rowsDeleted().get("gold.customer_360"));
    assertTrue(quarantinedBefore > 0 && erased.rowsDeleted().get("bronze._quarantine") >= quarantinedBefore,
        "quarantined rows with the email are deleted: " + quarantinedBefore + " before");
    assertTrue(erased.rowsDeleted().get("silver.identities") >= 3 && erased.rowsDeleted().get("silver.events") > 0,
        erased.rowsDeleted().toString());
    for (TableId table : List.of(Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY, Tables.GOLD_ATTRIBUTION,
        Tables.IDENTITY_MAP, Tables.IDENTITY_EVENT_MAP)) {
      assertEquals(0, DeltaIO.read(spark, lakehouse.path(table))
          .where(col(Columns.IdentityMap.CUSTOMER_ID).equalTo(person.customer())).count(), table.toString());
    }
    assertThrows(Exception.class, () -> DeltaIO.readVersion(spark, lakehouse.path(Tables.GOLD_CUSTOMER_360), 0)
        .count(), "time travel to before the erasure");
    Row audit = DeltaIO.read(spark, lakehouse.path(Tables.ERASURE_AUDIT)).first();
    assertEquals("erase-1", audit.getAs(Columns.ErasureAudit.REQUEST_ID));
    assertEquals(List.of(SALT.hasher().hash(IdentifierKind.EMAIL, ErasureRequest.parse(List.of(person.email()),
        "US").identifiers().get(0).normalized())), audit.getList(audit.fieldIndex(
        Columns.ErasureAudit.IDENTIFIER_HASHES)));
    String logText = eraseLog.toLowerCase(Locale.ROOT);
    assertTrue(logText.contains("erase erase-1"), "the capture holds the erasure's log");
    assertEquals(List.of(), needles.stream().filter(n -> logText.contains(n.toLowerCase(Locale.ROOT))).toList(),
        "the erasure's log names no identifier");
    assertFalse(eraseLog.contains("end-to-end-test-salt"), "the salt is not logged");
  }

  @Test
  @Order(3)
  void reingestedDumpsAreSuppressedAndStandardizeCarriesOn() throws IOException {
    assertTrue(person != null && erased != null, "runs after the erasure");
    List<Path> copies = copyInputFiles();
    long deletedRaw = erased.rowsDeleted().entrySet().stream().filter(e -> e.getKey().startsWith("bronze."))
        .mapToLong(Map.Entry::getValue).sum();

    IngestResult again = new IngestJob(spark, config, new RunContext("reingest-1", Instant.now(), lakehouse),
        Optional.of(SALT)).run();

    assertEquals(copies.size(), again.filesIngested());
    assertTrue(deletedRaw > 0);
    assertEquals(deletedRaw, again.rowsSuppressed(), "every row erasure deleted is dropped again");
    for (SourceIngestResult s : again.sources()) {
      assertEquals(s.rowsRead(), s.rowsBronze() + s.rowsQuarantined() + s.rowsSuppressed(), s.source());
    }
    new SilverJob(spark, config, new RunContext("reingest-1", Instant.now(), lakehouse)).run();
    assertEquals(List.of(), LakehouseScan.find(lake, person.needles()), "files holding the person after re-ingest");
  }

  /**
   * The first person (those with a quarantined row holding their email first, then by most sources and events)
   * whose family name no other person has, whose records form exactly one customer with nobody else's, and whose
   * email, phone and family name appear only on input lines that carry one of their own record or event ids (so
   * their identifiers are theirs alone).
   */
  private Person pickPerson() throws IOException {
    Map<String, List<String>> keysByPerson = new HashMap<>();
    Map<String, Set<String>> sourcesByPerson = new HashMap<>();
    Map<String, List<String>> idsByPerson = new HashMap<>();
    for (Row r : truth("identities").collectAsList()) {
      String p = r.getAs("person_id");
      keysByPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(r.getAs("source") + ":" + r.getAs(
          "source_record_id"));
      sourcesByPerson.computeIfAbsent(p, k -> new TreeSet<>()).add(r.getAs("source"));
      idsByPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(r.getAs("source_record_id"));
    }
    for (Row r : truth("events").collectAsList()) {
      idsByPerson.computeIfAbsent(r.getAs("person_id"), k -> new ArrayList<>()).add(r.getAs("event_id"));
    }
    Map<String, String> customerOf = new HashMap<>();
    DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_MAP)).select("record_key", "customer_id").collectAsList()
        .forEach(r -> customerOf.put(r.getString(0), r.getString(1)));
    Map<String, Long> recordsPerCustomer = customerOf.values().stream()
        .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    List<Row> persons = truth("persons").collectAsList();
    Map<String, Long> surnames = persons.stream().collect(Collectors.groupingBy(
        p -> p.<String>getAs("surname").toLowerCase(Locale.ROOT), Collectors.counting()));
    List<String> lines = inputLines();
    List<String> quarantined = DeltaIO.read(spark, lakehouse.path(Tables.QUARANTINE))
        .select(Columns.Quarantine.RAW_TEXT).collectAsList().stream()
        .map(r -> r.isNullAt(0) ? "" : r.getString(0).toLowerCase(Locale.ROOT)).toList();
    Comparator<Row> preferred = Comparator.<Row, Boolean>comparing(p -> quarantined.stream()
            .noneMatch(q -> q.contains(p.<String>getAs("email").toLowerCase(Locale.ROOT))))
        .thenComparingInt(p -> -sourcesByPerson.getOrDefault(p.<String>getAs("person_id"), Set.of()).size())
        .thenComparingInt(p -> -idsByPerson.getOrDefault(p.<String>getAs("person_id"), List.of()).size())
        .thenComparing(p -> p.<String>getAs("person_id"));
    return persons.stream()
        .filter(p -> p.getAs("email") != null && p.getAs("phone_e164") != null
            && surnames.get(p.<String>getAs("surname").toLowerCase(Locale.ROOT)) == 1)
        .sorted(preferred)
        .map(p -> candidate(p, keysByPerson, idsByPerson, customerOf, recordsPerCustomer, lines))
        .flatMap(Optional::stream).findFirst().orElseThrow();
  }

  private Optional<Person> candidate(Row p, Map<String, List<String>> keysByPerson,
                                     Map<String, List<String>> idsByPerson, Map<String, String> customerOf,
                                     Map<String, Long> recordsPerCustomer, List<String> lines) {
    String id = p.getAs("person_id");
    List<String> keys = keysByPerson.getOrDefault(id, List.of());
    Set<String> customers = keys.stream().map(customerOf::get).collect(Collectors.toSet());
    if (keys.isEmpty() || customers.size() != 1 || customers.contains(null)
        || recordsPerCustomer.get(customers.iterator().next()) != keys.size()) {
      return Optional.empty();
    }
    String email = p.<String>getAs("email").toLowerCase(Locale.ROOT);
    String phone = p.getAs("phone_e164");
    String surname = p.<String>getAs("surname").toLowerCase(Locale.ROOT);
    String national = phone.substring(phone.length() - 10);
    List<String> ids = idsByPerson.get(id);
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      boolean mentions = lower.contains(email) || lower.contains(surname)
          || line.replaceAll("[^0-9]", "").contains(national);
      if (mentions && ids.stream().noneMatch(line::contains)) {
        return Optional.empty();
      }
    }
    String customer = customers.iterator().next();
    return Optional.of(new Person(id, email, customer, needles(customer, email, phone, surname, keys)));
  }

  /**
   * The person's identifiers as silver and bronze wrote them (raw variants included), and their keys. A value one
   * of their records holds that a record of somebody else holds too (a store's phone a cashier typed) is not theirs
   * to erase, and is left out.
   */
  private List<String> needles(String customer, String email, String phone, String surname, List<String> keys) {
    Set<String> out = new LinkedHashSet<>(List.of(email, phone, surname, customer));
    Dataset<Row> identities = DeltaIO.read(spark, lakehouse.path(Tables.SILVER_IDENTITIES));
    Column theirs = col(Columns.Identities.RECORD_KEY).isin(keys.toArray());
    String[] fields = {"email", "email_key", "phone_e164", "family_name", "raw['email']", "raw['phone']",
        "raw['family_name']", "raw['full_name']"};
    Set<String> others = new HashSet<>(values(identities.where(not(theirs)), fields));
    values(identities.where(theirs), fields).stream().filter(v -> !others.contains(v)).forEach(v -> add(out, v));
    keys.stream().filter(k -> k.startsWith("crm_contacts:")).map(k -> k.substring(k.indexOf(':') + 1))
        .forEach(out::add);
    return List.copyOf(out);
  }

  /** Every value of {@code fields} in every row (nulls included). */
  private static List<String> values(Dataset<Row> rows, String[] fields) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.selectExpr(fields).collectAsList()) {
      for (int i = 0; i < r.length(); i++) {
        out.add(r.isNullAt(i) ? null : r.getString(i));
      }
    }
    return out;
  }

  /** Copies every input file to a new name in its folder, as if an old dump arrived again. */
  private List<Path> copyInputFiles() throws IOException {
    List<Path> copies = new ArrayList<>();
    for (Path file : inputFiles()) {
      Path copy = file.resolveSibling("old-dump-" + file.getFileName());
      Files.copy(file, copy);
      copies.add(copy);
    }
    return copies;
  }

  private Map<String, String> goldenHashes() {
    Map<String, String> out = new HashMap<>();
    DeltaIO.read(spark, lakehouse.path(Tables.GOLD_CUSTOMER_360)).select("customer_id", "row_hash").collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  private Dataset<Row> truth(String name) {
    return spark.read().option("header", "true").csv(out.resolve("_truth").resolve(name).toString());
  }

  private List<Path> inputFiles() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(Files::isRegularFile).filter(f -> !out.relativize(f).startsWith("_truth"))
          .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private List<String> inputLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : inputFiles()) {
      lines.addAll(List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\n")));
    }
    return lines;
  }

  /** E.164 numbers libphonenumber finds in {@code text} (national numbers read as US numbers). */
  private static Set<String> phonesIn(String text) {
    Set<String> out = new TreeSet<>();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (PhoneNumberMatch m : util.findNumbers(text, "US")) {
      out.add(util.format(m.number(), PhoneNumberFormat.E164));
    }
    return out;
  }

  private static void add(Set<String> out, String value) {
    if (value != null && !value.isBlank()) {
      out.add(value.strip().toLowerCase(Locale.ROOT));
    }
  }
}
