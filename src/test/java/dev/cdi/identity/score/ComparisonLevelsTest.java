package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure-Java level functions, per kind; levels follow {@link ComparisonSpec#levelLabels()}. */
class ComparisonLevelsTest {

  private static final ComparisonSpec EMAIL = ComparisonSpec.exact("email", "email_key");
  /** else 0, swapped 1, jw>=0.80 2, jw>=0.92 3, edit<=1 4, exact 5. */
  private static final ComparisonSpec GIVEN = ComparisonSpec.string("given", "given_name", List.of(0.92, 0.80))
      .withCrossColumn("family_name").with(ComparisonOption.EDIT_DISTANCE_LEVEL);
  private static final ComparisonSpec DOB = ComparisonSpec.date("dob", "birth_date");
  /** else 0, jaccard>=0.6 1, jw>=0.9 2, exact 3. */
  private static final ComparisonSpec ADDRESS = ComparisonSpec.tokens("address", "address_key", List.of(0.9),
      List.of(0.6));

  @Test
  void exactLevels() {
    assertEquals(1, EMAIL.level("a@x.org", "a@x.org"));
    assertEquals(0, EMAIL.level("a@x.org", "b@x.org"));
    assertEquals(0, EMAIL.level("A@x.org", "a@x.org"));
    assertEquals(1, EMAIL.level("", ""));
    assertEquals(-1, EMAIL.level(null, "a@x.org"));
    assertEquals(-1, EMAIL.level("a@x.org", null));
    assertEquals(-1, EMAIL.level(null, null));
  }

  @Test
  void stringLevels() {
    assertEquals(5, GIVEN.level("jonathan", "jonathan", "kowalczyk", "kowalczyk"));
    assertEquals(4, GIVEN.level("jonathan", "jonathon", null, null));
    assertEquals(4, GIVEN.level("martha", "marhta", null, null));
    assertEquals(3, GIVEN.level("alexandra", "alexander", null, null));
    assertEquals(2, GIVEN.level("dwayne", "duane", null, null));
    assertEquals(1, GIVEN.level("kowalczyk", "jonathan", "jonathan", "kowalczyk"));
    assertEquals(1, GIVEN.level("jonathan", "kowalczyk", "kowalczyk", "smith"));
    assertEquals(0, GIVEN.level("jonathan", "mary", "kowalczyk", "kowalczyk"));
    assertEquals(-1, GIVEN.level(null, "mary", "kowalczyk", "kowalczyk"));
    assertEquals(-1, GIVEN.level("mary", null, null, null));
  }

  @Test
  void nicknameLevelSitsBelowExactAndAboveEditDistance() {
    ComparisonSpec given = GIVEN.with(ComparisonOption.NICKNAME_LEVEL);
    assertEquals(List.of("else", "swapped_with_family_name", "jaro_winkler>=0.8", "jaro_winkler>=0.92",
        "edit_distance<=1", "nickname", "exact"), given.levelLabels());
    assertEquals(6, given.level("debra", "debra"));
    assertEquals(5, given.level("debbie", "debra"), "an ambiguous nickname against one of its formal names");
    assertEquals(5, given.level("deborah", "debbie"));
    assertEquals(5, given.level("bob", "robert"));
    assertEquals(5, given.level("bob", "robbie"), "two nicknames of one formal name");
    assertEquals(5, given.level("ted", "theodore"));
    assertEquals(5, given.level("ted", "edward"));
    assertEquals(4, given.level("martha", "marhta"));
    assertEquals(0, given.level("debbie", "samantha"));
    assertEquals(0, given.level("ted", "robert"));
    assertEquals(-1, given.level("ted", null));
  }

  @Test
  void typoCheckDropsSimilarityLevelsBetweenTwoCommonValues() {
    ComparisonSpec given = GIVEN.with(ComparisonOption.NICKNAME_LEVEL).withTypoCheck(new TypoCheck(5, 0.05));
    int similar = GIVEN.level("michael", "michelle");
    assertTrue(similar >= 2 && similar <= 3, "without counts michael ~ michelle is a Jaro-Winkler level");
    assertEquals(0, given.level(counted("michael", "michelle", 920, 269)), "two common names are two names");
    assertEquals(similar, given.level(counted("michael", "michelle", 920, 4)), "held by too few records to tell");
    assertEquals(similar, given.level(counted("michael", "michelle", 0, 0)), "counts unknown");
    assertEquals(4, given.level(counted("mary", "mry", 1338, 6)), "a rare variant of a common name is a typo");
    assertEquals(similar, given.level(counted("michael", "michelle", 1000, 50)), "50 is not above 5% of 1000");
    assertEquals(0, given.level(counted("michael", "michelle", 1000, 51)));
    assertEquals(5, given.level(counted("ted", "edward", 500, 300)), "nicknames are unaffected");
    assertEquals(6, given.level(counted("mary", "mary", 1338, 1338)));
    assertEquals(1, given.level(new ComparisonSpec.ValuePair("kowalczyk", "jonathan", "jonathan", "kowalczyk", 50,
        50)), "swapped names are unaffected");
    assertEquals("typo_check.min_count must be at least 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> new TypoCheck(1, 0.05)).getMessage());
    assertEquals("typo_check.max_typo_share must be in (0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class, () -> new TypoCheck(5, 1.0)).getMessage());
    assertEquals("comparison email: typo_check applies to STRING only, got kind EXACT",
        assertThrows(IllegalArgumentException.class, () -> ComparisonSpec.exact("email", "email_key")
            .withTypoCheck(new TypoCheck(5, 0.05))).getMessage());
  }

  private static ComparisonSpec.ValuePair counted(String left, String right, long leftCount, long rightCount) {
    return new ComparisonSpec.ValuePair(left, right, null, null, leftCount, rightCount);
  }

  @Test
  void stringLevelsWithoutOptionalLevels() {
    ComparisonSpec plain = ComparisonSpec.string("given", "given_name", List.of(0.9));
    assertEquals(2, plain.level("jon", "jon"));
    assertEquals(1, plain.level("jon", "john"));
    assertEquals(0, plain.level("jonathan", "mary"));
    assertEquals(0, plain.level("smith", "jones", "jones", "smith"));
    assertEquals(-1, plain.level(null, null));
    ComparisonSpec exactOnly = ComparisonSpec.string("code", "code", List.of());
    assertEquals(0, exactOnly.level("ab", "abc"));
    assertEquals(1, exactOnly.level("ab", "ab"));
  }

  @Test
  void dateLevels() {
    assertEquals(3, DOB.level("19850407", "19850407"));
    assertEquals(2, DOB.level("19850407", "19850704"));
    assertEquals(2, DOB.level("19851007", "19850710"));
    assertEquals(1, DOB.level("19850407", "19860407"));
    assertEquals(1, DOB.level("19850407", "19850507"));
    assertEquals(1, DOB.level("19850407", "19850421"));
    assertEquals(1, DOB.level("19850407", "19580407"));
    assertEquals(1, DOB.level("1985047", "19850407"));
    assertEquals(0, DOB.level("19850407", "19861231"));
    assertEquals(0, DOB.level("19850407", "19850812"));
    assertEquals(-1, DOB.level(null, "19850407"));
    assertEquals(-1, DOB.level("19850407", null));
  }

  @Test
  void tokenLevels() {
    assertEquals(3, ADDRESS.level("12 harbour view rd", "12 harbour view rd"));
    assertEquals(2, ADDRESS.level("12 harbour view rd", "12 harbour veiw rd"));
    assertEquals(2, ADDRESS.level("12 harbour view rd", "12 harbour view"));
    assertEquals(1, ADDRESS.level("12 harbour view rd", "rd view harbour 12"));
    assertEquals(1, ADDRESS.level("flat 3 12 harbour view rd", "12 harbour view rd"));
    assertEquals(0, ADDRESS.level("12 harbour view rd", "7 mill lane"));
    assertEquals(0, ADDRESS.level("12 harbour view rd", "12 mill rd"));
    assertEquals(-1, ADDRESS.level(null, "7 mill lane"));
  }

  @Test
  void levelsAreSymmetric() {
    String[][] pairs = {{"dwayne", "duane"}, {"alexandra", "alexander"}, {"jon", "john"}, {"a", "b"}};
    for (String[] pair : pairs) {
      assertEquals(GIVEN.level(pair[0], pair[1], "x", "y"), GIVEN.level(pair[1], pair[0], "y", "x"));
      assertEquals(ADDRESS.level(pair[0], pair[1]), ADDRESS.level(pair[1], pair[0]));
    }
    assertEquals(DOB.level("19850407", "19850704"), DOB.level("19850704", "19850407"));
  }
}
