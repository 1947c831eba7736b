package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

  private static final double TOLERANCE = 5e-4;

  @Test
  void knownValuesFromWinklersPaper() {
    assertEquals(0.961, JaroWinkler.similarity("MARTHA", "MARHTA"), TOLERANCE);
    assertEquals(0.840, JaroWinkler.similarity("DWAYNE", "DUANE"), TOLERANCE);
    assertEquals(0.813, JaroWinkler.similarity("DIXON", "DICKSONX"), TOLERANCE);
  }

  @Test
  void plainJaroBeforeThePrefixBoost() {
    assertEquals(0.944, JaroWinkler.jaro("MARTHA", "MARHTA"), TOLERANCE);
    assertEquals(0.822, JaroWinkler.jaro("DWAYNE", "DUANE"), TOLERANCE);
    assertEquals(0.767, JaroWinkler.jaro("DIXON", "DICKSONX"), TOLERANCE);
  }

  @Test
  void identicalAndEmptyAndNull() {
    assertEquals(1.0, JaroWinkler.similarity("smith", "smith"));
    assertEquals(1.0, JaroWinkler.similarity("", ""));
    assertEquals(0.0, JaroWinkler.similarity("", "smith"));
    assertEquals(0.0, JaroWinkler.similarity("smith", ""));
    assertEquals(0.0, JaroWinkler.similarity(null, "smith"));
    assertEquals(0.0, JaroWinkler.similarity(null, null));
  }

  @Test
  void symmetricAndZeroWithoutCommonCharacters() {
    assertEquals(JaroWinkler.similarity("DIXON", "DICKSONX"), JaroWinkler.similarity("DICKSONX", "DIXON"), 1e-12);
    assertEquals(0.0, JaroWinkler.similarity("abc", "xyz"));
    assertEquals(0.0, JaroWinkler.similarity("a", "b"));
  }

  @Test
  void prefixBoostStopsAtFourCharacters() {
    double jaro = JaroWinkler.jaro("abcdefgx", "abcdefgy");
    assertEquals(jaro + 4 * 0.1 * (1 - jaro), JaroWinkler.similarity("abcdefgx", "abcdefgy"), 1e-12);
  }
}
