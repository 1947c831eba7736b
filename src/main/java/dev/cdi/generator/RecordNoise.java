package dev.cdi.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies one system's {@link NoiseProfile} to the values of an emitted record: names (nickname, typo, accents,
 * case, whitespace), email (placeholder hub or variant), phone (placeholder hub or a hand-typed format) and address
 * (see {@link AddressFormats}). Every call draws from the record's random stream, so noise is independent per
 * record and deterministic.
 */
final class RecordNoise {

  private final NoiseProfile profile;
  private final ReferenceData ref;

  RecordNoise(NoiseProfile profile, ReferenceData ref) {
    this.profile = profile;
    this.ref = ref;
  }

  /** The given name, possibly replaced by a nickname, then with name noise. */
  String givenName(SplittableRandom r, String given) {
    List<String> nicknames = ref.nicknamesOf(given);
    boolean useNickname = !nicknames.isEmpty() && Rng.chance(r, profile.nickname());
    return name(r, useNickname ? Rng.pick(r, nicknames) : given);
  }

  /** Typo, accents, case and whitespace noise, each with its own rate. */
  String name(SplittableRandom r, String name) {
    String s = name;
    if (Rng.chance(r, profile.typo())) {
      s = Noise.typo(r, s);
    }
    if (Rng.chance(r, profile.accent())) {
      s = Noise.toggleAccents(r, s);
    }
    if (Rng.chance(r, profile.caseChange())) {
      s = Noise.changeCase(r, s);
    }
    if (Rng.chance(r, profile.whitespace())) {
      s = Noise.strayWhitespace(r, s);
    }
    return s;
  }

  /** A placeholder hub address, or the address with a possible variant. */
  String email(SplittableRandom r, String email) {
    if (Rng.chance(r, profile.hubEmail())) {
      return Rng.pick(r, Emails.HUB_EMAILS);
    }
    return Rng.chance(r, profile.emailVariant()) ? Noise.emailVariant(r, email) : email;
  }

  /** A placeholder hub number, or the number in a hand-typed format. */
  String phone(SplittableRandom r, Phone phone, double extensionRate) {
    if (Rng.chance(r, profile.hubPhone())) {
      return Rng.pickOf(r, PhoneFormats.HUB_PHONES);
    }
    return PhoneFormats.random(r, phone, extensionRate);
  }

  AddressFormats.Lines address(SplittableRandom r, Address address) {
    return AddressFormats.noisy(r, address, profile);
  }
}
