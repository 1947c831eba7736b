package dev.cdi.generator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The hidden truth about one simulated person: the clean, canonical values every source record is a noisy view of.
 *
 * @param index           global person index (0-based)
 * @param personId        {@code P0000001}-style id
 * @param householdId     household id
 * @param gender          gender
 * @param givenName       given name
 * @param middleName      middle name, empty when none
 * @param surname         current surname
 * @param maidenName      surname before {@code marriedAt}, or null
 * @param marriedAt       marriage date inside the window, or null
 * @param birthDate       date of birth
 * @param email           main email (possibly a family email shared with another member)
 * @param workEmail       secondary work email, or null
 * @param phone           main phone
 * @param address         current address
 * @param previousAddress address before {@code movedAt}, or null
 * @param movedAt         moving date inside the window, or null
 */
record Person(long index, String personId, String householdId, Gender gender, String givenName, String middleName,
              String surname, String maidenName, Instant marriedAt, LocalDate birthDate, String email,
              String workEmail, Phone phone, Address address, Address previousAddress, Instant movedAt) {

  /** The address the person lived at on {@code t}. */
  Address addressAt(Instant t) {
    return previousAddress != null && t.isBefore(movedAt) ? previousAddress : address;
  }

  /** The surname the person used on {@code t}. */
  String surnameAt(Instant t) {
    return maidenName != null && t.isBefore(marriedAt) ? maidenName : surname;
  }

  boolean hasMiddleName() {
    return !middleName.isEmpty();
  }
}
