package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code support_tickets}, the help desk's (Zendesk-like) export: JSON lines, times ISO-8601 with the offset
 * of the handling agent's time zone (it varies per ticket and with daylight saving). Each ticket is both an identity
 * record (the requester) and an event. The requester's name is typed in many ways ("Bob Smith", "smith, robert",
 * "ROBERT SMITH", first name only); email missing on {@value #PHONE_CHANNEL_NO_EMAIL_RATE} of phone tickets, phone
 * present on {@value #PHONE_CHANNEL_PHONE_RATE} of phone tickets and {@value #OTHER_CHANNEL_PHONE_RATE} of the
 * others; value noise per {@link #NOISE}.
 */
final class SupportTicketsWriter implements SourceWriter {

  static final SourceSpec SPEC = SourceSpec.jsonl("support_tickets", List.of("ticket_id", "created", "updated",
      "channel", "status", "priority", "subject", "requester"), "created", "subject");
  static final NoiseProfile NOISE = new NoiseProfile(0.03, 0.15, 0.0, 0.03, 0.05, 0.04, 0, 0, 0.003, 0.003);
  static final double PHONE_CHANNEL_NO_EMAIL_RATE = 0.6;
  static final double PHONE_CHANNEL_PHONE_RATE = 0.9;
  static final double OTHER_CHANNEL_PHONE_RATE = 0.2;
  static final double WORK_EMAIL_RATE = 0.1;

  private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final List<ZoneId> AGENT_ZONES = List.of(ZoneId.of("America/Los_Angeles"),
      ZoneId.of("America/Denver"), ZoneId.of("America/Chicago"), ZoneId.of("America/New_York"),
      ZoneId.of("Europe/London"), ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Manila"));
  private static final String[] CHANNELS = {"email", "phone", "chat", "web"};
  private static final double[] CHANNEL_WEIGHTS = {40, 20, 25, 15};
  private static final String[] STATUSES = {"new", "open", "pending", "solved", "closed"};
  private static final double[] STATUS_WEIGHTS = {5, 15, 10, 45, 25};
  private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
  private static final double[] PRIORITY_WEIGHTS = {30, 50, 15, 5};
  private static final String[] SUBJECTS = {"Where is my order?", "Refund request", "Unable to log in",
      "Change shipping address", "Damaged item received", "Loyalty points missing", "Unsubscribe me please",
      "Question about sizing", "Promo code not working", "Update my email address", "Charged twice",
      "Return label request", "App keeps crashing", "Store pickup question"};

  private final JsonSourceFile file;
  private final TruthWriter truth;
  private final RecordNoise noise;

  SupportTicketsWriter(JsonSourceFile file, TruthWriter truth, ReferenceData ref) {
    this.file = file;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, ref);
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.SUPPORT);
    for (int k = 0; k < ctx.footprint().supportTickets(); k++) {
      writeTicket(ctx, r, Ids.ticketId(ctx.person().index(), k));
    }
  }

  private void writeTicket(PersonContext ctx, SplittableRandom r, long ticketId) {
    ZoneId zone = Rng.pick(r, AGENT_ZONES);
    Instant created = SimTime.uniform(r);
    String channel = CHANNELS[Rng.weighted(r, CHANNEL_WEIGHTS)];
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ticket_id", ticketId);
    json.put("created", ISO_OFFSET.format(created.atZone(zone)));
    json.put("updated", ISO_OFFSET.format(SimTime.plusUpTo(r, created, Duration.ofDays(10)).atZone(zone)));
    json.put("channel", channel);
    json.put("status", STATUSES[Rng.weighted(r, STATUS_WEIGHTS)]);
    json.put("priority", PRIORITIES[Rng.weighted(r, PRIORITY_WEIGHTS)]);
    json.put("subject", Rng.pickOf(r, SUBJECTS));
    json.put("requester", requester(r, ctx.person(), channel.equals("phone")));
    if (file.write(json, ctx.defects())) {
      String id = Long.toString(ticketId);
      truth.identity(SPEC.name(), id, ctx.person());
      truth.event(SPEC.name(), id, ctx.person());
    }
  }

  private Map<String, Object> requester(SplittableRandom r, Person p, boolean phoneChannel) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", requesterName(r, p));
    boolean email = !phoneChannel || !Rng.chance(r, PHONE_CHANNEL_NO_EMAIL_RATE);
    boolean work = p.workEmail() != null && Rng.chance(r, WORK_EMAIL_RATE);
    json.put("email", email ? noise.email(r, work ? p.workEmail() : p.email()) : null);
    boolean phone = Rng.chance(r, phoneChannel ? PHONE_CHANNEL_PHONE_RATE : OTHER_CHANNEL_PHONE_RATE);
    json.put("phone", phone ? noise.phone(r, p.phone(), 0.02) : null);
    return json;
  }

  /** "Bob Smith", "smith, robert", "ROBERT SMITH", "Robert J. Smith", "robert smith" or just "Robert". */
  private String requesterName(SplittableRandom r, Person p) {
    String given = noise.givenName(r, p.givenName());
    String surname = noise.name(r, p.surname());
    return switch (Rng.weighted(r, 45, 15, 10, 10, 10, 10)) {
      case 0 -> given + " " + surname;
      case 1 -> (surname + ", " + given).toLowerCase(Locale.ROOT);
      case 2 -> (given + " " + surname).toUpperCase(Locale.ROOT);
      case 3 -> given;
      case 4 -> p.hasMiddleName() ? given + " " + p.middleName().charAt(0) + ". " + surname : given + " " + surname;
      default -> (given + " " + surname).toLowerCase(Locale.ROOT);
    };
  }
}
