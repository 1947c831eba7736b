package dev.cdi.silver.standardize;

import static dev.cdi.silver.standardize.Validity.INVALID;
import static dev.cdi.silver.standardize.Validity.MISSING;
import static dev.cdi.silver.standardize.Validity.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameStandardizerTest {

  private static final NameStandardizer NAMES = new NameStandardizer();

  private static NameResult name(String given, String middle, String family, String givenCanonical, String givenKey,
      String familyKey, String fullKey, Validity validity) {
    return new NameResult(given, middle, family, givenCanonical, givenKey, familyKey, fullKey, validity);
  }

  private static NameResult invalid() {
    return name(null, null, null, null, null, null, null, INVALID);
  }

  static Stream<Arguments> fullNames() {
    return Stream.of(
        Arguments.of("Robert J. Smith",
            name("Robert", "J", "Smith", "robert", "robert", "smith", "robertsmith", VALID)),
        Arguments.of("SMITH, ROBERT", name("Robert", null, "Smith", "robert", "robert", "smith", "robertsmith", VALID)),
        Arguments.of("smith, robert j",
            name("Robert", "J", "Smith", "robert", "robert", "smith", "robertsmith", VALID)),
        Arguments.of("Dr. Mary-Ann O'Neil Jr.",
            name("Mary-Ann", null, "O'Neil", "maryann", "maryann", "oneil", "maryannoneil", VALID)),
        Arguments.of("Bob Smith", name("Bob", null, "Smith", "robert", "bob", "smith", "robertsmith", VALID)),
        Arguments.of("  liz   TAYLOR ",
            name("Liz", null, "Taylor", "elizabeth", "liz", "taylor", "elizabethtaylor", VALID)),
        Arguments.of("Steve Miller", name("Steve", null, "Miller", "steve", "steve", "miller", "stevemiller", VALID)),
        Arguments.of("Pat O’Brien", name("Pat", null, "O'Brien", "pat", "pat", "obrien", "patobrien", VALID)),
        Arguments.of("o'brien, patrick",
            name("Patrick", null, "O'Brien", "patrick", "patrick", "obrien", "patrickobrien", VALID)),
        Arguments.of("Ludwig van Beethoven",
            name("Ludwig", null, "Van Beethoven", "ludwig", "ludwig", "vanbeethoven", "ludwigvanbeethoven", VALID)),
        Arguments.of("Beethoven, Ludwig van",
            name("Ludwig", null, "Van Beethoven", "ludwig", "ludwig", "vanbeethoven", "ludwigvanbeethoven", VALID)),
        Arguments.of("Juan Carlos de la Cruz",
            name("Juan", "Carlos", "De La Cruz", "juan", "juan", "delacruz", "juandelacruz", VALID)),
        Arguments.of("Anne-Marie St. John",
            name("Anne-Marie", null, "St John", "annemarie", "annemarie", "stjohn", "annemariestjohn", VALID)),
        Arguments.of("José García", name("José", null, "García", "jose", "jose", "garcia", "josegarcia", VALID)),
        Arguments.of("Øyvind Müller",
            name("Øyvind", null, "Müller", "oyvind", "oyvind", "muller", "oyvindmuller", VALID)),
        Arguments.of("STRAUSS, Johann", name("Johann", null, "Strauss", "johann", "johann", "strauss", "johannstrauss",
            VALID)),
        Arguments.of("Strauß, Johann", name("Johann", null, "Strauß", "johann", "johann", "strauss", "johannstrauss",
            VALID)),
        Arguments.of("Nguyễn Văn A", name("Nguyễn", "Văn", "A", "nguyen", "nguyen", "a", "nguyena", VALID)),
        Arguments.of("Nguyen Van A", name("Nguyen", null, "Van A", "nguyen", "nguyen", "vana", "nguyenvana", VALID)),
        Arguments.of("李小龍", name("李小龍", null, null, "李小龍", "李小龍", null, null, VALID)),
        Arguments.of("MCDONALD, RONALD",
            name("Ronald", null, "Mcdonald", "ronald", "ronald", "mcdonald", "ronaldmcdonald", VALID)),
        Arguments.of("jean-luc PICARD",
            name("Jean-Luc", null, "Picard", "jeanluc", "jeanluc", "picard", "jeanlucpicard", VALID)),
        Arguments.of("Mrs. Jones", name(null, null, "Jones", null, null, "jones", null, VALID)),
        Arguments.of("J. Smith", name("J", null, "Smith", "j", "j", "smith", "jsmith", VALID)),
        Arguments.of("Robert Smith, Jr.", name("Robert", null, "Smith", "robert", "robert", "smith", "robertsmith",
            VALID)),
        Arguments.of("John Smith 3rd", name("John", null, "Smith", "john", "john", "smith", "johnsmith", VALID)),
        Arguments.of("Prof. Dr. Hans Müller PhD",
            name("Hans", null, "Müller", "hans", "hans", "muller", "hansmuller", VALID)),
        Arguments.of("Jo\u0000hn\u200B Smith",
            name("John", null, "Smith", "john", "john", "smith", "johnsmith", VALID)),
        Arguments.of("Madonna", name("Madonna", null, null, "madonna", "madonna", null, null, VALID)),
        Arguments.of("John 2 Smith", name("John", null, "Smith", "john", "john", "smith", "johnsmith", VALID)),
        Arguments.of("Test Customer", invalid()),
        Arguments.of("Test Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of("n/a", invalid()),
        Arguments.of("N / A", invalid()),
        Arguments.of("Unknown", invalid()),
        Arguments.of("R2D2", invalid()),
        Arguments.of("Mr.", invalid()),
        Arguments.of(", Jr.", invalid()),
        Arguments.of(null, name(null, null, null, null, null, null, null, MISSING)),
        Arguments.of("", name(null, null, null, null, null, null, null, MISSING)),
        Arguments.of(" \t\n\u00A0", name(null, null, null, null, null, null, null, MISSING)),
        Arguments.of("😀", invalid()),
        Arguments.of("😀 John Smith 😀", name("John", null, "Smith", "john", "john", "smith", "johnsmith", VALID)),
        Arguments.of(TestInputs.HUGE, invalid()),
        Arguments.of("12345", invalid()),
        Arguments.of("true", invalid()),
        Arguments.of("{}", invalid()),
        Arguments.of("xxx", invalid()));
  }

  static Stream<Arguments> parts() {
    return Stream.of(
        Arguments.of("Bob", null, "Smith", name("Bob", null, "Smith", "robert", "bob", "smith", "robertsmith", VALID)),
        Arguments.of("  mary-ann ", "", "o'neil-smith",
            name("Mary-Ann", null, "O'Neil-Smith", "maryann", "maryann", "oneilsmith", "maryannoneilsmith", VALID)),
        Arguments.of("J.", "R. R.", "Tolkien", name("J", "R R", "Tolkien", "j", "j", "tolkien", "jtolkien", VALID)),
        Arguments.of("John", "nmn", "Doe", name("John", null, "Doe", "john", "john", "doe", "johndoe", VALID)),
        Arguments.of("John", "2", "Doe", name("John", null, "Doe", "john", "john", "doe", "johndoe", VALID)),
        Arguments.of("Dr. Jane", null, "Doe PhD", name("Jane", null, "Doe", "jane", "jane", "doe", "janedoe", VALID)),
        Arguments.of("Mary Ann", null, "van der Berg",
            name("Mary Ann", null, "Van Der Berg", "maryann", "maryann", "vanderberg", "maryannvanderberg", VALID)),
        Arguments.of("Joseph T", null, "Santiago",
            name("Joseph", "T", "Santiago", "joseph", "joseph", "santiago", "josephsantiago", VALID)),
        Arguments.of(" mary a. ", "", "smith", name("Mary", "A", "Smith", "mary", "mary", "smith", "marysmith", VALID)),
        Arguments.of("Joseph T", "Q", "Santiago",
            name("Joseph T", "Q", "Santiago", "josepht", "josepht", "santiago", "josephtsantiago", VALID)),
        Arguments.of("Md", null, "Rahman", name("Md", null, "Rahman", "md", "md", "rahman", "mdrahman", VALID)),
        Arguments.of("Ma’ayan", null, "D’angelo",
            name("Ma'ayan", null, "D'Angelo", "maayan", "maayan", "dangelo", "maayandangelo", VALID)),
        Arguments.of("Łukasz", null, "Żółć", name("Łukasz", null, "Żółć", "lukasz", "lukasz", "zolc", "lukaszzolc",
            VALID)),
        Arguments.of("Ævar", null, "Þórsson", name("Ævar", null, "Þórsson", "aevar", "aevar", "thorsson",
            "aevarthorsson", VALID)),
        Arguments.of("ＪＯＨＮ", null, "ＳＭＩＴＨ", name("Ｊｏｈｎ", null, "Ｓｍｉｔｈ", "john", "john", "smith", "johnsmith",
            VALID)),
        Arguments.of("Jose\u0301", null, "Garci\u0301a", name("José", null, "García", "jose", "jose", "garcia",
            "josegarcia", VALID)),
        Arguments.of("Ива́н", null, "Петров", name("Ива́н", null, "Петров", "иван", "иван", "петров", "иванпетров",
            VALID)),
        Arguments.of("Test", null, "Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of("John", null, "Sm1th", name("John", null, null, "john", "john", null, null, INVALID)),
        Arguments.of("Mr", null, "Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of("Aaa", null, "Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of("Unknown", null, "UNKNOWN", invalid()),
        Arguments.of("N/A", "N/A", "N/A", invalid()),
        Arguments.of(null, "Q", null, name(null, "Q", null, null, null, null, null, INVALID)),
        Arguments.of(null, null, "Smith", name(null, null, "Smith", null, null, "smith", null, VALID)),
        Arguments.of(null, null, null, name(null, null, null, null, null, null, null, MISSING)),
        Arguments.of("", " ", "\t", name(null, null, null, null, null, null, null, MISSING)),
        Arguments.of("😀", null, "Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of(TestInputs.HUGE, null, "Smith", name(null, null, "Smith", null, null, "smith", null, INVALID)),
        Arguments.of("true", "{}", "12345", invalid()));
  }

  @ParameterizedTest
  @MethodSource("fullNames")
  void standardizesFullNames(String raw, NameResult expected) {
    assertEquals(expected, NAMES.standardizeFull(raw));
    assertFixedPoint(expected);
  }

  @ParameterizedTest
  @MethodSource("parts")
  void standardizesParts(String given, String middle, String family, NameResult expected) {
    assertEquals(expected, NAMES.standardizeParts(given, middle, family));
    assertFixedPoint(expected);
  }

  private static void assertFixedPoint(NameResult result) {
    if (result.validity() == VALID) {
      assertEquals(result, NAMES.standardizeParts(result.given(), result.middle(), result.family()),
          "standardizing the display parts again changes nothing");
    }
  }

  static Stream<Arguments> candidates() {
    return Stream.of(
        Arguments.of("Steve", List.of("stephen", "steven")),
        Arguments.of("ALEX", List.of("alejandro", "alexander", "alexandra")),
        Arguments.of("Bob", List.of("robert")),
        Arguments.of("Pepe", List.of("jose")),
        Arguments.of("Robert", List.of("robert")),
        Arguments.of("😀", List.of()),
        Arguments.of(null, List.of()));
  }

  @ParameterizedTest
  @MethodSource("candidates")
  void listsCanonicalCandidates(String given, List<String> expected) {
    assertEquals(expected, NAMES.canonicalCandidates(given));
  }

  @Test
  void survivesSerialization() {
    NameStandardizer copy = TestInputs.roundTrip(NAMES);
    assertEquals(NAMES.standardizeFull("Bob Smith"), copy.standardizeFull("Bob Smith"));
  }
}
