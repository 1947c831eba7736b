package dev.cdi.gold.customer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the customer-360 traits count, in terms of silver event types and attributes.
 *
 * @param emailSend        event type of an email sent
 * @param emailOpen        event type of an email opened
 * @param emailClick       event type of a click in an email
 * @param emailUnsubscribe event type of an unsubscribe
 * @param supportTicket    event type of a support ticket
 * @param statusAttribute  the raw event attribute holding a ticket's status
 * @param openStatuses     statuses of a ticket that is still open
 * @param rfm              score thresholds
 * @param currency         reporting currency and exchange rates for revenue
 */
public record TraitSettings(String emailSend, String emailOpen, String emailClick, String emailUnsubscribe,
                            String supportTicket, String statusAttribute, List<String> openStatuses, Rfm rfm,
                            Currency currency) implements Serializable {

  public TraitSettings {
    openStatuses = List.copyOf(openStatuses);
  }

  /**
   * RFM score thresholds, four ascending values each. Recency scores 5 for a last purchase at most
   * {@code recencyDays[0]} days before the as-of date down to 1 beyond {@code recencyDays[3]}; frequency and
   * monetary score 1 plus the number of thresholds the customer's orders (revenue) reach.
   */
  public record Rfm(List<Integer> recencyDays, List<Integer> orders, List<BigDecimal> revenue) implements Serializable {

    public Rfm {
      recencyDays = List.copyOf(recencyDays);
      orders = List.copyOf(orders);
      revenue = List.copyOf(revenue);
      requireFourAscending("gold.traits.rfm.recency_days", recencyDays);
      requireFourAscending("gold.traits.rfm.orders", orders);
      requireFourAscending("gold.traits.rfm.revenue", revenue);
    }

    private static <T extends Comparable<T>> void requireFourAscending(String key, List<T> values) {
      boolean ascending = values.size() == 4;
      for (int i = 1; ascending && i < values.size(); i++) {
        ascending = values.get(i - 1).compareTo(values.get(i)) < 0;
      }
      if (!ascending) {
        throw new IllegalArgumentException(key + " must be 4 strictly ascending numbers, got " + values);
      }
    }
  }

  /**
   * Revenue is reported in one currency: amounts in {@code reporting} (or without a currency) count as they are,
   * amounts in a currency of {@code rates} are multiplied by its rate, others are left out of revenue.
   */
  public record Currency(String reporting, Map<String, BigDecimal> rates) implements Serializable {

    public Currency {
      rates = Map.copyOf(rates);
      rates.forEach((code, rate) -> {
        if (rate.signum() <= 0) {
          throw new IllegalArgumentException("gold.traits.currency.rates." + code + " must be > 0, got " + rate);
        }
      });
    }
  }
}
