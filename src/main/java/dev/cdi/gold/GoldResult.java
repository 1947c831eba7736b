package dev.cdi.gold;

import dev.cdi.io.DeltaIO.RowChanges;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one {@code build-gold} run did.
 *
 * @param runId                the run
 * @param asOfDate             the date traits are computed as of (the newest event date in silver)
 * @param customers            rows of {@code gold/customer_360}
 * @param households           households with more than one customer
 * @param customersInHouseholds customers in those households
 * @param touchpoints          rows of {@code gold/journey}
 * @param sessions             distinct sessions in the journey
 * @param anonymousTouchpoints rows of {@code gold/anonymous_journey}
 * @param conversions          conversions credited in {@code gold/attribution}
 * @param topChannels          the journey's channels by touchpoints, most first (at most five)
 * @param changes              per gold table (as {@code layer.name}), what this run's write changed
 * @param seconds              elapsed time
 */
public record GoldResult(String runId, LocalDate asOfDate, long customers, long households,
                         long customersInHouseholds, long touchpoints, long sessions, long anonymousTouchpoints,
                         long conversions, List<ChannelCount> topChannels, Map<String, RowChanges> changes,
                         double seconds) {

  public GoldResult {
    topChannels = List.copyOf(topChannels);
    changes = Map.copyOf(changes);
  }

  /** A channel and its number of journey touchpoints. */
  public record ChannelCount(String channel, long touchpoints) {
  }
}
