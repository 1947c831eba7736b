package dev.cdi.silver.standardize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Maps country names and codes to ISO 3166 alpha-2 codes. Known are every alpha-2 and alpha-3 code and English
 * short name that the JDK knows ({@code DE}, {@code DEU}, {@code Germany}), plus common aliases and native names
 * ({@code USA}, {@code U.S.A.}, {@code America}, {@code UK}, {@code Great Britain}, {@code England},
 * {@code Deutschland}, {@code México}, {@code Holland}). Case, accents, punctuation and spaces are ignored. Anything
 * else gives null.
 */
final class Countries {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("usa", "US"), Map.entry("america", "US"), Map.entry("unitedstatesofamerica", "US"),
      Map.entry("uk", "GB"), Map.entry("greatbritain", "GB"), Map.entry("britain", "GB"),
      Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
      Map.entry("northernireland", "GB"), Map.entry("deutschland", "DE"), Map.entry("holland", "NL"),
      Map.entry("thenetherlands", "NL"), Map.entry("nederland", "NL"), Map.entry("espana", "ES"),
      Map.entry("italia", "IT"), Map.entry("brasil", "BR"), Map.entry("schweiz", "CH"), Map.entry("suisse", "CH"),
      Map.entry("osterreich", "AT"), Map.entry("belgique", "BE"), Map.entry("belgie", "BE"),
      Map.entry("eire", "IE"), Map.entry("uae", "AE"), Map.entry("korea", "KR"), Map.entry("russianfederation", "RU"));

  private static final Map<String, String> CODES = build();

  private Countries() {
  }

  /** The alpha-2 code of {@code raw}, or null when it is blank or unknown. */
  static String iso2(String raw) {
    String key = String.join("", AddressText.words(raw));
    return key.isEmpty() ? null : CODES.get(key);
  }

  private static Map<String, String> build() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale locale = new Locale("", code);
      codes.put(code.toLowerCase(Locale.ROOT), code);
      codes.put(compact(locale.getDisplayCountry(Locale.ENGLISH)), code);
      try {
        codes.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
      } catch (MissingResourceException e) {
        // No alpha-3 code in this JDK: the alpha-2 code and the name still map.
      }
    }
    codes.putAll(ALIASES);
    return Map.copyOf(codes);
  }

  private static String compact(String name) {
    return String.join("", AddressText.words(name));
  }
}
