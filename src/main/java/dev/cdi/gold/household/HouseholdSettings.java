package dev.cdi.gold.household;

import java.io.Serializable;
import java.util.List;

/**
 * Household grouping.
 *
 * @param identifierColumns silver identity columns whose shared values tie customers into one household (a
 *                          family email, a home phone), besides a shared address with a shared family name
 * @param maxMembers        a value (or address and family name) shared by more customers than this is not
 *                          household evidence (a store's phone, an apartment block)
 */
public record HouseholdSettings(List<String> identifierColumns, int maxMembers) implements Serializable {

  public HouseholdSettings {
    identifierColumns = List.copyOf(identifierColumns);
    if (maxMembers < 2) {
      throw new IllegalArgumentException("gold.households.max_members must be >= 2, got " + maxMembers);
    }
  }
}
