package dev.cdi.gold.journey;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One journey-stage rule: a touchpoint matches when its event type is listed (or none are), its channel is listed
 * (or none are), and, with {@code afterFirstPurchase}, it comes after the first conversion of its customer.
 *
 * @param stage              awareness, consideration, purchase, service or retention
 * @param eventTypes         silver event types, or empty for any
 * @param channels           silver channels, or empty for any
 * @param afterFirstPurchase whether only touchpoints after the first conversion match
 */
public record StageRule(String stage, List<String> eventTypes, List<String> channels, boolean afterFirstPurchase)
    implements Serializable {

  /** The stages a rule may assign. */
  public static final Set<String> STAGES = Set.of("awareness", "consideration", "purchase", "service", "retention");

  public StageRule {
    eventTypes = List.copyOf(eventTypes);
    channels = List.copyOf(channels);
    requireStage(stage);
    if (eventTypes.isEmpty() && channels.isEmpty() && !afterFirstPurchase) {
      throw new IllegalArgumentException("gold.journey_stages rule for '" + stage + "' must list event_types or"
          + " channels, or set after_first_purchase");
    }
  }

  static void requireStage(String stage) {
    if (!STAGES.contains(stage)) {
      throw new IllegalArgumentException("gold.journey_stages stage must be one of " + new TreeSet<>(STAGES)
          + ", got '" + stage + "'");
    }
  }
}
