package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSimilarityTest {

  @Test
  void damerauLevenshteinCountsAdjacentTranspositionAsOneEdit() {
    assertEquals(0, EditDistance.damerauLevenshtein("2040", "2040"));
    assertEquals(1, EditDistance.damerauLevenshtein("2040", "2004"));
    assertEquals(1, EditDistance.damerauLevenshtein("2040", "2041"));
    assertEquals(1, EditDistance.damerauLevenshtein("2040", "204"));
    assertEquals(1, EditDistance.damerauLevenshtein("", "a"));
    assertEquals(2, EditDistance.damerauLevenshtein("dwayne", "duane"));
    assertEquals(3, EditDistance.damerauLevenshtein("kitten", "sitting"));
    assertEquals(3, EditDistance.damerauLevenshtein("ca", "abc"));
  }

  @Test
  void withinOneEdit() {
    assertTrue(EditDistance.withinOneEdit("19850407", "19850470"));
    assertTrue(EditDistance.withinOneEdit("abc", "abc"));
    assertFalse(EditDistance.withinOneEdit("abc", "a"));
    assertFalse(EditDistance.withinOneEdit("abcd", "badc"));
  }

  @Test
  void jaccardOfTokenSets() {
    assertEquals(1.0, TokenOverlap.jaccard("12 harbour view rd", "rd view harbour 12"));
    assertEquals(0.75, TokenOverlap.jaccard("12 harbour view rd", "12  harbour view"));
    assertEquals(0.5, TokenOverlap.jaccard("a b", "b c d a"));
    assertEquals(0.0, TokenOverlap.jaccard("a b", "c d"));
    assertEquals(1.0, TokenOverlap.jaccard(" ", ""));
    assertEquals(0.0, TokenOverlap.jaccard("a", " "));
    assertEquals(1.0, TokenOverlap.jaccard("a a b", "b a"));
  }
}
