package dev.cdi.silver;

import static dev.cdi.io.Columns.Identities.*;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The schema of {@code silver/identities} (before lineage columns), in column order. */
public final class IdentitySchema {

  public static final StructType STANDARDIZED = new StructType()
      .add(RECORD_KEY, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(SOURCE_RECORD_ID, DataTypes.StringType, false)
      .add(GIVEN_NAME, DataTypes.StringType)
      .add(MIDDLE_NAME, DataTypes.StringType)
      .add(FAMILY_NAME, DataTypes.StringType)
      .add(GIVEN_CANONICAL, DataTypes.StringType)
      .add(GIVEN_KEY, DataTypes.StringType)
      .add(FAMILY_KEY, DataTypes.StringType)
      .add(FULL_NAME_KEY, DataTypes.StringType)
      .add(NAME_VALIDITY, DataTypes.StringType, false)
      .add(EMAIL, DataTypes.StringType)
      .add(EMAIL_KEY, DataTypes.StringType)
      .add(EMAIL_VALIDITY, DataTypes.StringType, false)
      .add(PHONE_E164, DataTypes.StringType)
      .add(PHONE_VALIDITY, DataTypes.StringType, false)
      .add(ADDRESS_LINE1, DataTypes.StringType)
      .add(ADDRESS_UNIT, DataTypes.StringType)
      .add(CITY, DataTypes.StringType)
      .add(REGION, DataTypes.StringType)
      .add(POSTCODE, DataTypes.StringType)
      .add(COUNTRY, DataTypes.StringType)
      .add(ADDRESS_KEY, DataTypes.StringType)
      .add(ADDRESS_VALIDITY, DataTypes.StringType, false)
      .add(BIRTH_DATE, DataTypes.DateType)
      .add(BIRTH_DATE_VALIDITY, DataTypes.StringType, false)
      .add(LOYALTY_ID, DataTypes.StringType)
      .add(NATIONAL_ID, DataTypes.StringType)
      .add(EMAIL_CONSENT, DataTypes.BooleanType)
      .add(UPDATED_AT, DataTypes.TimestampType)
      .add(UPDATED_AT_VALIDITY, DataTypes.StringType, false)
      .add(RAW, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), false);

  private IdentitySchema() {
  }
}
