package dev.cdi.silver.standardize;

import java.io.Serializable;

/**
 * A standardized postal address; see {@link AddressStandardizer} for the rules. Every part is null when missing or
 * unusable.
 *
 * @param line1      street line, lower-case and abbreviated ({@code 123 n main st}), with the unit taken out and
 *                   any other text of the second line appended
 * @param unit       apartment, suite or unit identifier ({@code 4b})
 * @param city       lower-case city ({@code st louis})
 * @param region     state or province: a code in upper case ({@code CA}, {@code NSW}), otherwise lower-case text
 * @param postcode   postal code ({@code 94105}, {@code SW1A 1AA}, {@code K1A 0B1})
 * @param country    ISO 3166 alpha-2 code ({@code US})
 * @param singleLine {@code <line1> [unit <unit>] <city> <region> <postcode>} of the parts present, lower-case, for
 *                   matching; null without a street line, since a city or postcode alone is an area shared by
 *                   many households, not an address (matchers compare postcodes on their own)
 * @param validity   {@link Validity#MISSING} when the street lines, city, region and postcode are all blank;
 *                   {@link Validity#INVALID} when some were given but none of street line, city,
 *                   region and postcode is usable; else {@link Validity#VALID}
 */
public record AddressResult(String line1, String unit, String city, String region, String postcode, String country,
    String singleLine, Validity validity) implements Serializable {
}
