package dev.cdi.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one source maps onto the canonical silver tables: optional identity records ({@code silver/identities}) and
 * optional events ({@code silver/events}).
 *
 * @param timezone    zone for timestamps written without an offset
 * @param phoneRegion ISO 3166 region for phone numbers written without a country code
 * @param invalidTimes what happens to a record whose date or time field cannot be parsed
 * @param identity    identity mapping, or null if the source holds no identity-bearing records
 * @param events      event mapping, or null if the source holds no touchpoints
 */
public record SilverMapping(String timezone, String phoneRegion, InvalidTimeAction invalidTimes,
                            IdentityMapping identity, EventMapping events)
    implements Serializable {

  public Optional<IdentityMapping> identityMapping() {
    return Optional.ofNullable(identity);
  }

  public Optional<EventMapping> eventMapping() {
    return Optional.ofNullable(events);
  }

  /**
   * Identity records of a source.
   *
   * @param id     the source record id
   * @param where  optional Spark SQL filter selecting the identity-bearing rows (for example logins)
   * @param fields canonical attributes and where they come from
   */
  public record IdentityMapping(FieldSpec id, String where, Map<IdentityField, FieldSpec> fields)
      implements Serializable {
    public IdentityMapping {
      fields = Collections.unmodifiableMap(new EnumMap<>(fields.isEmpty() ? new EnumMap<>(IdentityField.class)
          : fields));
    }
  }

  /**
   * Touchpoint events of a source.
   *
   * @param id           the event id
   * @param where        optional Spark SQL filter
   * @param recordSource source whose identity record {@code record_id} refers to
   * @param fields       canonical attributes and where they come from
   */
  public record EventMapping(FieldSpec id, String where, String recordSource, Map<EventField, FieldSpec> fields)
      implements Serializable {
    public EventMapping {
      fields = Collections.unmodifiableMap(new EnumMap<>(fields.isEmpty() ? new EnumMap<>(EventField.class)
          : fields));
    }
  }
}
