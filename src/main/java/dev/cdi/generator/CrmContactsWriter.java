package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code crm_contacts}, the sales CRM's (Salesforce-like) contact export: comma CSV with a header and
 * RFC 4180 quoting (descriptions and two-line mailing streets contain newlines). Times are {@code MM/dd/yyyy hh:mm a}
 * in America/New_York, birthdates {@code MM/dd/yyyy}.
 *
 * <p>An older system: contacts are created early in the window and keep the address and surname of their creation
 * date (moved persons show their previous address, newly married women their maiden name). A duplicate contact is
 * created later and with twice the noise. Per record: email missing {@value #MISSING_EMAIL_RATE} (a work email
 * instead {@value #WORK_EMAIL_RATE} when the person has one), phone missing {@value #MISSING_PHONE_RATE}, address
 * missing {@value #MISSING_ADDRESS_RATE}, unit on a second street line {@value #TWO_LINE_STREET_RATE}, middle initial
 * in FirstName {@value #MIDDLE_INITIAL_RATE}, birthdate present {@value #BIRTHDATE_RATE}, opted out
 * {@value #OPT_OUT_RATE}, description {@value #DESCRIPTION_RATE}; value noise per {@link #NOISE}.
 */
final class CrmContactsWriter implements SourceWriter {

  static final List<String> COLUMNS = List.of("ContactID", "FirstName", "LastName", "Email", "Phone",
      "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "Birthdate", "CreatedDate",
      "LastModifiedDate", "EmailOptOut", "Description");
  static final SourceSpec SPEC = SourceSpec.csv("crm_contacts", ',', COLUMNS, "CreatedDate", "FirstName");
  static final NoiseProfile NOISE = new NoiseProfile(0.03, 0.08, 0.03, 0.02, 0.04, 0.03, 0.15, 0.02, 0.005, 0.004);
  static final double DUPLICATE_NOISE_FACTOR = 2.0;
  static final double MISSING_EMAIL_RATE = 0.12;
  static final double WORK_EMAIL_RATE = 0.25;
  static final double MISSING_PHONE_RATE = 0.15;
  static final double MISSING_ADDRESS_RATE = 0.08;
  static final double TWO_LINE_STREET_RATE = 0.3;
  static final double MIDDLE_INITIAL_RATE = 0.08;
  static final double BIRTHDATE_RATE = 0.45;
  static final double OPT_OUT_RATE = 0.12;
  static final double DESCRIPTION_RATE = 0.08;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US).withZone(ZoneId.of("America/New_York"));
  private static final DateTimeFormatter BIRTHDATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
  private static final String[] NOTES = {
      "Met at the spring trade show, interested in the loyalty program.",
      "Called about order status.\nFollow up next week.",
      "Prefers \"text only\" contact",
      "VIP customer; spouse also has an account",
      "Asked to be removed from the mailing list, see support ticket",
      "Moved recently - verify mailing address",
      "Referral from a friend, gave 10% discount",
      "Left voicemail 2x.\nNo answer, try email.",
      "Bulk order inquiry for office, \"net 30\" terms requested"};

  private final CsvSourceFile file;
  private final TruthWriter truth;
  private final RecordNoise noise;
  private final RecordNoise duplicateNoise;

  CrmContactsWriter(CsvSourceFile file, TruthWriter truth, ReferenceData ref) {
    this.file = file;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, ref);
    this.duplicateNoise = new RecordNoise(NOISE.times(DUPLICATE_NOISE_FACTOR), ref);
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.CRM);
    Instant created = SimTime.earlyBiased(r);
    for (int k = 0; k < ctx.footprint().crmContacts(); k++) {
      if (k > 0) {
        created = SimTime.between(r, created, SimTime.END);
      }
      writeContact(ctx, r, k, created);
    }
  }

  private void writeContact(PersonContext ctx, SplittableRandom r, int k, Instant created) {
    Person p = ctx.person();
    RecordNoise n = k == 0 ? noise : duplicateNoise;
    String id = Ids.crmContactId(ctx.seed(), p.index(), k);
    String[] street = address(r, n, p.addressAt(created));
    String[] row = {
        id,
        firstName(r, n, p),
        n.name(r, p.surnameAt(created)),
        email(r, n, p),
        Rng.chance(r, MISSING_PHONE_RATE) ? "" : n.phone(r, p.phone(), 0.03),
        street[0], street[1], street[2], street[3],
        Rng.chance(r, BIRTHDATE_RATE) ? BIRTHDATE.format(p.birthDate()) : "",
        DATE_TIME.format(created),
        DATE_TIME.format(SimTime.plusUpTo(r, created, Duration.ofDays(150))),
        Boolean.toString(Rng.chance(r, OPT_OUT_RATE)),
        Rng.chance(r, DESCRIPTION_RATE) ? Rng.pickOf(r, NOTES) : ""};
    if (file.write(row, ctx.defects())) {
      truth.identity(SPEC.name(), id, p);
    }
  }

  private static String firstName(SplittableRandom r, RecordNoise n, Person p) {
    String first = n.givenName(r, p.givenName());
    if (p.hasMiddleName() && Rng.chance(r, MIDDLE_INITIAL_RATE)) {
      return first + " " + p.middleName().charAt(0) + (r.nextBoolean() ? "." : "");
    }
    return first;
  }

  private static String email(SplittableRandom r, RecordNoise n, Person p) {
    if (Rng.chance(r, MISSING_EMAIL_RATE)) {
      return "";
    }
    boolean work = p.workEmail() != null && Rng.chance(r, WORK_EMAIL_RATE);
    return n.email(r, work ? p.workEmail() : p.email());
  }

  /** MailingStreet, MailingCity, MailingState, MailingPostalCode. */
  private static String[] address(SplittableRandom r, RecordNoise n, Address address) {
    if (Rng.chance(r, MISSING_ADDRESS_RATE)) {
      return new String[] {"", "", "", ""};
    }
    AddressFormats.Lines lines = n.address(r, address);
    String street = lines.line2().isEmpty() || !Rng.chance(r, TWO_LINE_STREET_RATE)
        ? AddressFormats.oneLine(lines)
        : lines.line1() + "\n" + lines.line2();
    return new String[] {street, lines.city(), lines.state(), lines.zip()};
  }
}
