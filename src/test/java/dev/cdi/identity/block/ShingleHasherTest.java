package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShingleHasherTest {

  private static Set<Long> viaStrings(Shingler shingler, String value, String key) {
    return shingler.shingles(value, key).stream().map(MinHasher::shingleKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Long> direct(Shingler shingler, String value, String key) {
    ShingleHasher hasher = new ShingleHasher(shingler);
    String text = Shingler.normalize(value);
    long[] keys = new long[hasher.maxKeys(text)];
    int count = hasher.addKeys(text, key == null ? null : Shingler.normalize(key), keys, 0);
    assertTrue(count <= keys.length);
    return Arrays.stream(keys, 0, count).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void keysEqualTheKeysOfTheShingleStrings() {
    List<Shingler> shinglers = List.of(Shingler.qgrams("surname"), Shingler.qgrams("surname", 3).as("name"),
        Shingler.qgrams("x", 1), Shingler.tokens("street"), Shingler.value("dob"));
    for (Shingler shingler : shinglers) {
      for (String value : List.of("a", "jo", "anna", "de la  cruz", " mountain creek road ", "x\ty", "aaaa")) {
        assertEquals(viaStrings(shingler, value, null), direct(shingler, value, null),
            shingler + " on '" + value + "'");
      }
    }
  }

  @Test
  void keyedKeysEqualTheKeysOfTheKeyedShingleStrings() {
    List<Shingler> shinglers = List.of(Shingler.qgrams("surname").keyedBy("dob"),
        Shingler.tokens("street").keyedBy("surname"), Shingler.value("postcode").keyedBy("surname"));
    for (Shingler shingler : shinglers) {
      for (String key : List.of("1956-04-09", " de  la cruz ")) {
        for (String value : List.of("a", "anna", " mountain creek road ")) {
          assertEquals(viaStrings(shingler, value, key), direct(shingler, value, key),
              shingler + " on '" + value + "' keyed '" + key + "'");
        }
      }
    }
  }

  @Test
  void normalizeTrimsAndCollapsesWhitespace() {
    assertEquals("de la cruz", Shingler.normalize("  de \t la   cruz "));
    String clean = "wallaby place";
    assertTrue(clean == Shingler.normalize(clean), "already normal: the same string");
    assertEquals("", Shingler.normalize(" \t "));
  }
}
