package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

  private final ReferenceData ref = ReferenceData.get();

  @Test
  void tablesHaveTheRequiredSizes() {
    assertTrue(ref.givenNames(Gender.MALE).items().size() >= 150);
    assertTrue(ref.givenNames(Gender.FEMALE).items().size() >= 150);
    assertTrue(ReferenceData.read("nicknames.csv", 2).size() >= 150);
    assertTrue(ref.surnames().items().size() >= 300);
    assertTrue(ref.streets().items().size() >= 100);
    assertTrue(ref.cities().items().size() >= 60);
  }

  @Test
  void surnamesIncludeHardCases() {
    assertTrue(ref.surnames().items().containsAll(List.of("O'Brien", "García", "Müller", "Nguyen", "Smith-Jones")));
    assertTrue(ref.surnames().share("Smith") > 10 * ref.surnames().share("Kowalski"));
  }

  @Test
  void nicknamesMapToTheirCanonicalNames() {
    assertTrue(ref.nicknamesOf("Robert").contains("Bob"));
    assertTrue(ref.nicknamesOf("William").contains("Bill"));
    assertTrue(ref.nicknamesOf("Elizabeth").contains("Liz"));
    assertTrue(ref.nicknamesOf("Katherine").contains("Kate"));
    assertTrue(ref.nicknamesOf("James").contains("Jim"));
    assertTrue(ref.nicknamesOf("Margaret").contains("Peggy"));
    assertEquals(List.of(), ref.nicknamesOf("Zoë"));
  }

  @Test
  void citiesHaveStateZipPrefixAndAreaCodes() {
    for (City city : ref.cities().items()) {
      assertTrue(city.state().matches("[A-Z]{2}"), city.toString());
      assertTrue(city.zip3().matches("\\d{3}"), city.toString());
      assertTrue(city.areaCodes().stream().allMatch(code -> code.matches("[2-9]\\d\\d")), city.toString());
    }
  }
}
