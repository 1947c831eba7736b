package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class NoiseTest {

  private final SplittableRandom r = new SplittableRandom(11);

  @RepeatedTest(20)
  void transposeSwapsTwoAdjacentCharacters() {
    String out = Noise.transpose(r, "Jonathan");
    assertNotEquals("Jonathan", out);
    assertEquals(sorted("Jonathan"), sorted(out));
    int first = firstDifference("Jonathan", out);
    assertEquals("Jonathan".charAt(first), out.charAt(first + 1));
    assertEquals("Jonathan".charAt(first + 1), out.charAt(first));
  }

  @Test
  void transposeKeepsStringsWithoutDistinctNeighbours() {
    assertEquals("aaa", Noise.transpose(r, "aaa"));
    assertEquals("a", Noise.transpose(r, "a"));
  }

  @RepeatedTest(20)
  void deleteCharDropsOneCharacterButNeverTheFirst() {
    String out = Noise.deleteChar(r, "Robert");
    assertEquals(5, out.length());
    assertEquals('R', out.charAt(0));
    assertTrue(isSubsequence(out, "Robert"));
  }

  @Test
  void deleteCharKeepsVeryShortStrings() {
    assertEquals("Al", Noise.deleteChar(r, "Al"));
  }

  @RepeatedTest(20)
  void substituteNeighbourReplacesOneLetterByAnAdjacentKeyKeepingCase() {
    String out = Noise.substituteNeighbour(r, "Smith");
    assertEquals(5, out.length());
    int i = firstDifference("Smith", out);
    char original = "Smith".charAt(i);
    char typed = out.charAt(i);
    assertEquals(Character.isUpperCase(original), Character.isUpperCase(typed));
    assertTrue(areNeighbours(Character.toLowerCase(original), Character.toLowerCase(typed)),
        original + " -> " + typed);
    assertEquals("Smith".substring(i + 1), out.substring(i + 1));
  }

  @RepeatedTest(20)
  void duplicateCharTypesOneCharacterTwice() {
    String out = Noise.duplicateChar(r, "Garcia");
    assertEquals(7, out.length());
    int i = firstDifference("Garcia", out);
    assertEquals(out.charAt(i), out.charAt(i - 1));
  }

  @RepeatedTest(20)
  void typoChangesTheName() {
    assertNotEquals("Katherine", Noise.typo(r, "Katherine"));
  }

  @Test
  void changeCaseGivesUpperOrLower() {
    for (int i = 0; i < 20; i++) {
      String out = Noise.changeCase(r, "McDonald");
      assertTrue(out.equals("MCDONALD") || out.equals("mcdonald"), out);
    }
  }

  @RepeatedTest(10)
  void strayWhitespaceOnlyAddsSpaces() {
    String out = Noise.strayWhitespace(r, "Mary Ann");
    assertNotEquals("Mary Ann", out);
    assertEquals("MaryAnn", out.replace(" ", ""));
  }

  @Test
  void stripAccentsAndTransliterate() {
    assertEquals("Garcia", Noise.stripAccents("García"));
    assertEquals("Muller", Noise.stripAccents("Müller"));
    assertEquals("Nunez", Noise.stripAccents("Núñez"));
    assertEquals("Mueller", Noise.transliterate("Müller"));
    assertEquals("Schroeder", Noise.transliterate("Schröder"));
  }

  @Test
  void addAccentPutsAnAcuteOnOneVowel() {
    String out = Noise.addAccent(r, "Jose");
    assertNotEquals("Jose", out);
    assertEquals("Jose", Noise.stripAccents(out));
    assertEquals("XYZ", Noise.addAccent(r, "XYZ"));
  }

  @Test
  void toggleAccentsDropsExistingAccents() {
    for (int i = 0; i < 10; i++) {
      assertTrue(Noise.isAscii(Noise.toggleAccents(r, "Peña")));
    }
  }

  @Test
  void gmailDotsOnlyTouchesGmail() {
    assertEquals("johnsmith@gmail.com", Noise.gmailDots(r, "john.smith@gmail.com"));
    String dotted = Noise.gmailDots(r, "johnsmith@gmail.com");
    assertEquals("johnsmith@gmail.com", dotted.replace(".", "").replace("gmailcom", "gmail.com"));
    assertTrue(dotted.substring(0, dotted.indexOf('@')).contains("."));
    assertEquals("john.smith@yahoo.com", Noise.gmailDots(r, "john.smith@yahoo.com"));
  }

  @Test
  void plusTagInsertsSubAddress() {
    String out = Noise.plusTag(r, "jane@outlook.com");
    assertTrue(out.matches("jane\\+[a-z0-9]+@outlook\\.com"), out);
  }

  @Test
  void emailCaseOnlyChangesCase() {
    for (int i = 0; i < 10; i++) {
      String out = Noise.emailCase(r, "john.smith@gmail.com");
      assertNotEquals("john.smith@gmail.com", out);
      assertTrue(out.equalsIgnoreCase("john.smith@gmail.com"));
    }
  }

  @RepeatedTest(10)
  void emailVariantKeepsTheMailbox() {
    String out = Noise.emailVariant(r, "john.smith@gmail.com").toLowerCase();
    String canonical = out.replaceAll("\\+[a-z0-9]+@", "@").replace(".", "").replace("gmailcom", "gmail.com");
    assertEquals("johnsmith@gmail.com", canonical);
  }

  private static String sorted(String s) {
    char[] chars = s.toCharArray();
    Arrays.sort(chars);
    return new String(chars);
  }

  private static int firstDifference(String a, String b) {
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int i = 0;
    for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
      if (shorter.charAt(i) == longer.charAt(j)) {
        i++;
      }
    }
    return i == shorter.length();
  }

  private static boolean areNeighbours(char a, char b) {
    for (String row : new String[] {"qwertyuiop", "asdfghjkl", "zxcvbnm"}) {
      int i = row.indexOf(a);
      if (i >= 0) {
        return Math.abs(row.indexOf(b) - i) == 1 && row.indexOf(b) >= 0;
      }
    }
    return false;
  }
}
