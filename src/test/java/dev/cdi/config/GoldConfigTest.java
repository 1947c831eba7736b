package dev.cdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.gold.GoldSettings;
import dev.cdi.gold.customer.SurvivorshipAttribute;
import dev.cdi.gold.customer.SurvivorshipRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldConfigTest {

  private static String yaml(String gold) {
    return """
        lakehouse: /l
        sources:
          crm:
            format: csv
            path: "*.csv"
            silver: {identity: {id: id, email: email}}
        gold:
        %s
        """.formatted(gold.indent(2));
  }

  private static GoldSettings parse(String gold) {
    return ConfigLoader.parse(yaml(gold), "g.yaml").goldSettings();
  }

  private static String error(String gold) {
    return assertThrows(ConfigException.class, () -> parse(gold)).getMessage();
  }

  @Test
  void theShippedConfigurationLoadsWithItsRules() {
    GoldSettings shipped = ConfigLoader.load(Path.of("conf/pipeline.yaml")).goldSettings();
    assertEquals(SurvivorshipRule.Kind.SOURCE_PRIORITY, shipped.survivorship().get(SurvivorshipAttribute.NAME).kind());
    assertEquals("crm_contacts", shipped.survivorship().get(SurvivorshipAttribute.NAME).sources().get(0));
    assertEquals(SurvivorshipRule.Kind.MOST_COMPLETE, shipped.survivorship().get(SurvivorshipAttribute.ADDRESS)
        .kind());
    assertEquals(30, shipped.sessionGapMinutes());
    assertEquals(7.0, shipped.attribution().halfLifeDays());
    assertEquals(List.of(0.4, 0.2, 0.4), List.of(shipped.attribution().firstShare(),
        shipped.attribution().middleShare(), shipped.attribution().lastShare()));
    assertEquals(new BigDecimal("0.73"), shipped.traits().currency().rates().get("CAD"));
  }

  @Test
  void anEmptySectionTakesTheDefaults() {
    GoldSettings d = parse("{}");
    assertEquals(30, d.sessionGapMinutes());
    assertEquals(7.0, d.attribution().halfLifeDays());
    assertEquals(30, d.attribution().lookbackDays());
    assertEquals(List.of("order", "pos_sale"), d.attribution().conversionEventTypes());
    assertEquals("awareness", d.stages().defaultStage());
    for (SurvivorshipAttribute a : SurvivorshipAttribute.values()) {
      assertEquals(SurvivorshipRule.mostRecent(), d.survivorship().get(a), a.configName());
    }
  }

  @Test
  void aValidSectionBecomesSettings() {
    GoldSettings s = parse("""
        survivorship: {phone: {rule: most_frequent}, name: {rule: source_priority, sources: [crm]}}
        session_gap_minutes: 45
        journey_stages: {default: consideration, rules: [{stage: purchase, event_types: [order]}]}
        attribution: {lookback_days: 14, time_decay_half_life_days: 3.5, position_based: {first: 0.3, middle: 0.4,
                      last: 0.3}}
        households: {max_members: 4}
        """);
    assertEquals(45, s.sessionGapMinutes());
    assertEquals(SurvivorshipRule.Kind.MOST_FREQUENT, s.survivorship().get(SurvivorshipAttribute.PHONE).kind());
    assertEquals(List.of("crm"), s.survivorship().get(SurvivorshipAttribute.NAME).sources());
    assertEquals(SurvivorshipRule.mostRecent(), s.survivorship().get(SurvivorshipAttribute.EMAIL));
    assertEquals("consideration", s.stages().defaultStage());
    assertEquals(1, s.stages().rules().size());
    assertEquals(14, s.attribution().lookbackDays());
    assertEquals(3.5, s.attribution().halfLifeDays());
    assertEquals(0.4, s.attribution().middleShare());
    assertEquals(4, s.households().maxMembers());
  }

  @Test
  void mistakesNameTheKeyAndTheFile() {
    assertEquals("gold.session_gap_minutes must be > 0, got -5 (g.yaml)", error("session_gap_minutes: -5"));
    assertEquals("gold.attribution.time_decay_half_life_days must be > 0, got 0.0 (g.yaml)",
        error("attribution: {time_decay_half_life_days: 0}"));
    assertEquals("gold.attribution.lookback_days must be > 0, got 0 (g.yaml)", error("attribution: {lookback_days: 0}"));
    assertEquals("gold.attribution.position_based shares must be >= 0 and sum to 1 (first + last > 0), got first 0.5,"
        + " middle 0.2, last 0.4 (g.yaml)", error("attribution: {position_based: {first: 0.5}}"));
    assertEquals("gold.survivorship.name must be a mapping of keys to values, got a string (g.yaml)",
        error("survivorship: {name: newest}"));
    assertEquals("gold.survivorship.email.rule must be one of most_complete, most_frequent, most_recent,"
        + " source_priority, got 'newest' (g.yaml)", error("survivorship: {email: {rule: newest}}"));
    assertEquals("gold.survivorship.name.sources names unknown source 'erp'; configured sources: [crm] (g.yaml)",
        error("survivorship: {name: {rule: source_priority, sources: [erp]}}"));
    assertEquals("gold.survivorship.name: rule source_priority needs a non-empty list of sources (g.yaml)",
        error("survivorship: {name: {rule: source_priority}}"));
    assertEquals("unknown key 'gold.survivorship.nickname'; allowed keys here: [address, birth_date, email,"
        + " email_consent, name, phone] (g.yaml)", error("survivorship: {nickname: {rule: most_recent}}"));
    assertEquals("gold.journey_stages stage must be one of [awareness, consideration, purchase, retention, service],"
        + " got 'loyalty' (g.yaml)", error("journey_stages: {rules: [{stage: loyalty, event_types: [x]}]}"));
    assertEquals("gold.households.max_members must be >= 2, got 1 (g.yaml)", error("households: {max_members: 1}"));
    assertEquals("gold.traits.rfm.orders must be 4 strictly ascending numbers, got [1, 2, 2, 3] (g.yaml)",
        error("traits: {rfm: {orders: [1, 2, 2, 3]}}"));
    assertEquals("the configuration has no 'gold' section, so no gold tables can be built (n.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml("{}").replace("gold:", "")
            .replace("  {}", ""), "n.yaml").goldSettings()).getMessage());
  }
}
