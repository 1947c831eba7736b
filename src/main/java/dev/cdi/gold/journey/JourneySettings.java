package dev.cdi.gold.journey;

import java.io.Serializable;
import java.util.List;

/**
 * What the journey builder needs from the gold settings.
 *
 * @param sessionGapMinutes    a touchpoint more than this many minutes after the previous one starts a new session
 * @param stages               journey-stage rules
 * @param conversionEventTypes event types that are conversions
 */
public record JourneySettings(int sessionGapMinutes, StageRules stages, List<String> conversionEventTypes)
    implements Serializable {

  public JourneySettings {
    conversionEventTypes = List.copyOf(conversionEventTypes);
  }
}
