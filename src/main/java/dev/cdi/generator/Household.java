package dev.cdi.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A household: 1-5 persons sharing an address (and, if the household moved during the window, a previous address).
 *
 * @param householdId     id named after the first member
 * @param surname         the family surname most members carry
 * @param address         current address
 * @param previousAddress address before {@code movedAt}, or null
 * @param movedAt         moving date, or null
 * @param sharedEmail     family email used by the first two members, or null
 * @param twins           whether the last two members are twins
 * @param members         the members, in person-index order
 */
record Household(String householdId, String surname, Address address, Address previousAddress, Instant movedAt,
                 String sharedEmail, boolean twins, List<Member> members) {

  /** A member's role in the household. */
  enum Role { HEAD, PARTNER, CHILD, ROOMMATE }

  /**
   * The household-level facts about one member, decided by the block's random stream.
   *
   * @param personIndex     global person index
   * @param role            role in the household
   * @param gender          gender
   * @param birthDate       date of birth
   * @param presetGivenName given name fixed at household level (twins get distinct names), or null
   * @param ownSurname      surname when it differs from the household's, or null
   * @param maidenName      surname before a marriage during the window, or null
   * @param marriedAt       marriage date, or null
   */
  record Member(long personIndex, Role role, Gender gender, LocalDate birthDate, String presetGivenName,
                String ownSurname, String maidenName, Instant marriedAt) {
  }
}
