package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressFormatsTest {

  private static final City CHICAGO = new City("Chicago", "IL", "606", List.of("312"), 2);
  private static final Address ADDRESS =
      new Address("123", "N", "Main", "St", "Apt", "4B", CHICAGO, "60614", "2231");
  private static final NoiseProfile ALWAYS = new NoiseProfile(0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
  private static final NoiseProfile NEVER = new NoiseProfile(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  @Test
  void canonicalIsUspsStyle() {
    AddressFormats.Lines lines = AddressFormats.canonical(ADDRESS);
    assertEquals("123 N Main St", lines.line1());
    assertEquals("Apt 4B", lines.line2());
    assertEquals("60614", lines.zip());
    assertEquals("123 N Main St Apt 4B", AddressFormats.oneLine(lines));
  }

  @Test
  void noVariantsGiveTheCanonicalForm() {
    assertEquals(AddressFormats.canonical(ADDRESS), AddressFormats.noisy(new SplittableRandom(1), ADDRESS, NEVER));
  }

  @Test
  void variantsCoverSuffixDirectionUnitZipAndCase() {
    SplittableRandom r = new SplittableRandom(2);
    Set<String> lines1 = new HashSet<>();
    Set<String> lines2 = new HashSet<>();
    Set<String> zips = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      AddressFormats.Lines lines = AddressFormats.noisy(r, ADDRESS, ALWAYS);
      lines1.add(lines.line1().toLowerCase());
      lines2.add(lines.line2().toLowerCase());
      zips.add(lines.zip());
    }
    assertTrue(lines1.contains("123 north main street"), lines1.toString());
    assertTrue(lines1.contains("123 n. main st."), lines1.toString());
    assertTrue(lines2.containsAll(List.of("apartment 4b", "#4b", "unit 4b", "")), lines2.toString());
    assertEquals(Set.of("60614-2231"), zips);
  }

  @Test
  void ordinalStreetNamesCanBecomeNumbers() {
    Address first = new Address("9", null, "First", "Ave", null, null, CHICAGO, "60601", "0001");
    SplittableRandom r = new SplittableRandom(4);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(AddressFormats.noisy(r, first, ALWAYS).line1().toLowerCase());
    }
    assertTrue(seen.stream().anyMatch(line -> line.startsWith("9 1st ")), seen.toString());
  }

  @Test
  void unitStylesAndMissingUnit() {
    SplittableRandom r = new SplittableRandom(5);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(AddressFormats.unit(r, "12"));
    }
    assertEquals(Set.of("Apartment 12", "Apt. 12", "#12", "# 12", "Unit 12", ""), seen);
  }

  @Test
  void suffixAndDirectionStyles() {
    SplittableRandom r = new SplittableRandom(6);
    Set<String> suffixes = new HashSet<>();
    Set<String> directions = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      suffixes.add(AddressFormats.suffix(r, "Blvd"));
      directions.add(AddressFormats.direction(r, "W"));
    }
    assertEquals(Set.of("Boulevard", "Blvd.", "BLVD"), suffixes);
    assertEquals(Set.of("West", "W."), directions);
  }
}
