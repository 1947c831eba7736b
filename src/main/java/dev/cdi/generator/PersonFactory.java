package dev.cdi.generator;

import dev.cdi.generator.Household.Member;
import java.util.SplittableRandom;

/**
 * Turns a household member into a full {@link Person}: given and middle names ({@value #MIDDLE_NAME_RATE} have a
 * middle name), email (the household's family email for its first two members when it has one; a newly married
 * woman's personal email uses her maiden name), an optional work email ({@value #WORK_EMAIL_RATE}) and a phone.
 * Draws come from the person's own PERSON stream, so a person does not depend on any other person.
 */
final class PersonFactory {

  static final double MIDDLE_NAME_RATE = 0.65;
  static final double WORK_EMAIL_RATE = 0.15;

  private final long seed;
  private final ReferenceData ref;

  PersonFactory(long seed, ReferenceData ref) {
    this.seed = seed;
    this.ref = ref;
  }

  Person create(Household household, Member member) {
    SplittableRandom r = Rng.of(seed, RngStream.PERSON, member.personIndex());
    Gender gender = member.gender();
    String given = member.presetGivenName() != null ? member.presetGivenName() : ref.givenNames(gender).pick(r);
    String middle = Rng.chance(r, MIDDLE_NAME_RATE) ? otherGivenName(r, gender, given) : "";
    String surname = member.ownSurname() != null ? member.ownSurname() : household.surname();
    String emailSurname = member.maidenName() != null ? member.maidenName() : surname;
    String email = usesFamilyEmail(household, member)
        ? household.sharedEmail()
        : Emails.personal(r, ref, gender, given, emailSurname, member.birthDate());
    String workEmail = Rng.chance(r, WORK_EMAIL_RATE) ? Emails.work(r, ref, gender, given, surname) : null;
    Phone phone = Phones.personal(seed, r, member.personIndex(), household.address().city(), ref);
    return new Person(member.personIndex(), Ids.personId(member.personIndex()), household.householdId(), gender,
        given, middle, surname, member.maidenName(), member.marriedAt(), member.birthDate(), email, workEmail, phone,
        household.address(), household.previousAddress(), household.movedAt());
  }

  private static boolean usesFamilyEmail(Household household, Member member) {
    return household.sharedEmail() != null
        && member.personIndex() < household.members().get(0).personIndex() + 2;
  }

  private String otherGivenName(SplittableRandom r, Gender gender, String given) {
    String other = ref.givenNames(gender).pick(r);
    while (other.equals(given)) {
      other = ref.givenNames(gender).pick(r);
    }
    return other;
  }
}
