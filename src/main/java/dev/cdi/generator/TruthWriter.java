package dev.cdi.generator;

import java.io.Closeable;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one partition's ground truth under {@code _truth/}: which person each identity-bearing record and each
 * event row belongs to, and the clean canonical persons. Records with a bronze defect are never reported (they can
 * never be resolved). The per-file summary ({@code _truth/files}) is written by {@link PartitionOutputs}.
 */
final class TruthWriter implements Closeable {

  static final SourceSpec IDENTITIES =
      SourceSpec.plainCsv("_truth/identities", List.of("source", "source_record_id", "person_id"));
  static final SourceSpec EVENTS = SourceSpec.plainCsv("_truth/events", List.of("source", "event_id", "person_id"));
  static final SourceSpec PERSONS = SourceSpec.plainCsv("_truth/persons", List.of("person_id", "household_id",
      "given_name", "middle_name", "surname", "maiden_name", "birth_date", "email", "phone_e164", "street", "unit",
      "city", "state", "zip", "previous_street", "previous_city", "previous_state", "previous_zip"));
  static final SourceSpec FILES = SourceSpec.plainCsv("_truth/files",
      List.of("source", "file", "rows", "malformed_rows", "bad_timestamp_rows"));

  private final CsvSourceFile identities;
  private final CsvSourceFile events;
  private final CsvSourceFile persons;

  TruthWriter(CsvSourceFile identities, CsvSourceFile events, CsvSourceFile persons) {
    this.identities = identities;
    this.events = events;
    this.persons = persons;
  }

  void identity(String source, String sourceRecordId, Person person) {
    identities.writeClean(source, sourceRecordId, person.personId());
  }

  void event(String source, String eventId, Person person) {
    events.writeClean(source, eventId, person.personId());
  }

  void person(Person p) {
    Address previous = p.previousAddress();
    persons.writeClean(p.personId(), p.householdId(), p.givenName(), p.middleName(), p.surname(),
        p.maidenName(), DateTimeFormatter.ISO_LOCAL_DATE.format(p.birthDate()), p.email(), p.phone().e164(),
        p.address().street(), p.address().unit(), p.address().city().name(), p.address().state(), p.address().zip(),
        previous == null ? null : previous.street(), previous == null ? null : previous.city().name(),
        previous == null ? null : previous.state(), previous == null ? null : previous.zip());
  }

  List<FileStats> stats() {
    return List.of(identities.stats(false), events.stats(false), persons.stats(false));
  }

  @Override
  public void close() throws IOException {
    Closeables.closeAll(List.of(identities, events, persons));
  }
}
