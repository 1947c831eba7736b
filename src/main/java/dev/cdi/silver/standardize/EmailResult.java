package dev.cdi.silver.standardize;

import java.io.Serializable;

/**
 * A standardized email address.
 *
 * @param normalized the address as it can be written to: trimmed, lower-case, syntax checked; null unless valid
 * @param matchKey   the mailbox identity for matching, with the provider's aliasing rules applied
 *                   (see {@link EmailStandardizer}); null unless valid
 * @param validity   whether the input was usable
 */
public record EmailResult(String normalized, String matchKey, Validity validity) implements Serializable {

  static final EmailResult MISSING = new EmailResult(null, null, Validity.MISSING);
  static final EmailResult INVALID = new EmailResult(null, null, Validity.INVALID);
}
