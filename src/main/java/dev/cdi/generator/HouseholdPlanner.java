package dev.cdi.generator;

import dev.cdi.generator.Household.Member;
import dev.cdi.generator.Household.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits persons into households. Persons are grouped in blocks of {@value #BLOCK_SIZE} consecutive indexes; a
 * block's households are drawn from the block's own random stream, all {@value #BLOCK_SIZE} slots always drawn, and
 * only then are indexes beyond the run's customer count dropped. A block's households therefore do not depend on
 * partitioning, and a larger run contains the same households for the same indexes.
 *
 * <p>Rates: household sizes 1-5 with weights {@link #SIZE_WEIGHTS}; {@value #MOVED_RATE} of households moved during
 * the window (older records show the previous address); {@value #SHARED_EMAIL_RATE} of multi-person households
 * share a family email between their first two members; {@value #TWINS_RATE} of households of 3+ have twins (about
 * 0.5% of all households); {@value #MAIDEN_NAME_RATE} of the women in childless couples married during the window
 * (about 4% of persons; older records show the maiden name); {@value #UNMARRIED_PARTNER_RATE} of partners keep
 * their own surname.
 */
final class HouseholdPlanner {

  static final int BLOCK_SIZE = 8;
  static final double[] SIZE_WEIGHTS = {28, 35, 15, 13, 9};
  static final double MOVED_RATE = 0.10;
  static final double SHARED_EMAIL_RATE = 0.03;
  static final double TWINS_RATE = 0.018;
  static final double MAIDEN_NAME_RATE = 0.40;
  static final double UNMARRIED_PARTNER_RATE = 0.12;
  static final double SAME_SEX_COUPLE_RATE = 0.05;

  private static final Instant MOVES_FROM = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant MOVES_TO = Instant.parse("2025-06-01T00:00:00Z");

  private final long seed;
  private final long customers;
  private final ReferenceData ref;

  HouseholdPlanner(long seed, long customers, ReferenceData ref) {
    this.seed = seed;
    this.customers = customers;
    this.ref = ref;
  }

  /** The households of one block, members limited to indexes below the customer count. */
  List<Household> plan(long block) {
    SplittableRandom r = Rng.of(seed, RngStream.HOUSEHOLD, block);
    List<Household> households = new ArrayList<>();
    long next = block * BLOCK_SIZE;
    long end = next + BLOCK_SIZE;
    while (next < end) {
      int size = (int) Math.min(1 + Rng.weighted(r, SIZE_WEIGHTS), end - next);
      Household household = draw(r, next, size);
      List<Member> kept = household.members().stream().filter(m -> m.personIndex() < customers).toList();
      if (!kept.isEmpty()) {
        households.add(withMembers(household, kept));
      }
      next += size;
    }
    return households;
  }

  private Household draw(SplittableRandom r, long firstIndex, int size) {
    String surname = ref.surnames().pick(r);
    City city = ref.cities().pick(r);
    Address address = AddressFactory.random(r, ref, city);
    boolean moved = Rng.chance(r, MOVED_RATE);
    Address previous = moved ? AddressFactory.random(r, ref, Rng.chance(r, 0.5) ? city : ref.cities().pick(r)) : null;
    Instant movedAt = moved ? SimTime.between(r, MOVES_FROM, MOVES_TO) : null;
    String sharedEmail = size > 1 && Rng.chance(r, SHARED_EMAIL_RATE) ? Emails.family(r, surname) : null;
    boolean twins = size >= 3 && Rng.chance(r, TWINS_RATE);
    List<Member> members = members(r, firstIndex, size, surname, twins);
    return new Household(Ids.householdId(firstIndex), surname, address, previous, movedAt, sharedEmail, twins, members);
  }

  private List<Member> members(SplittableRandom r, long firstIndex, int size, String surname, boolean twins) {
    List<Role> roles = roles(r, size);
    boolean hasChildren = roles.contains(Role.CHILD);
    boolean roommates = roles.contains(Role.ROOMMATE);
    int headAge = hasChildren ? Rng.between(r, 40, 75) : roommates ? Rng.between(r, 20, 40) : adultAge(r);
    Gender headGender = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
    LocalDate twinsBirthDate = birthDate(r, childAge(r, headAge));
    List<Member> members = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Role role = roles.get(i);
      Gender gender = role == Role.HEAD ? headGender : gender(r, role, headGender);
      boolean twin = twins && i >= size - 2;
      LocalDate birthDate = twin ? twinsBirthDate : birthDate(r, age(r, role, headAge));
      members.add(new Member(firstIndex + i, role, gender, birthDate, null, null, null, null));
    }
    if (twins) {
      nameTwins(r, members);
    }
    return surnames(r, members, surname, hasChildren);
  }

  private static List<Role> roles(SplittableRandom r, int size) {
    List<Role> roles = new ArrayList<>(List.of(Role.HEAD));
    if (size == 2) {
      roles.add(switch (Rng.weighted(r, 75, 15, 10)) {
        case 0 -> Role.PARTNER;
        case 1 -> Role.CHILD;
        default -> Role.ROOMMATE;
      });
    } else if (size > 2) {
      boolean couple = Rng.chance(r, 0.85);
      if (couple) {
        roles.add(Role.PARTNER);
      }
      while (roles.size() < size) {
        roles.add(Role.CHILD);
      }
    }
    return roles;
  }

  private static Gender gender(SplittableRandom r, Role role, Gender headGender) {
    if (role == Role.PARTNER) {
      return Rng.chance(r, SAME_SEX_COUPLE_RATE) ? headGender : headGender.opposite();
    }
    return r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
  }

  private static int age(SplittableRandom r, Role role, int headAge) {
    return switch (role) {
      case HEAD -> headAge;
      case PARTNER -> Math.max(18, Math.min(90, headAge + Rng.between(r, -6, 6)));
      case CHILD -> childAge(r, headAge);
      case ROOMMATE -> Math.max(18, headAge + Rng.between(r, -5, 5));
    };
  }

  private static int childAge(SplittableRandom r, int parentAge) {
    return Rng.between(r, 18, Math.max(18, Math.min(35, parentAge - 20)));
  }

  /** 18-90, tapering after 72. */
  private static int adultAge(SplittableRandom r) {
    return 18 + r.nextInt(55) + (r.nextBoolean() ? 0 : r.nextInt(18));
  }

  private static LocalDate birthDate(SplittableRandom r, int age) {
    return SimTime.AGE_REFERENCE_DATE.minusYears(age).minusDays(r.nextInt(365));
  }

  private void nameTwins(SplittableRandom r, List<Member> members) {
    int a = members.size() - 2;
    int b = members.size() - 1;
    String first = ref.givenNames(members.get(a).gender()).pick(r);
    String second = first;
    while (second.equals(first)) {
      second = ref.givenNames(members.get(b).gender()).pick(r);
    }
    members.set(a, withGivenName(members.get(a), first));
    members.set(b, withGivenName(members.get(b), second));
  }

  private List<Member> surnames(SplittableRandom r, List<Member> members, String surname, boolean hasChildren) {
    List<Member> out = new ArrayList<>(members.size());
    for (Member m : members) {
      boolean ownSurname = m.role() == Role.ROOMMATE
          || m.role() == Role.PARTNER && Rng.chance(r, UNMARRIED_PARTNER_RATE);
      out.add(ownSurname ? withSurname(m, ref.surnames().pick(r), null, null) : m);
    }
    int newlyWed = newlyWedIndex(r, out, hasChildren);
    if (newlyWed >= 0) {
      Instant marriedAt = SimTime.between(r, MOVES_FROM, MOVES_TO);
      out.set(newlyWed, withSurname(out.get(newlyWed), null, differentSurname(r, surname), marriedAt));
    }
    return out;
  }

  /** The woman of a childless married couple who took her spouse's surname during the window, or -1. */
  private static int newlyWedIndex(SplittableRandom r, List<Member> members, boolean hasChildren) {
    boolean marriedCouple = !hasChildren && members.size() == 2
        && members.get(1).role() == Role.PARTNER && members.get(1).ownSurname() == null;
    if (!marriedCouple || !Rng.chance(r, MAIDEN_NAME_RATE)) {
      return -1;
    }
    if (members.get(0).gender() == Gender.FEMALE) {
      return 0;
    }
    return members.get(1).gender() == Gender.FEMALE ? 1 : -1;
  }

  private String differentSurname(SplittableRandom r, String surname) {
    String other = ref.surnames().pick(r);
    while (other.equals(surname)) {
      other = ref.surnames().pick(r);
    }
    return other;
  }

  private static Member withGivenName(Member m, String given) {
    return new Member(m.personIndex(), m.role(), m.gender(), m.birthDate(), given, m.ownSurname(), m.maidenName(),
        m.marriedAt());
  }

  private static Member withSurname(Member m, String ownSurname, String maidenName, Instant marriedAt) {
    return new Member(m.personIndex(), m.role(), m.gender(), m.birthDate(), m.presetGivenName(), ownSurname,
        maidenName, marriedAt);
  }

  private static Household withMembers(Household h, List<Member> members) {
    return new Household(h.householdId(), h.surname(), h.address(), h.previousAddress(), h.movedAt(),
        h.sharedEmail(), h.twins(), members);
  }
}
