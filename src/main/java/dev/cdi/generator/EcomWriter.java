package dev.cdi.generator;

import dev.cdi.generator.Footprint.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the web shop's exports, both JSON lines: {@code ecom_accounts} (identity records, times as UTC ISO-8601
 * seconds) and {@code ecom_orders} (events, {@code placed_at} in epoch milliseconds).
 *
 * <p>Accounts: phone null {@value #NULL_PHONE_RATE}, birth date present {@value #BIRTH_DATE_RATE}, shipping address
 * null {@value #NULL_ADDRESS_RATE} (else the address at the last update), marketing consent
 * {@value #CONSENT_RATE}; value noise per {@link #NOISE}. Orders: each account places 0-8 (none with probability
 * {@value #NO_ORDER_RATE}, then geometric), {@value #GUEST_CHECKOUT_RATE} of account holders' orders are guest
 * checkouts, guest shoppers place 1-2 guest orders; currency USD, some CAD and EUR; status completed, refunded or
 * cancelled; utm_campaign on {@value #UTM_RATE} of orders.
 */
final class EcomWriter implements SourceWriter {

  static final SourceSpec ACCOUNTS = SourceSpec.jsonl("ecom_accounts", List.of("account_id", "email", "first_name",
      "last_name", "phone", "birth_date", "shipping_address", "created_at", "updated_at", "marketing_consent"),
      "created_at", "first_name");
  static final SourceSpec ORDERS = SourceSpec.jsonl("ecom_orders", List.of("order_id", "account_id", "guest_email",
      "placed_at", "currency", "total", "status", "items", "utm_campaign"), "placed_at", "utm_campaign");
  static final NoiseProfile NOISE = new NoiseProfile(0.015, 0.12, 0.04, 0.02, 0.05, 0.03, 0.2, 0.01, 0.0, 0.003);
  static final double NULL_PHONE_RATE = 0.4;
  static final double BIRTH_DATE_RATE = 0.3;
  static final double NULL_ADDRESS_RATE = 0.05;
  static final double CONSENT_RATE = 0.55;
  static final double NO_ORDER_RATE = 0.25;
  static final double GUEST_CHECKOUT_RATE = 0.04;
  static final double UTM_RATE = 0.3;
  static final int MAX_ORDERS_PER_ACCOUNT = 8;

  private static final String[] CURRENCIES = {"USD", "CAD", "EUR"};
  private static final double[] CURRENCY_WEIGHTS = {96, 3, 1};
  private static final String[] STATUSES = {"completed", "refunded", "cancelled"};
  private static final double[] STATUS_WEIGHTS = {88, 7, 5};
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final JsonSourceFile accounts;
  private final JsonSourceFile orders;
  private final TruthWriter truth;
  private final RecordNoise noise;

  EcomWriter(JsonSourceFile accounts, JsonSourceFile orders, TruthWriter truth, ReferenceData ref) {
    this.accounts = accounts;
    this.orders = orders;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, ref);
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.ECOM);
    int orderOrdinal = 0;
    for (Account account : ctx.footprint().accounts()) {
      writeAccount(ctx, r, account);
      int count = Rng.chance(r, NO_ORDER_RATE) ? 0 : Rng.skewed(r, 1, MAX_ORDERS_PER_ACCOUNT, 0.5);
      for (int i = 0; i < count; i++) {
        Instant placed = SimTime.between(r, account.createdAt(), SimTime.END);
        boolean guest = Rng.chance(r, GUEST_CHECKOUT_RATE);
        writeOrder(ctx, r, orderOrdinal++, guest ? null : account.accountId(), guest ? account.email() : null, placed);
      }
    }
    if (ctx.footprint().guestShopper()) {
      int count = Rng.between(r, 1, 2);
      for (int i = 0; i < count; i++) {
        writeOrder(ctx, r, orderOrdinal++, null, noise.email(r, ctx.person().email()), SimTime.uniform(r));
      }
    }
  }

  private void writeAccount(PersonContext ctx, SplittableRandom r, Account account) {
    Person p = ctx.person();
    Instant updated = SimTime.plusUpTo(r, account.createdAt(), Duration.ofDays(200));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_id", account.accountId());
    json.put("email", noise.email(r, account.email()));
    json.put("first_name", noise.givenName(r, p.givenName()));
    json.put("last_name", noise.name(r, p.surnameAt(account.createdAt())));
    json.put("phone", Rng.chance(r, NULL_PHONE_RATE) ? null : phone(r, p.phone()));
    json.put("birth_date", Rng.chance(r, BIRTH_DATE_RATE) ? p.birthDate().toString() : null);
    json.put("shipping_address", Rng.chance(r, NULL_ADDRESS_RATE) ? null : address(r, p.addressAt(updated)));
    json.put("created_at", ISO_SECONDS.format(account.createdAt()));
    json.put("updated_at", ISO_SECONDS.format(updated));
    json.put("marketing_consent", Rng.chance(r, CONSENT_RATE));
    if (accounts.write(json, ctx.defects())) {
      truth.identity(ACCOUNTS.name(), Long.toString(account.accountId()), p);
    }
  }

  private String phone(SplittableRandom r, Phone phone) {
    if (Rng.chance(r, NOISE.hubPhone())) {
      return Rng.pickOf(r, PhoneFormats.HUB_PHONES);
    }
    return Rng.chance(r, 0.5) ? phone.e164() : PhoneFormats.random(r, phone, 0);
  }

  private Map<String, Object> address(SplittableRandom r, Address address) {
    AddressFormats.Lines lines = noise.address(r, address);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line1", lines.line1());
    json.put("line2", lines.line2().isEmpty() ? null : lines.line2());
    json.put("city", lines.city());
    json.put("region", lines.state());
    json.put("postal_code", lines.zip());
    json.put("country", "US");
    return json;
  }

  private void writeOrder(PersonContext ctx, SplittableRandom r, int ordinal, Long accountId, String guestEmail,
                          Instant placed) {
    String orderId = Ids.orderId(ctx.seed(), ctx.person().index(), ordinal);
    List<Map<String, Object>> items = new ArrayList<>();
    long totalCents = 0;
    int lines = Rng.skewed(r, 1, 4, 0.35);
    for (int i = 0; i < lines; i++) {
      Catalog.Product product = Catalog.random(r);
      int qty = Rng.skewed(r, 1, 3, 0.2);
      totalCents += qty * product.priceCents();
      items.add(item(product, qty));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("order_id", orderId);
    json.put("account_id", accountId);
    if (guestEmail != null) {
      json.put("guest_email", guestEmail);
    }
    json.put("placed_at", placed.toEpochMilli());
    json.put("currency", CURRENCIES[Rng.weighted(r, CURRENCY_WEIGHTS)]);
    json.put("total", Money.ofCents(totalCents));
    json.put("status", STATUSES[Rng.weighted(r, STATUS_WEIGHTS)]);
    json.put("items", items);
    json.put("utm_campaign", Rng.chance(r, UTM_RATE) ? Campaigns.latestBefore(placed).slug() : null);
    if (orders.write(json, ctx.defects())) {
      truth.event(ORDERS.name(), orderId, ctx.person());
    }
  }

  private static Map<String, Object> item(Catalog.Product product, int qty) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("sku", product.sku());
    item.put("qty", qty);
    item.put("unit_price", Money.ofCents(product.priceCents()));
    return item;
  }
}
