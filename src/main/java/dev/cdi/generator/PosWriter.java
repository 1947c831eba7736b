package dev.cdi.generator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the stores' point-of-sale exports, semicolon CSV with headers: {@code pos_loyalty} (identity records,
 * {@code enrolled} as {@code yyyyMMdd}) and {@code pos_transactions} (events, {@code txn_ts} as
 * {@code yyyyMMdd HHmmss} in America/Chicago, during store hours).
 *
 * <p>An older system that shouts: member names are {@code SMITH, ROBERT} in upper case, usually without accents
 * ({@value #ASCII_ONLY_RATE}), sometimes with a middle initial ({@value #MIDDLE_INITIAL_RATE}); postcode and home
 * store are those of the enrolment date. Cashiers type the store's default phone for {@value #STORE_PHONE_RATE} of
 * members (an identifier hub). Members make 1-8 purchases, mostly at their home store, that carry the loyalty number
 * (missing on {@value #MISSING_LOYALTY_NO_RATE}); anonymous shoppers make 1-3 purchases without one, a few with the
 * store phone or their own phone typed at checkout.
 */
final class PosWriter implements SourceWriter {

  static final SourceSpec LOYALTY = SourceSpec.csv("pos_loyalty", ';', List.of("loyalty_no", "member_name", "phone",
      "email", "postcode", "enrolled", "home_store"), "enrolled", "member_name");
  static final SourceSpec TRANSACTIONS = SourceSpec.csv("pos_transactions", ';', List.of("txn_id", "store_id",
      "register", "loyalty_no", "phone", "txn_ts", "amount", "currency", "tender", "item_count"), "txn_ts", "tender");
  static final NoiseProfile NOISE = new NoiseProfile(0.04, 0.06, 0, 0.02, 0, 0.02, 0, 0, 0.015, 0.01);
  static final double ASCII_ONLY_RATE = 0.7;
  static final double MIDDLE_INITIAL_RATE = 0.15;
  static final double STORE_PHONE_RATE = 0.05;
  static final double MISSING_PHONE_RATE = 0.08;
  static final double MISSING_EMAIL_RATE = 0.45;
  static final double MISSING_POSTCODE_RATE = 0.05;
  static final double HOME_STORE_RATE = 0.8;
  static final double MISSING_LOYALTY_NO_RATE = 0.08;
  static final double MEMBER_PHONE_AT_CHECKOUT_RATE = 0.15;

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter ENROLLED =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(CHICAGO);
  private static final DateTimeFormatter TXN_TS = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss", Locale.ROOT);
  private static final String[] TENDERS = {"VISA", "MASTERCARD", "DEBIT", "CASH", "AMEX", "GIFT_CARD"};
  private static final double[] TENDER_WEIGHTS = {35, 20, 20, 12, 8, 5};

  private final CsvSourceFile loyalty;
  private final CsvSourceFile transactions;
  private final TruthWriter truth;
  private final RecordNoise noise;
  private final World world;

  PosWriter(CsvSourceFile loyalty, CsvSourceFile transactions, TruthWriter truth, World world) {
    this.loyalty = loyalty;
    this.transactions = transactions;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, world.ref());
    this.world = world;
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.POS);
    Footprint footprint = ctx.footprint();
    if (footprint.loyaltyMember()) {
      Instant enrolled = SimTime.earlyBiased(r);
      Store home = world.storeIn(ctx.person().addressAt(enrolled).city());
      String loyaltyNo = writeMember(ctx, r, enrolled, home);
      int count = Rng.skewed(r, 1, 8, 0.7);
      for (int k = 0; k < count; k++) {
        String card = Rng.chance(r, MISSING_LOYALTY_NO_RATE) ? "" : loyaltyNo;
        String phone = Rng.chance(r, MEMBER_PHONE_AT_CHECKOUT_RATE) ? checkoutPhone(r, ctx.person(), home) : "";
        writeTransaction(ctx, r, k, store(r, home), card, phone, SimTime.between(r, enrolled, SimTime.END));
      }
    } else if (footprint.anonymousPosShopper()) {
      Store home = world.storeIn(ctx.person().address().city());
      int count = Rng.between(r, 1, 3);
      for (int k = 0; k < count; k++) {
        String phone = switch (Rng.weighted(r, 60, 25, 15)) {
          case 0 -> "";
          case 1 -> digits(home.defaultPhone());
          default -> digits(ctx.person().phone());
        };
        writeTransaction(ctx, r, k, store(r, home), "", phone, SimTime.uniform(r));
      }
    }
  }

  private String writeMember(PersonContext ctx, SplittableRandom r, Instant enrolled, Store home) {
    Person p = ctx.person();
    String loyaltyNo = Ids.loyaltyNo(p.index());
    String[] row = {
        loyaltyNo,
        memberName(r, p, enrolled),
        memberPhone(r, p, home),
        Rng.chance(r, MISSING_EMAIL_RATE) ? "" : noise.email(r, p.email()),
        Rng.chance(r, MISSING_POSTCODE_RATE) ? "" : p.addressAt(enrolled).zip(),
        ENROLLED.format(enrolled),
        home.storeId()};
    if (loyalty.write(row, ctx.defects())) {
      truth.identity(LOYALTY.name(), loyaltyNo, p);
    }
    return loyaltyNo;
  }

  /** {@code SMITH, ROBERT} or {@code SMITH, ROBERT J}. */
  private String memberName(SplittableRandom r, Person p, Instant enrolled) {
    String given = noise.givenName(r, p.givenName());
    String surname = noise.name(r, p.surnameAt(enrolled));
    String name = surname + ", " + given;
    if (p.hasMiddleName() && Rng.chance(r, MIDDLE_INITIAL_RATE)) {
      name += " " + p.middleName().charAt(0);
    }
    name = Rng.chance(r, ASCII_ONLY_RATE) ? Noise.stripAccents(name) : name;
    return name.toUpperCase(Locale.ROOT);
  }

  private String memberPhone(SplittableRandom r, Person p, Store home) {
    return switch (Rng.weighted(r, STORE_PHONE_RATE, MISSING_PHONE_RATE, 1 - STORE_PHONE_RATE - MISSING_PHONE_RATE)) {
      case 0 -> digits(home.defaultPhone());
      case 1 -> "";
      default -> noise.phone(r, p.phone(), 0);
    };
  }

  private static String checkoutPhone(SplittableRandom r, Person p, Store home) {
    return Rng.chance(r, 0.7) ? digits(p.phone()) : digits(home.defaultPhone());
  }

  private Store store(SplittableRandom r, Store home) {
    return Rng.chance(r, HOME_STORE_RATE) ? home : Rng.pick(r, world.stores());
  }

  private void writeTransaction(PersonContext ctx, SplittableRandom r, int k, Store store, String loyaltyNo,
                                String phone, Instant day) {
    String txnId = Ids.txnId(ctx.seed(), ctx.person().index(), k);
    long cents = Math.round(Math.exp(1.2 + r.nextDouble() * 4.2) * 100);
    String[] row = {
        txnId,
        store.storeId(),
        Integer.toString(Rng.between(r, 1, 8)),
        loyaltyNo,
        phone,
        TXN_TS.format(duringStoreHours(r, day)),
        Money.ofCents(cents).toPlainString(),
        "USD",
        TENDERS[Rng.weighted(r, TENDER_WEIGHTS)],
        Integer.toString(Rng.skewed(r, 1, 15, 0.6))};
    if (transactions.write(row, ctx.defects())) {
      truth.event(TRANSACTIONS.name(), txnId, ctx.person());
    }
  }

  /** The same Chicago calendar day (a day earlier or later at the window's edges), between 09:00 and 20:59. */
  static ZonedDateTime duringStoreHours(SplittableRandom r, Instant day) {
    ZonedDateTime local = day.atZone(CHICAGO)
        .withHour(Rng.between(r, 9, 20)).withMinute(r.nextInt(60)).withSecond(r.nextInt(60));
    if (local.toInstant().isAfter(SimTime.END)) {
      return local.minusDays(1);
    }
    return local.toInstant().isBefore(SimTime.START) ? local.plusDays(1) : local;
  }

  /** The number as a POS keypad stores it: digits only. */
  private static String digits(Phone phone) {
    return PhoneFormats.format(phone, PhoneFormats.Style.DIGITS);
  }
}
