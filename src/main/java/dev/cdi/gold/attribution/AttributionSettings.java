package dev.cdi.gold.attribution;

import java.io.Serializable;
import java.util.List;

/**
 * Multi-touch attribution.
 *
 * @param conversionEventTypes event types that are conversions (orders, POS sales)
 * @param lookbackDays         touchpoints at most this many days before a conversion share its credit
 * @param halfLifeDays         time decay: a touchpoint this many days older than another gets half its weight
 * @param firstShare           position-based share of the first touchpoint
 * @param middleShare          position-based share split evenly among the touchpoints between first and last
 * @param lastShare            position-based share of the last touchpoint
 */
public record AttributionSettings(List<String> conversionEventTypes, int lookbackDays, double halfLifeDays,
                                  double firstShare, double middleShare, double lastShare) implements Serializable {

  public AttributionSettings {
    conversionEventTypes = List.copyOf(conversionEventTypes);
    if (conversionEventTypes.isEmpty()) {
      throw new IllegalArgumentException("gold.attribution.conversion_event_types must list at least one event type");
    }
    if (lookbackDays <= 0) {
      throw new IllegalArgumentException("gold.attribution.lookback_days must be > 0, got " + lookbackDays);
    }
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException("gold.attribution.time_decay_half_life_days must be > 0, got "
          + halfLifeDays);
    }
    if (firstShare < 0 || middleShare < 0 || lastShare < 0 || firstShare + lastShare <= 0
        || Math.abs(firstShare + middleShare + lastShare - 1.0) > 1e-9) {
      throw new IllegalArgumentException("gold.attribution.position_based shares must be >= 0 and sum to 1"
          + " (first + last > 0), got first " + firstShare + ", middle " + middleShare + ", last " + lastShare);
    }
  }
}
