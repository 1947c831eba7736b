package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.generator.Household.Member;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseholdPlannerTest {

  private static final int BLOCKS = 3_000;
  private final ReferenceData ref = ReferenceData.get();
  private final HouseholdPlanner planner = new HouseholdPlanner(42, BLOCKS * 8L, ref);
  private final PersonFactory factory = new PersonFactory(42, ref);

  @Test
  void blocksAreFilledWithHouseholdsOfOneToFive() {
    for (long block = 0; block < 200; block++) {
      List<Household> households = planner.plan(block);
      long next = block * HouseholdPlanner.BLOCK_SIZE;
      for (Household household : households) {
        assertTrue(household.members().size() >= 1 && household.members().size() <= 5);
        for (Member member : household.members()) {
          assertEquals(next++, member.personIndex());
        }
      }
      assertEquals((block + 1) * HouseholdPlanner.BLOCK_SIZE, next);
    }
  }

  @Test
  void membersShareTheAddressAndMostlyTheSurname() {
    int members = 0;
    int sameSurname = 0;
    for (long block = 0; block < BLOCKS; block++) {
      for (Household household : planner.plan(block)) {
        for (Member member : household.members()) {
          Person person = factory.create(household, member);
          assertEquals(household.address(), person.address());
          assertEquals(household.householdId(), person.householdId());
          members++;
          sameSurname += person.surname().equals(household.surname()) ? 1 : 0;
        }
      }
    }
    assertTrue(sameSurname > members * 0.85, sameSurname + " of " + members);
  }

  @Test
  void hardCasesOccurAtTheirRates() {
    List<Household> households = new ArrayList<>();
    for (long block = 0; block < BLOCKS; block++) {
      households.addAll(planner.plan(block));
    }
    double persons = BLOCKS * 8.0;
    long moved = households.stream().filter(h -> h.previousAddress() != null).mapToLong(h -> h.members().size()).sum();
    long maiden = households.stream().flatMap(h -> h.members().stream()).filter(m -> m.maidenName() != null).count();
    long twins = households.stream().filter(Household::twins).count();
    long multi = households.stream().filter(h -> h.members().size() > 1).count();
    long shared = households.stream().filter(h -> h.sharedEmail() != null).count();
    assertTrue(Math.abs(moved / persons - 0.10) < 0.02, "moved " + moved / persons);
    assertTrue(Math.abs(maiden / persons - 0.04) < 0.012, "maiden " + maiden / persons);
    assertTrue(twins > 0 && twins < households.size() * 0.01, "twins " + twins);
    assertTrue(Math.abs(shared / (double) multi - 0.03) < 0.012, "shared " + shared / (double) multi);
  }

  @Test
  void twinsShareBirthDateAndSurnameButNotGivenName() {
    int seen = 0;
    for (long block = 0; block < BLOCKS; block++) {
      for (Household household : planner.plan(block)) {
        if (!household.twins()) {
          continue;
        }
        List<Member> members = household.members();
        Person a = factory.create(household, members.get(members.size() - 2));
        Person b = factory.create(household, members.get(members.size() - 1));
        assertEquals(a.birthDate(), b.birthDate());
        assertEquals(a.surname(), b.surname());
        assertNotEquals(a.givenName(), b.givenName());
        seen++;
      }
    }
    assertTrue(seen > 5);
  }

  @Test
  void agesAreBetween18And90() {
    for (long block = 0; block < 500; block++) {
      for (Household household : planner.plan(block)) {
        for (Member member : household.members()) {
          LocalDate born = member.birthDate();
          int age = born.until(SimTime.AGE_REFERENCE_DATE).getYears();
          assertTrue(age >= 18 && age <= 90, "age " + age);
        }
      }
    }
  }

  @Test
  void aSmallerRunDropsOnlyTheMissingIndexes() {
    HouseholdPlanner small = new HouseholdPlanner(42, 13, ref);
    List<Member> full = planner.plan(1).stream().flatMap(h -> h.members().stream()).toList();
    List<Member> cut = small.plan(1).stream().flatMap(h -> h.members().stream()).toList();
    assertEquals(full.subList(0, 5), cut);
  }
}
