package dev.cdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.config.SilverMapping.EventMapping;
import dev.cdi.config.SilverMapping.IdentityMapping;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilverMappingLoaderTest {

  private static final String BASE = """
      lakehouse: l
      sources:
        crm:
          format: csv
          path: crm.csv
          silver:
            timezone: America/New_York
            identity:
              id: ContactID
              given_name: FirstName
              country: {value: US}
              birth_date: {column: Birthdate, formats: [MM/dd/yyyy, iso]}
              email_consent: {expr: "lower(OptOut) = 'false'"}
        orders:
          format: jsonl
          path: o.jsonl
          silver:
            events:
              id: order_id
              type: {value: order}
              timestamp: {column: placed_at, formats: [epoch_millis]}
              record_source: crm
              record_id: contact
              amount: total
      """;

  private static String failure(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).getMessage();
  }

  @Test
  void parsesEveryKindOfFieldSpec() {
    PipelineConfig config = ConfigLoader.parse(BASE, "t.yaml");
    SilverMapping crm = config.source("crm").silver();
    assertEquals("America/New_York", crm.timezone());
    assertEquals("US", crm.phoneRegion());
    IdentityMapping identity = crm.identityMapping().orElseThrow();
    assertEquals(FieldSpec.column("ContactID"), identity.id());
    assertEquals(new FieldSpec(FieldSpec.Kind.VALUE, "US", List.of()), identity.fields().get(IdentityField.COUNTRY));
    assertEquals(new FieldSpec(FieldSpec.Kind.COLUMN, "Birthdate", List.of("MM/dd/yyyy", "iso")),
        identity.fields().get(IdentityField.BIRTH_DATE));
    assertEquals(new FieldSpec(FieldSpec.Kind.EXPR, "lower(OptOut) = 'false'", List.of()),
        identity.fields().get(IdentityField.EMAIL_CONSENT));
    assertTrue(crm.eventMapping().isEmpty());
    EventMapping orders = config.source("orders").silver().eventMapping().orElseThrow();
    assertEquals("crm", orders.recordSource());
    assertEquals("UTC", config.source("orders").silver().timezone());
    assertEquals(List.of(EventField.TYPE, EventField.TIMESTAMP, EventField.RECORD_ID, EventField.AMOUNT),
        List.copyOf(orders.fields().keySet()));
  }

  @Test
  void shippedConfigurationMapsEverySource() {
    PipelineConfig config = ConfigLoader.load(Path.of("conf/pipeline.yaml"));
    List<String> identities = config.sources().values().stream()
        .filter(s -> s.silverMapping().flatMap(SilverMapping::identityMapping).isPresent()).map(SourceConfig::name)
        .toList();
    List<String> events = config.sources().values().stream()
        .filter(s -> s.silverMapping().flatMap(SilverMapping::eventMapping).isPresent()).map(SourceConfig::name)
        .toList();
    assertEquals(List.of("crm_contacts", "ecom_accounts", "email_subscribers", "support_tickets", "pos_loyalty",
        "app_events"), identities);
    assertEquals(List.of("ecom_orders", "web_events", "email_events", "support_tickets", "pos_transactions",
        "app_events"), events);
  }

  @Test
  void rejectsMistakesWithTheKeyPath() {
    assertEquals("unknown key 'sources.crm.silver.identity.frist_name'; allowed keys here: [address_line1,"
        + " address_line2, birth_date, city, country, email, email_consent, family_name, full_name, given_name, id,"
        + " loyalty_id, middle_name, national_id, phone, postcode, region, updated_at, where] (t.yaml)",
        failure(BASE.replace("given_name: FirstName", "frist_name: FirstName")));
    assertEquals("sources.crm.silver.identity.country must have exactly one of 'column', 'value' or 'expr' (t.yaml)",
        failure(BASE.replace("{value: US}", "{value: US, column: c}")));
    assertEquals("sources.orders.silver.events.amount.formats is only allowed on time fields (t.yaml)",
        failure(BASE.replace("amount: total", "amount: {column: total, formats: [iso]}")));
    assertEquals("sources.crm.silver.timezone is not a time zone id (like Europe/London or UTC), got"
        + " 'America/Springfield' (t.yaml)", failure(BASE.replace("America/New_York", "America/Springfield")));
    assertEquals("sources.crm.silver.phone_region must be an ISO 3166 region code that libphonenumber knows (like US,"
        + " GB, DE), got 'XX' (t.yaml)", failure(BASE.replace("timezone: America/New_York", "phone_region: XX")));
    assertEquals("missing required key 'sources.orders.silver.events.timestamp' (t.yaml)",
        failure(BASE.replace("        timestamp: {column: placed_at, formats: [epoch_millis]}\n", "")));
    assertEquals("missing required key 'sources.orders.silver.events.id' (t.yaml)",
        failure(BASE.replace("        id: order_id\n", "")));
    assertTrue(failure(BASE.replace("formats: [MM/dd/yyyy, iso]", "formats: [MM/dd/yyyy, \"yyyy-MM-dd'T\"]"))
        .startsWith("sources.crm.silver.identity.birth_date.formats[1] is not a date-time pattern or one of"));
    assertTrue(failure(BASE.replace("lower(OptOut) = 'false'", "lower(OptOut = 'false'")).startsWith(
        "sources.crm.silver.identity.email_consent.expr is not a valid Spark SQL expression: "));
    assertEquals("sources.orders.silver.events.record_source names unknown source 'crmm'; configured sources:"
        + " [crm, orders] (t.yaml)", failure(BASE.replace("record_source: crm", "record_source: crmm")));
    assertEquals("sources.orders.silver.events.record_source 'orders' has no silver.identity mapping, so its records"
        + " cannot be referred to (t.yaml)", failure(BASE.replace("record_source: crm", "record_source: orders")));
    assertEquals("sources.crm.silver must map 'identity', 'events' or both (t.yaml)",
        failure("lakehouse: l\nsources:\n  crm: {format: csv, path: x, silver: {timezone: UTC}}\n"));
  }
}
