package dev.cdi.config;

import java.util.Locale;

/** Canonical attributes of an identity record that a source can map (key in YAML = lower-case name). */
public enum IdentityField {
  GIVEN_NAME, MIDDLE_NAME, FAMILY_NAME, FULL_NAME, EMAIL, PHONE, ADDRESS_LINE1, ADDRESS_LINE2, CITY, REGION,
  POSTCODE, COUNTRY, BIRTH_DATE, LOYALTY_ID, NATIONAL_ID, UPDATED_AT, EMAIL_CONSENT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Fields whose values are parsed as dates or timestamps with the spec's formats. */
  public boolean isTime() {
    return this == BIRTH_DATE || this == UPDATED_AT;
  }
}
