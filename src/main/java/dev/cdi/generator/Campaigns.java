package dev.cdi.generator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The marketing calendar: two email campaigns a month across the window, a newsletter on the 6th and a seasonal
 * promotion on the 20th. Their slugs double as {@code utm_campaign} values on web sessions and orders.
 */
final class Campaigns {

  /**
   * One campaign.
   *
   * @param id     {@code cmp_2403b}
   * @param name   human name
   * @param slug   utm_campaign value
   * @param sendAt send time
   */
  record Campaign(String id, String name, String slug, Instant sendAt) {
  }

  private static final String[] PROMOTIONS = {"Winter Clearance", "Valentine's Day Gifts", "Spring Sale",
      "Easter Weekend", "Mother's Day", "Summer Kickoff", "4th of July Sale", "Back to School", "Labor Day Deals",
      "Fall Collection", "Black Friday Early Access", "Holiday Gift Guide"};

  static final List<Campaign> ALL = build();

  private Campaigns() {
  }

  /** The latest campaign sent before {@code t}, or the first one. */
  static Campaign latestBefore(Instant t) {
    Campaign latest = ALL.get(0);
    for (Campaign c : ALL) {
      if (c.sendAt().isBefore(t)) {
        latest = c;
      }
    }
    return latest;
  }

  private static List<Campaign> build() {
    List<Campaign> campaigns = new ArrayList<>();
    for (YearMonth month = YearMonth.of(2024, 1); !month.isAfter(YearMonth.of(2025, 6)); month = month.plusMonths(1)) {
      String code = Ids.zeroPad(month.getYear() % 100, 2) + Ids.zeroPad(month.getMonthValue(), 2);
      String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
      String promotion = PROMOTIONS[month.getMonthValue() - 1];
      campaigns.add(new Campaign("cmp_" + code + "a", monthName + " " + month.getYear() + " Newsletter",
          "newsletter_" + month.getYear() + "_" + Ids.zeroPad(month.getMonthValue(), 2),
          sendTime(month, 6, 15)));
      campaigns.add(new Campaign("cmp_" + code + "b", promotion + " " + month.getYear(),
          slug(promotion) + "_" + month.getYear(), sendTime(month, 20, 16)));
    }
    return List.copyOf(campaigns);
  }

  private static Instant sendTime(YearMonth month, int day, int hourUtc) {
    return month.atDay(day).atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "_");
  }
}
