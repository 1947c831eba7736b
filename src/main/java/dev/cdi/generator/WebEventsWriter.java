package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code web_events}, the site analytics (Segment-like) export: JSON lines, timestamps UTC ISO-8601 with
 * milliseconds. Each active person has 1-3 cookies (devices), each with 1-3 sessions of 2-5 events a few minutes
 * apart. A session starts with a landing page view carrying the referrer and UTM parameters of its traffic source.
 * Cookies of account holders log in ({@value #LOGGING_COOKIE_RATE} of them, on {@value #SESSION_LOGIN_RATE} of their
 * sessions): the {@code login} event and the rest of the session carry the account id as {@code user_id}, which
 * links cookie and account; other cookies stay anonymous. About 8 events per person overall.
 */
final class WebEventsWriter implements SourceWriter {

  static final SourceSpec SPEC = SourceSpec.jsonl("web_events", List.of("event_id", "anonymous_id", "user_id",
      "event", "timestamp", "page_url", "referrer", "utm_source", "utm_medium", "utm_campaign", "user_agent"),
      "timestamp", "user_agent");
  static final double LOGGING_COOKIE_RATE = 0.65;
  static final double SESSION_LOGIN_RATE = 0.5;
  static final String SITE = "https://shop.example.com";

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String[] USER_AGENTS = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
      "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"};
  private static final String[] PAGES = {"/", "/sale", "/stores", "/help/returns", "/blog/gift-ideas", "/new"};
  private static final String[] SEARCHES = {"running+shoes", "rain+jacket", "gift+card", "coffee+maker", "tent",
      "headphones", "kids+toys", "sunscreen"};
  private static final String[] BROWSE_EVENTS = {"product_view", "page_view", "search", "add_to_cart", "checkout"};
  private static final double[] BROWSE_WEIGHTS = {40, 20, 15, 15, 10};
  private static final Landing NO_CAMPAIGN = new Landing(null, null, null, null);

  /** The cookie and device of a session, and the account it logs in to (or null). */
  private record Visit(String cookie, String userAgent, String loginUserId) {
  }

  /** Where a session's visitor came from: referrer and UTM parameters (all null for direct traffic). */
  private record Landing(String referrer, String source, String medium, String campaign) {
  }

  /** One tracked event of a session. */
  private record Hit(String event, Instant time, String userId, String url, String referrer, Landing utm) {
  }

  private final JsonSourceFile file;
  private final TruthWriter truth;

  WebEventsWriter(JsonSourceFile file, TruthWriter truth) {
    this.file = file;
    this.truth = truth;
  }

  @Override
  public void emit(PersonContext ctx) {
    SplittableRandom r = ctx.rng(RngStream.WEB);
    int ordinal = 0;
    for (int c = 0; c < ctx.footprint().webCookies(); c++) {
      String cookie = Ids.cookieId(ctx.seed(), ctx.person().index(), c);
      String userAgent = Rng.pickOf(r, USER_AGENTS);
      boolean logsIn = ctx.footprint().hasAccount() && Rng.chance(r, LOGGING_COOKIE_RATE);
      Instant start = SimTime.uniform(r);
      int sessions = Rng.between(r, 1, 3);
      for (int s = 0; s < sessions && start.isBefore(SimTime.END); s++) {
        String userId = logsIn && Rng.chance(r, SESSION_LOGIN_RATE) ? userId(r, ctx.footprint()) : null;
        ordinal = writeSession(ctx, r, new Visit(cookie, userAgent, userId), start, ordinal);
        start = SimTime.plusUpTo(r, start, Duration.ofDays(45));
      }
    }
  }

  private int writeSession(PersonContext ctx, SplittableRandom r, Visit visit, Instant start, int firstOrdinal) {
    Landing landing = landing(r, start);
    int events = Rng.between(r, 2, 5) + (visit.loginUserId() == null ? 0 : 1);
    int ordinal = firstOrdinal;
    Instant t = start;
    String referrer = landing.referrer();
    String userId = null;
    boolean cart = false;
    for (int i = 0; i < events && !t.isAfter(SimTime.END); i++) {
      String event = i == 0 ? "page_view" : i == 1 && visit.loginUserId() != null ? "login" : browse(r, cart);
      cart |= event.equals("add_to_cart");
      userId = event.equals("login") ? visit.loginUserId() : userId;
      Landing utm = i == 0 ? landing : NO_CAMPAIGN;
      Hit hit = new Hit(event, t, userId, url(r, event, utm), referrer, utm);
      write(ctx, json(ctx, ordinal++, visit, hit));
      referrer = hit.url();
      t = t.plusMillis(r.nextLong(20_000, 360_000));
    }
    return ordinal;
  }

  private static Map<String, Object> json(PersonContext ctx, int ordinal, Visit visit, Hit hit) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event_id", Ids.uuid(ctx.seed(), 1, (ctx.person().index() << 12) | ordinal));
    json.put("anonymous_id", visit.cookie());
    json.put("user_id", hit.userId());
    json.put("event", hit.event());
    json.put("timestamp", ISO_MILLIS.format(hit.time()));
    json.put("page_url", hit.url());
    json.put("referrer", hit.referrer());
    json.put("utm_source", hit.utm().source());
    json.put("utm_medium", hit.utm().medium());
    json.put("utm_campaign", hit.utm().campaign());
    json.put("user_agent", visit.userAgent());
    return json;
  }

  private void write(PersonContext ctx, Map<String, Object> json) {
    String eventId = (String) json.get("event_id");
    if (file.write(json, ctx.defects())) {
      truth.event(SPEC.name(), eventId, ctx.person());
    }
  }

  private static String userId(SplittableRandom r, Footprint footprint) {
    List<Footprint.Account> accounts = footprint.accounts();
    Footprint.Account account = accounts.size() > 1 && Rng.chance(r, 0.3) ? accounts.get(1) : accounts.get(0);
    return Long.toString(account.accountId());
  }

  private static String browse(SplittableRandom r, boolean cart) {
    String event = BROWSE_EVENTS[Rng.weighted(r, BROWSE_WEIGHTS)];
    return event.equals("checkout") && !cart ? "product_view" : event;
  }

  private static String url(SplittableRandom r, String event, Landing landing) {
    String url = switch (event) {
      case "product_view" -> {
        Catalog.Product product = Catalog.random(r);
        yield SITE + "/p/" + product.slug() + "-" + product.sku().toLowerCase(Locale.ROOT);
      }
      case "search" -> SITE + "/search?q=" + Rng.pickOf(r, SEARCHES);
      case "add_to_cart" -> SITE + "/cart";
      case "login" -> SITE + "/account/login";
      case "checkout" -> SITE + "/checkout";
      default -> SITE + (Rng.chance(r, 0.3) ? "/c/" + Rng.pick(r, Catalog.CATEGORIES) : Rng.pickOf(r, PAGES));
    };
    if (landing.source() == null) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "utm_source=" + landing.source() + "&utm_medium="
        + landing.medium() + "&utm_campaign=" + landing.campaign();
  }

  private static Landing landing(SplittableRandom r, Instant start) {
    String campaign = Campaigns.latestBefore(start).slug();
    return switch (Rng.weighted(r, 30, 25, 12, 12, 15, 6)) {
      case 0 -> NO_CAMPAIGN;
      case 1 -> new Landing("https://www.google.com/", null, null, null);
      case 2 -> new Landing("https://www.google.com/", "google", "cpc", Rng.pickOf(r, "brand_search", "shopping_ads"));
      case 3 -> Rng.chance(r, 0.6)
          ? new Landing("https://l.facebook.com/", "facebook", "paid_social", campaign)
          : new Landing("https://l.instagram.com/", "instagram", "paid_social", campaign);
      case 4 -> new Landing(Rng.chance(r, 0.5) ? "https://mail.google.com/" : null, "newsletter", "email", campaign);
      default -> new Landing(Rng.pickOf(r, "https://www.reddit.com/", "https://www.bing.com/"), null, null, null);
    };
  }
}
