package dev.cdi.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates personal and store phone numbers. About {@value #FOREIGN_RATE} of persons have a non-US number (UK and
 * German mobiles, Canadian and Mexican numbers); US numbers mostly use an area code of the home city. The
 * subscriber part is a permutation of the person index, so two persons never share a number (unless a run exceeds
 * about 7.8 million persons); store phones use exchange 200, which personal numbers never use.
 */
final class Phones {

  static final double FOREIGN_RATE = 0.08;
  static final double HOME_AREA_CODE_RATE = 0.85;
  static final String STORE_EXCHANGE = "200";

  private static final List<String> EXCHANGES = validExchanges();
  private static final List<String> CANADA_AREA_CODES =
      List.of("416", "647", "437", "604", "778", "514", "438", "403", "587", "613", "905", "289", "780", "902", "204");
  private static final List<String> UK_MOBILE_PREFIXES = List.of("74", "75", "77", "78", "79");
  private static final List<String> DE_MOBILE_PREFIXES =
      List.of("151", "152", "157", "159", "176", "177", "178", "179");
  private static final List<String> MX_AREA_CODES = List.of("55", "33", "81");

  private Phones() {
  }

  /** The person's own phone number. */
  static Phone personal(long seed, SplittableRandom r, long personIndex, City home, ReferenceData ref) {
    if (Rng.chance(r, FOREIGN_RATE)) {
      return foreign(seed, r, personIndex);
    }
    City areaCity = Rng.chance(r, HOME_AREA_CODE_RATE) ? home : ref.cities().pick(r);
    return new Phone("US", "1", Rng.pick(r, areaCity.areaCodes()) + uniqueLocal(seed, personIndex));
  }

  /** A store's main line: the city's first area code, exchange 200, line 01xx by store number. */
  static Phone store(City city) {
    return new Phone("US", "1", city.areaCodes().get(0) + STORE_EXCHANGE + Ids.zeroPad(100 + city.index(), 4));
  }

  private static Phone foreign(long seed, SplittableRandom r, long personIndex) {
    return switch (Rng.weighted(r, 35, 20, 30, 15)) {
      case 0 -> new Phone("GB", "44", Rng.pick(r, UK_MOBILE_PREFIXES) + digits(seed, personIndex, 8));
      case 1 -> new Phone("DE", "49", Rng.pick(r, DE_MOBILE_PREFIXES) + digits(seed, personIndex, 8));
      case 2 -> new Phone("CA", "1", Rng.pick(r, CANADA_AREA_CODES) + uniqueLocal(seed, personIndex));
      default -> new Phone("MX", "52", Rng.pick(r, MX_AREA_CODES) + digits(seed, personIndex, 8));
    };
  }

  /** Seven digits (exchange + line) unique per person index. */
  static String uniqueLocal(long seed, long personIndex) {
    long index = Ids.permute(personIndex, EXCHANGES.size() * 10_000L, seed);
    return EXCHANGES.get((int) (index / 10_000)) + Ids.zeroPad(index % 10_000, 4);
  }

  private static String digits(long seed, long personIndex, int width) {
    long modulus = (long) Math.pow(10, width);
    return Ids.zeroPad(Ids.permute(personIndex, modulus, seed + width), width);
  }

  /** Exchanges 201-999 without N11 service codes, 555 and a few special-use exchanges. */
  private static List<String> validExchanges() {
    List<String> exchanges = new ArrayList<>();
    for (int e = 201; e <= 999; e++) {
      boolean serviceCode = e % 100 == 11;
      boolean special = e == 555 || e == 950 || e == 958 || e == 959 || e == 976;
      if (!serviceCode && !special) {
        exchanges.add(Integer.toString(e));
      }
    }
    return List.copyOf(exchanges);
  }
}
