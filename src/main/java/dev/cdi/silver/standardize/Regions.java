package dev.cdi.silver.standardize;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Standardizes states and provinces. A spelled-out name becomes its postal code: US states, DC and territories when
 * the country is US or unknown ({@code California} to {@code CA}); Canadian provinces and territories when it is CA
 * ({@code Québec} to {@code QC}); Australian states and territories when it is AU ({@code New South Wales} to
 * {@code NSW}). Any other value of at most three letters is taken as a code and upper-cased ({@code ca}, {@code N.Y.},
 * {@code nsw}); longer values stay as lower-case folded text ({@code bavaria}).
 */
final class Regions {

  private static final int MAX_CODE = 3;

  private static final Map<String, String> US = Map.ofEntries(
      Map.entry("alabama", "AL"), Map.entry("alaska", "AK"), Map.entry("arizona", "AZ"), Map.entry("arkansas", "AR"),
      Map.entry("california", "CA"), Map.entry("colorado", "CO"), Map.entry("connecticut", "CT"),
      Map.entry("delaware", "DE"), Map.entry("florida", "FL"), Map.entry("georgia", "GA"), Map.entry("hawaii", "HI"),
      Map.entry("idaho", "ID"), Map.entry("illinois", "IL"), Map.entry("indiana", "IN"), Map.entry("iowa", "IA"),
      Map.entry("kansas", "KS"), Map.entry("kentucky", "KY"), Map.entry("louisiana", "LA"), Map.entry("maine", "ME"),
      Map.entry("maryland", "MD"), Map.entry("massachusetts", "MA"), Map.entry("michigan", "MI"),
      Map.entry("minnesota", "MN"), Map.entry("mississippi", "MS"), Map.entry("missouri", "MO"),
      Map.entry("montana", "MT"), Map.entry("nebraska", "NE"), Map.entry("nevada", "NV"),
      Map.entry("newhampshire", "NH"), Map.entry("newjersey", "NJ"), Map.entry("newmexico", "NM"),
      Map.entry("newyork", "NY"), Map.entry("northcarolina", "NC"), Map.entry("northdakota", "ND"),
      Map.entry("ohio", "OH"), Map.entry("oklahoma", "OK"), Map.entry("oregon", "OR"),
      Map.entry("pennsylvania", "PA"), Map.entry("rhodeisland", "RI"), Map.entry("southcarolina", "SC"),
      Map.entry("southdakota", "SD"), Map.entry("tennessee", "TN"), Map.entry("texas", "TX"), Map.entry("utah", "UT"),
      Map.entry("vermont", "VT"), Map.entry("virginia", "VA"), Map.entry("washington", "WA"),
      Map.entry("westvirginia", "WV"), Map.entry("wisconsin", "WI"), Map.entry("wyoming", "WY"),
      Map.entry("districtofcolumbia", "DC"), Map.entry("washingtondc", "DC"), Map.entry("puertorico", "PR"),
      Map.entry("guam", "GU"), Map.entry("usvirginislands", "VI"), Map.entry("americansamoa", "AS"),
      Map.entry("northernmarianaislands", "MP"));

  private static final Map<String, String> CANADA = Map.ofEntries(
      Map.entry("alberta", "AB"), Map.entry("britishcolumbia", "BC"), Map.entry("manitoba", "MB"),
      Map.entry("newbrunswick", "NB"), Map.entry("newfoundlandandlabrador", "NL"), Map.entry("newfoundland", "NL"),
      Map.entry("novascotia", "NS"), Map.entry("northwestterritories", "NT"), Map.entry("nunavut", "NU"),
      Map.entry("ontario", "ON"), Map.entry("princeedwardisland", "PE"), Map.entry("quebec", "QC"),
      Map.entry("saskatchewan", "SK"), Map.entry("yukon", "YT"));

  private static final Map<String, String> AUSTRALIA = Map.of(
      "newsouthwales", "NSW", "victoria", "VIC", "queensland", "QLD", "westernaustralia", "WA",
      "southaustralia", "SA", "tasmania", "TAS", "australiancapitalterritory", "ACT", "northernterritory", "NT");

  private Regions() {
  }

  /** The standardized region, or null when it is blank or has no letters. */
  static String standardize(String raw, String country) {
    List<String> words = AddressText.words(raw);
    String text = String.join(" ", words);
    if (!Text.hasLetter(text)) {
      return null;
    }
    String compact = String.join("", words);
    String code = names(country).get(compact);
    if (code != null) {
      return code;
    }
    boolean shortCode = compact.length() <= MAX_CODE && compact.chars().allMatch(Character::isLetter);
    return shortCode ? compact.toUpperCase(Locale.ROOT) : text;
  }

  private static Map<String, String> names(String country) {
    if (country == null || "US".equals(country)) {
      return US;
    }
    return switch (country) {
      case "CA" -> CANADA;
      case "AU" -> AUSTRALIA;
      default -> Map.of();
    };
  }
}
