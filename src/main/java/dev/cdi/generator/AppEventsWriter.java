package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code app_events}, the mobile app analytics export: JSON lines, {@code event_timestamp} in epoch
 * microseconds. App users have 1-2 devices (UUID device ids, iOS or Android), each with 1-4 sessions of 2-5 events.
 * Users who log in do so on a device with probability {@value #SESSION_LOGIN_RATE} per session until they have: the
 * {@code login} event carries {@code user_id} and {@code user_email} (which ties device, user id and email), and the
 * device's later events keep the {@code user_id}. One identity truth row is written per person with a user id that
 * appears on at least one readable event.
 */
final class AppEventsWriter implements SourceWriter {

  static final SourceSpec SPEC = SourceSpec.jsonl("app_events", List.of("event_id", "device_id", "platform",
      "app_version", "event_name", "event_timestamp", "user_id", "user_email", "screen"), "event_timestamp", "screen");
  static final double SESSION_LOGIN_RATE = 0.6;
  static final double PUSH_OPEN_RATE = 0.15;
  static final NoiseProfile NOISE = new NoiseProfile(0, 0, 0, 0, 0, 0.03, 0, 0, 0, 0);

  private static final String[] SCREENS = {"home", "search", "product", "cart", "account", "offers", "store_locator"};
  private static final String[] ACTIONS = {"screen_view", "add_to_cart", "purchase"};
  private static final double[] ACTION_WEIGHTS = {75, 17, 8};
  private static final String[] VERSIONS = {"4.8", "4.9", "5.0", "5.1", "5.2", "5.3"};

  /** One device and the login state it has reached. */
  private static final class Device {
    private final String id;
    private final String platform;
    private final int patch;
    private String userId;

    private Device(String id, String platform, int patch) {
      this.id = id;
      this.platform = platform;
      this.patch = patch;
    }
  }

  /** The state of emitting one person's events: the event ordinal and whether the user id reached the file. */
  private static final class Emission {
    private final PersonContext ctx;
    private final SplittableRandom r;
    private int ordinal;
    private boolean userIdWritten;

    private Emission(PersonContext ctx, SplittableRandom r) {
      this.ctx = ctx;
      this.r = r;
    }
  }

  private final JsonSourceFile file;
  private final TruthWriter truth;
  private final RecordNoise noise;

  AppEventsWriter(JsonSourceFile file, TruthWriter truth, ReferenceData ref) {
    this.file = file;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, ref);
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.APP);
    Emission emission = new Emission(ctx, r);
    for (int d = 0; d < ctx.footprint().appDevices(); d++) {
      String deviceId = Ids.uuid(ctx.seed(), 2, ctx.person().index() * 4 + d);
      Device device = new Device(deviceId, Rng.chance(r, 0.55) ? "ios" : "android", r.nextInt(4));
      Instant start = SimTime.uniform(r);
      int sessions = Rng.between(r, 1, 4);
      for (int s = 0; s < sessions && start.isBefore(SimTime.END); s++) {
        writeSession(emission, device, start);
        start = SimTime.plusUpTo(r, start, Duration.ofDays(30));
      }
    }
    if (emission.userIdWritten) {
      truth.identity(SPEC.name(), ctx.footprint().appUserId(), ctx.person());
    }
  }

  private void writeSession(Emission e, Device device, Instant start) {
    SplittableRandom r = e.r;
    String appUserId = e.ctx.footprint().appUserId();
    boolean login = appUserId != null && device.userId == null && Rng.chance(r, SESSION_LOGIN_RATE);
    int events = Rng.between(r, 2, 5) + (login ? 1 : 0);
    Instant t = start;
    boolean cart = false;
    for (int i = 0; i < events && !t.isAfter(SimTime.END); i++) {
      String name = i == 0 ? (Rng.chance(r, PUSH_OPEN_RATE) ? "push_open" : "app_open")
          : login && i == 1 ? "login" : action(r, cart);
      cart |= name.equals("add_to_cart");
      device.userId = name.equals("login") ? appUserId : device.userId;
      String email = name.equals("login") ? noise.email(r, e.ctx.person().email().toLowerCase(Locale.ROOT)) : null;
      writeEvent(e, device, name, t, email);
      t = t.plusMillis(r.nextLong(5_000, 180_000));
    }
  }

  private void writeEvent(Emission e, Device device, String name, Instant t, String email) {
    PersonContext ctx = e.ctx;
    SplittableRandom r = e.r;
    String eventId = Ids.uuid(ctx.seed(), 3, (ctx.person().index() << 12) | e.ordinal++);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event_id", eventId);
    json.put("device_id", device.id);
    json.put("platform", device.platform);
    json.put("app_version", version(t, device.patch));
    json.put("event_name", name);
    json.put("event_timestamp", t.toEpochMilli() * 1000 + r.nextInt(1000));
    json.put("user_id", device.userId);
    if (email != null) {
      json.put("user_email", email);
    }
    json.put("screen", screen(r, name));
    if (file.write(json, ctx.defects())) {
      truth.event(SPEC.name(), eventId, ctx.person());
      e.userIdWritten |= device.userId != null;
    }
  }

  private static String action(SplittableRandom r, boolean cart) {
    String action = ACTIONS[Rng.weighted(r, ACTION_WEIGHTS)];
    return action.equals("purchase") && !cart ? "screen_view" : action;
  }

  private static String screen(SplittableRandom r, String eventName) {
    return switch (eventName) {
      case "screen_view" -> Rng.pickOf(r, SCREENS);
      case "login" -> "account";
      case "add_to_cart" -> "product";
      case "purchase" -> "checkout";
      default -> null;
    };
  }

  /** A release every quarter: 4.8.x in early 2024 up to 5.3.x in mid 2025. */
  private static String version(Instant t, int patch) {
    var date = t.atOffset(ZoneOffset.UTC);
    int quarter = (date.getYear() - 2024) * 4 + (date.getMonthValue() - 1) / 3;
    return VERSIONS[Math.min(quarter, VERSIONS.length - 1)] + "." + patch;
  }
}
