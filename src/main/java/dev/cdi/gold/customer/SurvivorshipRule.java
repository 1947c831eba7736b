package dev.cdi.gold.customer;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How one golden attribute is chosen among a customer's identity records. Whatever the rule, ties go to the most
 * recently updated record, then the smallest record key, so the choice is deterministic.
 *
 * @param kind    the rule
 * @param sources for {@link Kind#SOURCE_PRIORITY}: sources in order of trust (unlisted sources come last); empty
 *                otherwise
 */
public record SurvivorshipRule(Kind kind, List<String> sources) implements Serializable {

  /** The rules a configuration can name. */
  public enum Kind {
    /** The record of the most trusted source. */
    SOURCE_PRIORITY,
    /** The most recently updated record ({@code updated_at}; unknown loses). */
    MOST_RECENT,
    /** The value most of the customer's records hold. */
    MOST_FREQUENT,
    /** The record with the most of the attribute's parts filled in (an address with street, city and postcode). */
    MOST_COMPLETE;

    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SurvivorshipRule {
    sources = List.copyOf(sources);
    if (kind == Kind.SOURCE_PRIORITY && sources.isEmpty()) {
      throw new IllegalArgumentException("rule source_priority needs a non-empty list of sources");
    }
    if (kind != Kind.SOURCE_PRIORITY && !sources.isEmpty()) {
      throw new IllegalArgumentException("sources are only allowed with rule source_priority, the rule is "
          + kind.configName());
    }
  }

  public static SurvivorshipRule mostRecent() {
    return new SurvivorshipRule(Kind.MOST_RECENT, List.of());
  }
}
