package dev.cdi.identity.link;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Deterministic linking on strong identifiers (identity section {@code identifiers}, {@code blocked_values},
 * {@code hubs}).
 *
 * @param identifiers the identifier columns; records sharing a value of one are linked
 * @param hubs        when a shared value is too common to mean one person
 */
public record IdentifierLinkSettings(List<Identifier> identifiers, HubRule hubs) implements Serializable {

  public IdentifierLinkSettings {
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(hubs, "hubs");
  }

  /** Blocked values by identity column (for tying events through the same columns). */
  public Map<String, Set<String>> blockedByColumn() {
    Map<String, Set<String>> out = new HashMap<>();
    identifiers.forEach(i -> out.put(i.column(), i.blocked()));
    return out;
  }

  /**
   * One strong identifier.
   *
   * @param name    its name in links and reports (email, phone, loyalty)
   * @param column  the silver identity column that holds it
   * @param blocked placeholder values never used for linking, as they appear in the column
   */
  public record Identifier(String name, String column, Set<String> blocked) implements Serializable {
    public Identifier {
      blocked = Set.copyOf(blocked);
    }
  }

  /**
   * A value shared by records with more than {@code maxDistinctNames} distinct values of {@code nameColumn}
   * ("people-looking" records: a store's phone, a typed placeholder), or by more than {@code maxRecords} records,
   * is a hub: it is not used for linking, and it is reported.
   */
  public record HubRule(String nameColumn, int maxDistinctNames, int maxRecords) implements Serializable {
    public HubRule {
      if (maxDistinctNames < 1) {
        throw new IllegalArgumentException("hubs.max_distinct_names must be >= 1, got " + maxDistinctNames);
      }
      if (maxRecords < 2) {
        throw new IllegalArgumentException("hubs.max_records must be >= 2, got " + maxRecords);
      }
    }
  }
}
