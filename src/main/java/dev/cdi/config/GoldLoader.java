package dev.cdi.config;

import dev.cdi.gold.GoldSettings;
import dev.cdi.gold.attribution.AttributionSettings;
import dev.cdi.gold.customer.SurvivorshipAttribute;
import dev.cdi.gold.customer.SurvivorshipRule;
import dev.cdi.gold.customer.TraitSettings;
import dev.cdi.gold.household.HouseholdSettings;
import dev.cdi.gold.journey.StageRule;
import dev.cdi.gold.journey.StageRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the {@code gold} section of the pipeline configuration into {@link GoldSettings}. Every key is optional
 * and has the default the README lists; every key given is checked, and errors name the key and the file. Silver
 * columns named here are checked against the silver schema when {@code build-gold} starts, before any Spark job.
 */
final class GoldLoader {

  private static final Set<String> KEYS = Set.of("survivorship", "session_gap_minutes", "journey_stages",
      "attribution", "traits", "households");
  private static final Set<String> RULES = Stream.of(SurvivorshipRule.Kind.values())
      .map(SurvivorshipRule.Kind::configName).collect(Collectors.toSet());
  private static final Set<String> ATTRIBUTES = Stream.of(SurvivorshipAttribute.values())
      .map(SurvivorshipAttribute::configName).collect(Collectors.toSet());

  private GoldLoader() {
  }

  static GoldSettings load(ConfigNode node, Set<String> sources) {
    node.requireOnlyKeys(KEYS);
    Map<SurvivorshipAttribute, SurvivorshipRule> survivorship = survivorship(node.get("survivorship"), sources);
    int gap = (int) integer(node.get("session_gap_minutes"), GoldSettings.DEFAULT_SESSION_GAP_MINUTES);
    StageRules stages = stages(node.get("journey_stages"));
    AttributionSettings attribution = attribution(node.get("attribution"));
    TraitSettings traits = traits(node.get("traits"));
    HouseholdSettings households = households(node.get("households"));
    return valid(node, () -> new GoldSettings(survivorship, gap, stages, attribution, traits, households));
  }

  private static Map<SurvivorshipAttribute, SurvivorshipRule> survivorship(ConfigNode node, Set<String> sources) {
    Map<SurvivorshipAttribute, SurvivorshipRule> rules = new EnumMap<>(SurvivorshipAttribute.class);
    if (node.isMissing()) {
      return rules;
    }
    node.requireOnlyKeys(ATTRIBUTES);
    node.children().forEach((name, spec) -> {
      spec.requireOnlyKeys(Set.of("rule", "sources"));
      SurvivorshipRule.Kind kind = SurvivorshipRule.Kind.valueOf(spec.get("rule").asChoice(RULES)
          .toUpperCase(Locale.ROOT));
      List<String> order = strings(spec.get("sources"));
      order.stream().filter(s -> !sources.contains(s)).findFirst().ifPresent(s -> {
        throw spec.error(spec.path() + ".sources names unknown source '" + s + "'; configured sources: " + sources);
      });
      rules.put(SurvivorshipAttribute.valueOf(name.toUpperCase(Locale.ROOT)),
          valid(spec, () -> withKey(spec, () -> new SurvivorshipRule(kind, order))));
    });
    return rules;
  }

  private static StageRules stages(ConfigNode node) {
    if (node.isMissing()) {
      return Defaults.STAGES;
    }
    node.requireOnlyKeys(Set.of("default", "rules"));
    List<StageRule> rules = new ArrayList<>();
    for (ConfigNode rule : items(node.get("rules"))) {
      rule.requireOnlyKeys(Set.of("stage", "event_types", "channels", "after_first_purchase"));
      rules.add(valid(rule, () -> new StageRule(rule.get("stage").asNonBlankString(), strings(rule.get("event_types")),
          strings(rule.get("channels")), rule.get("after_first_purchase").booleanOr(false))));
    }
    return valid(node, () -> new StageRules(node.get("default").stringOr(Defaults.STAGES.defaultStage()), rules));
  }

  private static AttributionSettings attribution(ConfigNode node) {
    AttributionSettings d = Defaults.ATTRIBUTION;
    if (node.isMissing()) {
      return d;
    }
    node.requireOnlyKeys(Set.of("conversion_event_types", "lookback_days", "time_decay_half_life_days",
        "position_based"));
    ConfigNode shares = node.get("position_based");
    if (!shares.isMissing()) {
      shares.requireOnlyKeys(Set.of("first", "middle", "last"));
    }
    Function<String, Double> share = key -> shares.isMissing() || shares.get(key).isMissing() ? null
        : shares.get(key).asDouble();
    List<String> conversions = node.get("conversion_event_types").isMissing() ? d.conversionEventTypes()
        : strings(node.get("conversion_event_types"));
    return valid(node, () -> new AttributionSettings(conversions,
        (int) integer(node.get("lookback_days"), d.lookbackDays()),
        number(node.get("time_decay_half_life_days"), d.halfLifeDays()),
        or(share.apply("first"), d.firstShare()), or(share.apply("middle"), d.middleShare()),
        or(share.apply("last"), d.lastShare())));
  }

  private static TraitSettings traits(ConfigNode node) {
    TraitSettings d = Defaults.TRAITS;
    if (node.isMissing()) {
      return d;
    }
    node.requireOnlyKeys(Set.of("email", "support", "rfm", "currency"));
    ConfigNode email = optionalMap(node.get("email"), Set.of("send", "open", "click", "unsubscribe"));
    ConfigNode support = optionalMap(node.get("support"), Set.of("event_type", "status_attribute", "open_statuses"));
    List<String> open = support.isMissing() || support.get("open_statuses").isMissing() ? d.openStatuses()
        : strings(support.get("open_statuses"));
    return valid(node, () -> new TraitSettings(text(email, "send", d.emailSend()), text(email, "open", d.emailOpen()),
        text(email, "click", d.emailClick()), text(email, "unsubscribe", d.emailUnsubscribe()),
        text(support, "event_type", d.supportTicket()), text(support, "status_attribute", d.statusAttribute()), open,
        rfm(node.get("rfm"), d.rfm()), currency(node.get("currency"), d.currency())));
  }

  private static TraitSettings.Rfm rfm(ConfigNode node, TraitSettings.Rfm d) {
    if (node.isMissing()) {
      return d;
    }
    node.requireOnlyKeys(Set.of("recency_days", "orders", "revenue"));
    List<Integer> recency = node.get("recency_days").isMissing() ? d.recencyDays()
        : items(node.get("recency_days")).stream().map(n -> (int) n.longInRange(0, 0, 100_000)).toList();
    List<Integer> orders = node.get("orders").isMissing() ? d.orders()
        : items(node.get("orders")).stream().map(n -> (int) n.longInRange(0, 0, 1_000_000)).toList();
    List<BigDecimal> revenue = node.get("revenue").isMissing() ? d.revenue()
        : items(node.get("revenue")).stream().map(n -> new BigDecimal(n.asString())).toList();
    return valid(node, () -> new TraitSettings.Rfm(recency, orders, revenue));
  }

  private static TraitSettings.Currency currency(ConfigNode node, TraitSettings.Currency d) {
    if (node.isMissing()) {
      return d;
    }
    node.requireOnlyKeys(Set.of("reporting", "rates"));
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    if (!node.get("rates").isMissing()) {
      node.get("rates").children().forEach((code, rate) -> {
        rate.asDouble();
        rates.put(code.toUpperCase(Locale.ROOT), new BigDecimal(rate.asString()));
      });
    }
    return valid(node, () -> new TraitSettings.Currency(node.get("reporting").stringOr(d.reporting())
        .toUpperCase(Locale.ROOT), rates));
  }

  private static HouseholdSettings households(ConfigNode node) {
    HouseholdSettings d = Defaults.HOUSEHOLDS;
    if (node.isMissing()) {
      return d;
    }
    node.requireOnlyKeys(Set.of("identifiers", "max_members"));
    List<String> identifiers = node.get("identifiers").isMissing() ? d.identifierColumns()
        : strings(node.get("identifiers"));
    return valid(node, () -> new HouseholdSettings(identifiers, (int) integer(node.get("max_members"),
        d.maxMembers())));
  }

  private static ConfigNode optionalMap(ConfigNode node, Set<String> keys) {
    if (!node.isMissing()) {
      node.requireOnlyKeys(keys);
    }
    return node;
  }

  private static String text(ConfigNode parent, String key, String fallback) {
    return parent.isMissing() ? fallback : parent.get(key).isMissing() ? fallback : parent.get(key).asNonBlankString();
  }

  private static long integer(ConfigNode node, long fallback) {
    return node.isMissing() ? fallback : node.asLong();
  }

  private static double number(ConfigNode node, double fallback) {
    return node.isMissing() ? fallback : node.asDouble();
  }

  private static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private static List<String> strings(ConfigNode node) {
    return items(node).stream().map(ConfigNode::asNonBlankString).toList();
  }

  private static List<ConfigNode> items(ConfigNode node) {
    return node.isMissing() ? List.of() : node.items();
  }

  /** Prefixes a record's own message (which names no key) with the node's key path. */
  private static <T> T withKey(ConfigNode node, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.path() + ": " + e.getMessage(), e);
    }
  }

  /** Builds a settings record, turning its validation error into a configuration error that names the file. */
  private static <T> T valid(ConfigNode node, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage() + " (" + node.origin() + ")", e);
    }
  }

  /** The defaults of every optional key; they match the sample sources' event types. */
  static final class Defaults {
    static final StageRules STAGES = new StageRules("awareness", List.of(
        new StageRule("purchase", List.of("order", "pos_sale", "app_purchase"), List.of(), false),
        new StageRule("service", List.of("support_ticket"), List.of(), false),
        new StageRule("retention", List.of(), List.of(), true),
        new StageRule("consideration", List.of("product_view", "search", "add_to_cart", "checkout", "login",
            "app_login", "app_screen_view", "app_add_to_cart", "email_click"), List.of(), false)));
    static final AttributionSettings ATTRIBUTION = new AttributionSettings(List.of("order", "pos_sale"), 30, 7.0,
        0.4, 0.2, 0.4);
    static final TraitSettings TRAITS = new TraitSettings("email_send", "email_open", "email_click",
        "email_unsubscribe", "support_ticket", "status", List.of("new", "open", "pending"),
        new TraitSettings.Rfm(List.of(30, 90, 180, 365), List.of(2, 3, 5, 8), List.of(new BigDecimal("100"),
            new BigDecimal("250"), new BigDecimal("500"), new BigDecimal("1000"))),
        new TraitSettings.Currency("USD", Map.of()));
    static final HouseholdSettings HOUSEHOLDS = new HouseholdSettings(List.of("email_key", "phone_e164"), 6);

    private Defaults() {
    }
  }
}
