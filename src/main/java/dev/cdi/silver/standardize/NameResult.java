package dev.cdi.silver.standardize;

import java.io.Serializable;

/**
 * A standardized person name; see {@link NameStandardizer} for the rules.
 *
 * @param given          given name for display ({@code Mary-Ann}); null when missing or invalid
 * @param middle         middle name(s) or initials for display ({@code J}); null when missing or invalid
 * @param family         family name for display, with its particles ({@code O'Neil}, {@code Van Der Berg})
 * @param givenCanonical match key of the formal given name behind a nickname ({@code robert} for Bob), or
 *                       {@link #givenKey} when the name is no nickname or an ambiguous one
 * @param givenKey       match key of the given name ({@code maryann})
 * @param familyKey      match key of the family name ({@code oneil})
 * @param fullKey        {@code givenCanonical + familyKey} ({@code robertsmith}); null unless both are present
 * @param validity       {@link Validity#MISSING} when no part was given, {@link Validity#INVALID} when the given or
 *                       family name is unusable or neither came out, else {@link Validity#VALID}
 */
public record NameResult(String given, String middle, String family, String givenCanonical, String givenKey,
    String familyKey, String fullKey, Validity validity) implements Serializable {

  static final NameResult MISSING = new NameResult(null, null, null, null, null, null, null, Validity.MISSING);
  static final NameResult INVALID = new NameResult(null, null, null, null, null, null, null, Validity.INVALID);
}
