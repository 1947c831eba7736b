package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The truth tables agree with what was written, and the files honour the format contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TruthTest {

  private static final Map<String, String> HEADERS = Map.of(
      "crm_contacts", "ContactID,FirstName,LastName,Email,Phone,MailingStreet,MailingCity,MailingState,"
          + "MailingPostalCode,Birthdate,CreatedDate,LastModifiedDate,EmailOptOut,Description",
      "email_subscribers", "subscriber_id,email_address,first_name,last_name,zip,subscribed_on,status",
      "email_events", "event_id,subscriber_id,email_address,campaign_id,campaign_name,event_type,event_time,link_url",
      "pos_loyalty", "loyalty_no;member_name;phone;email;postcode;enrolled;home_store",
      "pos_transactions", "txn_id;store_id;register;loyalty_no;phone;txn_ts;amount;currency;tender;item_count");
  private static final Map<String, String> RECORD_IDS = Map.of("crm_contacts", "ContactID", "ecom_accounts",
      "account_id", "email_subscribers", "subscriber_id", "support_tickets", "ticket_id", "pos_loyalty", "loyalty_no");
  private static final Map<String, String> EVENT_IDS = Map.of("ecom_orders", "order_id", "web_events", "event_id",
      "email_events", "event_id", "support_tickets", "ticket_id", "pos_transactions", "txn_id", "app_events",
      "event_id");
  private static final int CUSTOMERS = 1_500;

  private Path out;
  private List<FileStats> stats;
  private final Map<String, List<Map<String, String>>> goodRecords = new HashMap<>();

  @BeforeAll
  void generate(@TempDir Path dir) throws IOException {
    out = dir;
    stats = TestFiles.generate(out, CUSTOMERS, 21, 0.02, 700);
    for (SourceSpec spec : Sources.ALL) {
      goodRecords.put(spec.name(), GoodRecords.read(out, spec));
    }
  }

  @Test
  void fileStatisticsMatchTheFiles() throws IOException {
    List<List<String>> files = TestFiles.truthRows(out, "files");
    assertEquals(3 * Sources.ALL.size(), files.size());
    for (List<String> row : files) {
      SourceSpec spec = Sources.ALL.stream().filter(s -> s.name().equals(row.get(0))).findFirst().orElseThrow();
      List<Boolean> readable = GoodRecords.readability(out.resolve(row.get(1)), spec);
      assertEquals(Long.parseLong(row.get(2)), readable.size(), row.toString());
      assertEquals(Long.parseLong(row.get(3)), readable.stream().filter(ok -> !ok).count(), row.toString());
    }
    long data = stats.stream().filter(FileStats::dataFile).count();
    assertEquals(3 * Sources.ALL.size(), data);
  }

  @Test
  void csvHeadersAreTheContract() throws IOException {
    for (Map.Entry<String, String> header : HEADERS.entrySet()) {
      for (String file : TestFiles.relativeFiles(out.resolve(header.getKey()))) {
        String text = Files.readString(out.resolve(header.getKey()).resolve(file), StandardCharsets.ISO_8859_1);
        assertEquals(header.getValue(), text.substring(0, text.indexOf('\n')));
        assertTrue(text.endsWith("\n"));
      }
    }
  }

  @Test
  void identityTruthListsExactlyTheReadableIdentityRecords() throws IOException {
    Map<String, Set<String>> truth = bySource(TestFiles.truthRows(out, "identities"));
    for (Map.Entry<String, String> source : RECORD_IDS.entrySet()) {
      Set<String> written = ids(source.getKey(), source.getValue());
      assertEquals(written, truth.get(source.getKey()), source.getKey());
    }
    Set<String> appUsers = ids("app_events", "user_id");
    appUsers.remove("");
    assertEquals(appUsers, truth.get("app_events"));
  }

  @Test
  void eventTruthListsExactlyTheReadableEvents() throws IOException {
    Map<String, Set<String>> truth = bySource(TestFiles.truthRows(out, "events"));
    for (Map.Entry<String, String> source : EVENT_IDS.entrySet()) {
      assertEquals(ids(source.getKey(), source.getValue()), truth.get(source.getKey()), source.getKey());
    }
  }

  @Test
  void truthIdsAreUniqueAndPointToPersons() throws IOException {
    List<List<String>> persons = TestFiles.truthRows(out, "persons");
    assertEquals(CUSTOMERS, persons.size());
    Set<String> personIds = new HashSet<>();
    persons.forEach(row -> assertTrue(personIds.add(row.get(0))));
    for (String table : List.of("identities", "events")) {
      List<List<String>> rows = TestFiles.truthRows(out, table);
      Set<String> keys = new HashSet<>();
      for (List<String> row : rows) {
        assertTrue(keys.add(row.get(0) + "/" + row.get(1)), "duplicate " + row);
        assertTrue(personIds.contains(row.get(2)));
      }
    }
  }

  @Test
  void timestampsParseInEachSystemsFormatExceptTheSilverDefects() {
    Map<String, Function<String, Instant>> parsers = Map.of(
        "crm_contacts/CreatedDate", local("MM/dd/yyyy hh:mm a", "America/New_York"),
        "ecom_accounts/created_at", Instant::parse,
        "ecom_orders/placed_at", s -> Instant.ofEpochMilli(Long.parseLong(s)),
        "web_events/timestamp", Instant::parse,
        "email_subscribers/subscribed_on", local("dd/MM/yyyy HH:mm", "Europe/London"),
        "email_events/event_time", local("dd/MM/yyyy HH:mm:ss", "Europe/London"),
        "support_tickets/created", s -> OffsetDateTime.parse(s).toInstant(),
        "pos_loyalty/enrolled", s -> LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay()
            .atZone(ZoneId.of("America/Chicago")).toInstant(),
        "pos_transactions/txn_ts", local("yyyyMMdd HHmmss", "America/Chicago"),
        "app_events/event_timestamp", s -> Instant.ofEpochSecond(0, Long.parseLong(s) * 1000));
    for (SourceSpec spec : Sources.ALL) {
      Function<String, Instant> parser = parsers.get(spec.name() + "/" + spec.timeField());
      long unparsable = 0;
      for (Map<String, String> record : goodRecords.get(spec.name())) {
        try {
          Instant t = parser.apply(record.get(spec.timeField()));
          assertTrue(!t.isBefore(SimTime.START.minusSeconds(86_400)) && !t.isAfter(SimTime.END), spec.name() + " " + t);
        } catch (DateTimeParseException | NumberFormatException e) {
          unparsable++;
        }
      }
      long expected = stats.stream().filter(s -> s.source().equals(spec.name()))
          .mapToLong(FileStats::badTimestampRows).sum();
      assertEquals(expected, unparsable, spec.name());
    }
  }

  @Test
  void hubIdentifiersAppear() {
    long hubEmails = goodRecords.get("pos_loyalty").stream()
        .filter(r -> Emails.HUB_EMAILS.contains(r.get("email"))).count();
    Set<String> storePhones = new HashSet<>();
    new World(21, ReferenceData.get()).stores()
        .forEach(s -> storePhones.add(PhoneFormats.format(s.defaultPhone(), PhoneFormats.Style.DIGITS)));
    long storePhoneRows = goodRecords.get("pos_transactions").stream()
        .filter(r -> storePhones.contains(r.get("phone"))).count();
    assertTrue(hubEmails > 0, "hub emails");
    assertTrue(storePhoneRows > 10, "store phones " + storePhoneRows);
  }

  private static Function<String, Instant> local(String pattern, String zone) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.US);
    return s -> LocalDateTime.parse(s, format).atZone(ZoneId.of(zone)).toInstant();
  }

  private Set<String> ids(String source, String field) {
    Set<String> ids = new HashSet<>();
    goodRecords.get(source).forEach(record -> ids.add(record.get(field)));
    return ids;
  }

  private static Map<String, Set<String>> bySource(List<List<String>> rows) {
    Map<String, Set<String>> bySource = new HashMap<>();
    rows.forEach(row -> bySource.computeIfAbsent(row.get(0), k -> new HashSet<>()).add(row.get(1)));
    return bySource;
  }

  /** Reads the readable records of a source as flat field maps (JSON: top-level scalars as text). */
  static final class GoodRecords {

    private GoodRecords() {
    }

    static List<Map<String, String>> read(Path out, SourceSpec spec) throws IOException {
      List<Map<String, String>> records = new ArrayList<>();
      for (String file : TestFiles.relativeFiles(out.resolve(spec.name()))) {
        for (byte[] record : records(out.resolve(spec.name()).resolve(file), spec)) {
          Map<String, String> fields = fields(record, spec);
          if (fields != null) {
            records.add(fields);
          }
        }
      }
      return records;
    }

    /** For each record of a file, whether it is readable. */
    static List<Boolean> readability(Path file, SourceSpec spec) throws IOException {
      return records(file, spec).stream().map(record -> fields(record, spec) != null).toList();
    }

    private static List<byte[]> records(Path file, SourceSpec spec) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      if (spec.format() == SourceSpec.Format.JSONL) {
        return TestFiles.lines(bytes);
      }
      List<byte[]> records = TestFiles.csvRecords(bytes);
      return records.subList(1, records.size());
    }

    private static Map<String, String> fields(byte[] record, SourceSpec spec) {
      Map<String, String> fields = new HashMap<>();
      if (spec.format() == SourceSpec.Format.JSONL) {
        JsonNode node = TestFiles.strictJsonObject(record);
        if (node == null) {
          return null;
        }
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return fields;
      }
      if (!TestFiles.isGoodCsvRecord(record, spec.delimiter(), spec.columns().size())) {
        return null;
      }
      List<String> values = TestFiles.csvFields(record, spec.delimiter());
      for (int i = 0; i < values.size(); i++) {
        fields.put(spec.columns().get(i), values.get(i));
      }
      return fields;
    }
  }
}
