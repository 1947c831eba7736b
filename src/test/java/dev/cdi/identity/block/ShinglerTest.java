package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglerTest {

  @Test
  void qgramsArePaddedPrefixedAndDistinct() {
    assertEquals(List.of("surname:q2:#a", "surname:q2:an", "surname:q2:nn", "surname:q2:na", "surname:q2:a#"),
        Shingler.qgrams("surname").shingles("anna"));
    assertEquals(List.of("surname:q2:#a", "surname:q2:aa", "surname:q2:a#"),
        Shingler.qgrams("surname").shingles("aaa"), "repeated grams appear once");
    assertEquals(List.of("given_name:q3:##j", "given_name:q3:#jo", "given_name:q3:jo#", "given_name:q3:o##"),
        Shingler.qgrams("given_name", 3).shingles("jo"), "short values still give shingles");
    assertEquals(List.of("x:q1:a", "x:q1:b"), Shingler.qgrams("x", 1).shingles("ab"));
  }

  @Test
  void whitespaceIsTrimmedAndCollapsed() {
    assertEquals(Shingler.qgrams("a").shingles("de la cruz"), Shingler.qgrams("a").shingles("  de \t la   cruz "));
    assertEquals(List.of("street:t:wallaby", "street:t:place"), Shingler.tokens("street")
        .shingles(" wallaby  place wallaby"));
  }

  @Test
  void valueIsTheWholeValue() {
    assertEquals(List.of("dob:v:1956-04-09"), Shingler.value("dob").shingles("1956-04-09"));
    assertEquals(List.of("postcode:v:2119"), Shingler.value("postcode").shingles(" 2119 "));
  }

  @Test
  void missingValuesHaveNoShingles() {
    assertEquals(List.of(), Shingler.qgrams("a").shingles(null));
    assertEquals(List.of(), Shingler.tokens("a").shingles("   "));
    assertEquals(List.of(), Shingler.value("a").shingles(""));
  }

  @Test
  void attributePrefixKeepsAttributesApart() {
    List<String> asName = Shingler.value("surname").shingles("smith");
    List<String> asStreet = Shingler.value("address_1").shingles("smith");
    assertEquals(List.of("surname:v:smith"), asName);
    assertEquals(List.of("address_1:v:smith"), asStreet);
  }

  @Test
  void sharedAttributeMakesColumnsShareShingles() {
    assertEquals(List.of("name:q2:#a", "name:q2:an", "name:q2:nn", "name:q2:na", "name:q2:a#"),
        Shingler.qgrams("surname").as("name").shingles("anna"));
    assertEquals(Shingler.qgrams("given_name").as("name").shingles("anna"),
        Shingler.qgrams("surname").as("name").shingles("anna"));
    assertEquals("surname", Shingler.qgrams("surname").attribute());
  }

  @Test
  void rejectsInvalidSettings() {
    assertEquals("lsh.shingler.attribute must not be blank (column surname)",
        assertThrows(IllegalArgumentException.class, () -> Shingler.qgrams("surname").as(" ")).getMessage());
    assertEquals("lsh.shingler.q must be between 1 and 8 for QGRAMS, got 0 (column surname)",
        assertThrows(IllegalArgumentException.class, () -> Shingler.qgrams("surname", 0)).getMessage());
    assertEquals("lsh.shingler.q must be 0 for TOKENS, got 2 (column street)",
        assertThrows(IllegalArgumentException.class, () -> new Shingler("street", ShingleKind.TOKENS, 2))
            .getMessage());
    assertEquals("lsh.shingler.column must not be blank, got ' '",
        assertThrows(IllegalArgumentException.class, () -> Shingler.value(" ")).getMessage());
    assertThrows(NullPointerException.class, () -> new Shingler("a", null, 0));
  }

  @Test
  void keyedShinglesCarryTheKeyValueSoOnlyEqualKeysShareThem() {
    Shingler byBirth = Shingler.qgrams("family").keyedBy("dob");
    assertEquals(List.of("family:q2@dob:1956-04-09|#l", "family:q2@dob:1956-04-09|li",
        "family:q2@dob:1956-04-09|i#"), byBirth.shingles("li", " 1956-04-09 "));
    assertEquals(List.of(), byBirth.shingles("li", null), "no key, no shingles");
    assertEquals(List.of(), byBirth.shingles("li", " "), "a blank key is no key");
    assertTrue(Collections.disjoint(byBirth.shingles("li", "1956-04-09"),
        byBirth.shingles("li", "1956-04-10")), "different keys share nothing");
    assertTrue(Collections.disjoint(byBirth.shingles("li", "1956-04-09"), Shingler.qgrams("family")
        .shingles("li")), "keyed and unkeyed shingles of one column never collide");
  }

  @Test
  void aKeyedShinglerNeedsItsKeyAndAnotherColumn() {
    assertThrows(IllegalStateException.class, () -> Shingler.qgrams("family").keyedBy("dob").shingles("li"));
    IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
        () -> Shingler.qgrams("family").keyedBy("family"));
    assertTrue(same.getMessage().contains("keyed_by must name another column than family"), same.getMessage());
  }
}
