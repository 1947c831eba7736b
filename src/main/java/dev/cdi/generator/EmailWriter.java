package dev.cdi.generator;

import dev.cdi.generator.Campaigns.Campaign;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the email service provider's exports, comma CSV with headers, times in Europe/London:
 * {@code email_subscribers} (identity records, {@code subscribed_on} as {@code dd/MM/yyyy HH:mm}) and
 * {@code email_events} (events, {@code event_time} as {@code dd/MM/yyyy HH:mm:ss}).
 *
 * <p>Subscribers sign up with their email (a work email {@value #WORK_EMAIL_RATE} when they have one); first name
 * present {@value #FIRST_NAME_RATE}, last name {@value #LAST_NAME_RATE}, ZIP {@value #ZIP_RATE}; status subscribed,
 * unsubscribed or cleaned (weights {@link #STATUS_WEIGHTS}). Each campaign sent after sign-up reaches a subscriber
 * with probability {@value #SEND_RATE}; {@value #OPEN_RATE} of sends are opened, {@value #CLICK_RATE} of opens
 * clicked. Unsubscribed subscribers end with an unsubscribe event, cleaned ones with a bounce.
 */
final class EmailWriter implements SourceWriter {

  static final SourceSpec SUBSCRIBERS = SourceSpec.csv("email_subscribers", ',', List.of("subscriber_id",
      "email_address", "first_name", "last_name", "zip", "subscribed_on", "status"), "subscribed_on", "first_name");
  static final SourceSpec EVENTS = SourceSpec.csv("email_events", ',', List.of("event_id", "subscriber_id",
      "email_address", "campaign_id", "campaign_name", "event_type", "event_time", "link_url"), "event_time",
      "campaign_name");
  static final NoiseProfile NOISE = new NoiseProfile(0.02, 0.10, 0.05, 0.02, 0.05, 0.05, 0, 0, 0.004, 0);
  static final double WORK_EMAIL_RATE = 0.10;
  static final double FIRST_NAME_RATE = 0.7;
  static final double LAST_NAME_RATE = 0.6;
  static final double ZIP_RATE = 0.5;
  static final double[] STATUS_WEIGHTS = {80, 14, 6};
  static final double SEND_RATE = 0.25;
  static final double OPEN_RATE = 0.30;
  static final double CLICK_RATE = 0.15;

  private static final String[] STATUSES = {"subscribed", "unsubscribed", "cleaned"};
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter SUBSCRIBED_ON =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(LONDON);
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT).withZone(LONDON);

  /** The subscriber whose events are being written. */
  private record Subscriber(String id, String email, String status) {
  }

  private final CsvSourceFile subscribers;
  private final CsvSourceFile events;
  private final TruthWriter truth;
  private final RecordNoise noise;

  EmailWriter(CsvSourceFile subscribers, CsvSourceFile events, TruthWriter truth, ReferenceData ref) {
    this.subscribers = subscribers;
    this.events = events;
    this.truth = truth;
    this.noise = new RecordNoise(NOISE, ref);
  }

  @Override
  public void emit(PersonContext ctx) {
    if (!ctx.footprint().emailSubscriber()) {
      return;
    }
    SplittableRandom r = ctx.rng(RngStream.EMAIL);
    Person p = ctx.person();
    Instant subscribedOn = SimTime.earlyBiased(r);
    boolean work = p.workEmail() != null && Rng.chance(r, WORK_EMAIL_RATE);
    Subscriber subscriber = new Subscriber(Ids.subscriberId(ctx.seed(), p.index()),
        noise.email(r, work ? p.workEmail() : p.email()), STATUSES[Rng.weighted(r, STATUS_WEIGHTS)]);
    String[] row = {
        subscriber.id(),
        subscriber.email(),
        Rng.chance(r, FIRST_NAME_RATE) ? noise.givenName(r, p.givenName()) : "",
        Rng.chance(r, LAST_NAME_RATE) ? noise.name(r, p.surnameAt(subscribedOn)) : "",
        Rng.chance(r, ZIP_RATE) ? p.addressAt(subscribedOn).zip() : "",
        SUBSCRIBED_ON.format(subscribedOn),
        subscriber.status()};
    if (subscribers.write(row, ctx.defects())) {
      truth.identity(SUBSCRIBERS.name(), subscriber.id(), p);
    }
    writeEvents(ctx, r, subscriber, received(r, subscribedOn));
  }

  private static List<Campaign> received(SplittableRandom r, Instant subscribedOn) {
    List<Campaign> received = new ArrayList<>();
    for (Campaign c : Campaigns.ALL) {
      if (c.sendAt().isAfter(subscribedOn) && Rng.chance(r, SEND_RATE)) {
        received.add(c);
      }
    }
    return received;
  }

  private void writeEvents(PersonContext ctx, SplittableRandom r, Subscriber s, List<Campaign> received) {
    boolean subscribed = s.status().equals("subscribed");
    int lastSend = subscribed || received.isEmpty() ? -1 : r.nextInt(received.size());
    int ordinal = 0;
    for (int i = 0; i < received.size(); i++) {
      Campaign c = received.get(i);
      Instant sent = c.sendAt().plusSeconds(r.nextInt(1800));
      writeEvent(ctx, s, ordinal++, c, "send", sent, "");
      if (i == lastSend && s.status().equals("cleaned")) {
        writeEvent(ctx, s, ordinal++, c, "bounce", sent.plusSeconds(Rng.between(r, 1, 120)), "");
        return;
      }
      Instant last = sent;
      if (Rng.chance(r, OPEN_RATE)) {
        last = SimTime.plusUpTo(r, sent, Duration.ofDays(3));
        writeEvent(ctx, s, ordinal++, c, "open", last, "");
        if (Rng.chance(r, CLICK_RATE)) {
          last = SimTime.plusUpTo(r, last, Duration.ofMinutes(10));
          writeEvent(ctx, s, ordinal++, c, "click", last, link(r, c));
        }
      }
      if (i == lastSend) {
        writeEvent(ctx, s, ordinal, c, "unsubscribe", SimTime.plusUpTo(r, last, Duration.ofHours(6)), "");
        return;
      }
    }
  }

  private void writeEvent(PersonContext ctx, Subscriber s, int ordinal, Campaign c, String type, Instant t,
                          String link) {
    String eventId = Ids.emailEventId(ctx.seed(), ctx.person().index(), ordinal);
    String[] row = {eventId, s.id(), s.email(), c.id(), c.name(), type, EVENT_TIME.format(t), link};
    if (events.write(row, ctx.defects())) {
      truth.event(EVENTS.name(), eventId, ctx.person());
    }
  }

  private static String link(SplittableRandom r, Campaign c) {
    String page = Rng.chance(r, 0.5) ? "/sale" : "/c/" + Rng.pick(r, Catalog.CATEGORIES);
    return WebEventsWriter.SITE + page + "?utm_source=newsletter&utm_medium=email&utm_campaign=" + c.slug();
  }
}
