package dev.cdi.generator;

/**
 * Per-system noise rates. Each rate is the probability that one emitted value receives that kind of noise; the
 * draws are independent per record and per field.
 *
 * @param typo           keyboard typo in a name
 * @param nickname       nickname instead of the given name (Bob for Robert), when the name has one
 * @param caseChange     name in ALL CAPS or lower case
 * @param whitespace     stray whitespace around or inside a name
 * @param accent         accents dropped (or added on plain names)
 * @param emailVariant   gmail dots, +tag or case change in the email
 * @param addressVariant each address variant (suffix, directional, unit, ZIP+4, ordinal, case)
 * @param streetTypo     typo in the street name
 * @param hubEmail       placeholder email (test@test.com) instead of the real one
 * @param hubPhone       placeholder phone (000-000-0000) instead of the real one
 */
record NoiseProfile(double typo, double nickname, double caseChange, double whitespace, double accent,
                    double emailVariant, double addressVariant, double streetTypo, double hubEmail, double hubPhone) {

  /** The same profile with every rate multiplied by {@code factor} (capped at 1). */
  NoiseProfile times(double factor) {
    return new NoiseProfile(cap(typo * factor), cap(nickname * factor), cap(caseChange * factor),
        cap(whitespace * factor), cap(accent * factor), cap(emailVariant * factor), cap(addressVariant * factor),
        cap(streetTypo * factor), cap(hubEmail * factor), cap(hubPhone * factor));
  }

  private static double cap(double rate) {
    return Math.min(1, rate);
  }
}
