package dev.cdi.gold.customer;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Identities;
import java.util.List;
import java.util.Locale;

/**
 * A golden attribute: the silver identity columns whose values are chosen together from one record (a name's parts,
 * an address's lines), the customer-360 columns they land in, and the validity column that rules out invalid values.
 */
public enum SurvivorshipAttribute {
  NAME(List.of(Identities.GIVEN_NAME, Identities.MIDDLE_NAME, Identities.FAMILY_NAME),
      List.of(Customer360.GIVEN_NAME, Customer360.MIDDLE_NAME, Customer360.FAMILY_NAME), Identities.NAME_VALIDITY),
  EMAIL(List.of(Identities.EMAIL), List.of(Customer360.EMAIL), Identities.EMAIL_VALIDITY),
  PHONE(List.of(Identities.PHONE_E164), List.of(Customer360.PHONE), Identities.PHONE_VALIDITY),
  ADDRESS(List.of(Identities.ADDRESS_LINE1, Identities.ADDRESS_UNIT, Identities.CITY, Identities.REGION,
      Identities.POSTCODE, Identities.COUNTRY), List.of(Customer360.ADDRESS_LINE1, Customer360.ADDRESS_UNIT,
      Customer360.CITY, Customer360.REGION, Customer360.POSTCODE, Customer360.COUNTRY), Identities.ADDRESS_VALIDITY),
  BIRTH_DATE(List.of(Identities.BIRTH_DATE), List.of(Customer360.BIRTH_DATE), Identities.BIRTH_DATE_VALIDITY),
  EMAIL_CONSENT(List.of(Identities.EMAIL_CONSENT), List.of(Customer360.EMAIL_CONSENT), null);

  private final List<String> sourceColumns;
  private final List<String> goldColumns;
  private final String validityColumn;

  SurvivorshipAttribute(List<String> sourceColumns, List<String> goldColumns, String validityColumn) {
    this.sourceColumns = sourceColumns;
    this.goldColumns = goldColumns;
    this.validityColumn = validityColumn;
  }

  /** The name used in the configuration and as the key of {@code provenance}: {@code name}, {@code birth_date}... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Silver identity columns taken together from the surviving record. */
  public List<String> sourceColumns() {
    return sourceColumns;
  }

  /** The customer-360 columns, in the order of {@link #sourceColumns()}. */
  public List<String> goldColumns() {
    return goldColumns;
  }

  /** The silver column saying VALID, INVALID or MISSING, or null when the attribute has none. */
  public String validityColumn() {
    return validityColumn;
  }
}
