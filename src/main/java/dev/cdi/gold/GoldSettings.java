package dev.cdi.gold;

import dev.cdi.gold.attribution.AttributionSettings;
import dev.cdi.gold.customer.SurvivorshipAttribute;
import dev.cdi.gold.customer.SurvivorshipRule;
import dev.cdi.gold.customer.TraitSettings;
import dev.cdi.gold.household.HouseholdSettings;
import dev.cdi.gold.journey.JourneySettings;
import dev.cdi.gold.journey.StageRules;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code gold} section of the pipeline configuration.
 *
 * @param survivorship      the rule choosing each golden attribute (attributes not configured: most recent)
 * @param sessionGapMinutes a touchpoint more than this many minutes after the previous one starts a new session
 * @param stages            journey-stage rules
 * @param attribution       conversions, lookback window and model parameters
 * @param traits            what the customer traits count
 * @param households        household grouping
 */
public record GoldSettings(Map<SurvivorshipAttribute, SurvivorshipRule> survivorship, int sessionGapMinutes,
                           StageRules stages, AttributionSettings attribution, TraitSettings traits,
                           HouseholdSettings households) implements Serializable {

  public static final int DEFAULT_SESSION_GAP_MINUTES = 30;

  public GoldSettings {
    EnumMap<SurvivorshipAttribute, SurvivorshipRule> all = new EnumMap<>(SurvivorshipAttribute.class);
    for (SurvivorshipAttribute attribute : SurvivorshipAttribute.values()) {
      all.put(attribute, survivorship.getOrDefault(attribute, SurvivorshipRule.mostRecent()));
    }
    survivorship = Collections.unmodifiableMap(all);
    if (sessionGapMinutes <= 0) {
      throw new IllegalArgumentException("gold.session_gap_minutes must be > 0, got " + sessionGapMinutes);
    }
  }

  /** The journey builder's view of these settings. */
  public JourneySettings journey() {
    return new JourneySettings(sessionGapMinutes, stages, attribution.conversionEventTypes());
  }
}
