package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void personAndHouseholdIdsAreZeroPadded() {
    assertEquals("P0000001", Ids.personId(0));
    assertEquals("P1234568", Ids.personId(1_234_567));
    assertEquals("P12345678", Ids.personId(12_345_677));
    assertEquals("H0000009", Ids.householdId(8));
  }

  @Test
  void crmContactIdsLookLikeSalesforceAndAreUnique() {
    assertUnique(key -> Ids.crmContactId(42, key / 2, (int) (key % 2)), 200_000);
    String id = Ids.crmContactId(42, 7, 1);
    assertTrue(id.matches("003[0-9A-Za-z]{15}"), id);
  }

  @Test
  void orderAndTransactionIdsAreUniqueAndFixedWidth() {
    assertUnique(key -> Ids.orderId(42, key / 32, (int) (key % 32)), 300_000);
    assertUnique(key -> Ids.txnId(42, key / 32, (int) (key % 32)), 300_000);
    assertTrue(Ids.orderId(42, 5, 3).matches("ORD-\\d{10}"));
    assertTrue(Ids.txnId(42, 5, 3).matches("\\d{12}"));
  }

  @Test
  void hexAndUuidIdsAreUnique() {
    assertUnique(key -> Ids.subscriberId(1, key), 200_000);
    assertUnique(key -> Ids.emailEventId(1, key >> 12, (int) (key & 4095)), 200_000);
    assertUnique(key -> Ids.cookieId(1, key >> 2, (int) (key & 3)), 200_000);
    assertUnique(key -> Ids.uuid(1, 1, key), 200_000);
    UUID uuid = UUID.fromString(Ids.uuid(1, 2, 99));
    assertEquals(4, uuid.version());
    assertEquals(2, uuid.variant());
  }

  @Test
  void loyaltyNumbersPassTheLuhnCheck() {
    for (long i = 0; i < 1000; i++) {
      String number = Ids.loyaltyNo(i);
      assertEquals(12, number.length());
      assertEquals(number.charAt(11) - '0', Ids.luhnDigit(number.substring(0, 11)));
    }
    assertEquals(0, Ids.luhnDigit("7992739871") - 3);
  }

  @Test
  void permuteIsABijectionOnItsRange() {
    for (long modulus : new long[] {7, 100, 1000, 7_850_000}) {
      int n = (int) Math.min(modulus, 100_000);
      Set<Long> seen = new HashSet<>();
      for (long key = 0; key < n; key++) {
        long value = Ids.permute(key, modulus, 9);
        assertTrue(value >= 0 && value < modulus);
        assertTrue(seen.add(value));
      }
    }
  }

  @Test
  void mix62IsABijectionOnSmallSamples() {
    Set<Long> seen = new HashSet<>();
    for (long key = 0; key < 100_000; key++) {
      long value = Ids.mix62(key);
      assertTrue(value >= 0 && value < (1L << 62));
      assertTrue(seen.add(value));
    }
  }

  private static void assertUnique(LongFunction<String> id, int n) {
    Set<String> seen = new HashSet<>();
    for (long key = 0; key < n; key++) {
      assertTrue(seen.add(id.apply(key)), "duplicate id for key " + key);
    }
  }
}
