package dev.cdi.silver;

import static dev.cdi.io.Columns.Events.*;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** The schema of {@code silver/events} as the record standardizer emits it (before attributes and lineage). */
public final class EventSchema {

  /** Amounts: up to 16 digits before the point, cents after. */
  public static final DecimalType AMOUNT_TYPE = DataTypes.createDecimalType(18, 2);

  public static final StructType STANDARDIZED = new StructType()
      .add(EVENT_KEY, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(SOURCE_EVENT_ID, DataTypes.StringType, false)
      .add(EVENT_TYPE, DataTypes.StringType)
      .add(CHANNEL, DataTypes.StringType)
      .add(EVENT_TS, DataTypes.TimestampType)
      .add(EVENT_DATE, DataTypes.DateType)
      .add(EVENT_TS_VALIDITY, DataTypes.StringType, false)
      .add(RECORD_KEY, DataTypes.StringType)
      .add(EMAIL_KEY, DataTypes.StringType)
      .add(EMAIL_VALIDITY, DataTypes.StringType, false)
      .add(PHONE_E164, DataTypes.StringType)
      .add(PHONE_VALIDITY, DataTypes.StringType, false)
      .add(COOKIE_ID, DataTypes.StringType)
      .add(DEVICE_ID, DataTypes.StringType)
      .add(LOYALTY_ID, DataTypes.StringType)
      .add(AMOUNT, AMOUNT_TYPE)
      .add(AMOUNT_VALIDITY, DataTypes.StringType, false)
      .add(CURRENCY, DataTypes.StringType)
      .add(CAMPAIGN, DataTypes.StringType)
      .add(PRODUCT, DataTypes.StringType);

  private EventSchema() {
  }
}
