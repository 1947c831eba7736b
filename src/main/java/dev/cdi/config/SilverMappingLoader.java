package dev.cdi.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.cdi.config.SilverMapping.EventMapping;
import dev.cdi.config.SilverMapping.IdentityMapping;
import dev.cdi.silver.standardize.TimestampParser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Reads the {@code silver} section of a source. SQL expressions and filters are syntax-checked with Spark's
 * parser, time zones, phone regions and time formats are checked here, so a typo fails on load and not hours
 * into a run. Whether named columns exist is checked against the bronze schema when the job starts.
 */
final class SilverMappingLoader {

  static final Set<String> TIME_KEYWORDS = Set.of("iso", "epoch_seconds", "epoch_millis", "epoch_micros");
  private static final Set<String> KEYS = Set.of("timezone", "phone_region", "invalid_times", "identity",
      "events");
  private static final Set<String> SPEC_KEYS = Set.of("column", "value", "expr", "formats");

  private SilverMappingLoader() {
  }

  static SilverMapping load(ConfigNode node) {
    node.requireOnlyKeys(KEYS);
    String timezone = zone(node.get("timezone"));
    String region = phoneRegion(node.get("phone_region"));
    ConfigNode invalid = node.get("invalid_times");
    InvalidTimeAction invalidTimes = invalid.isMissing() ? InvalidTimeAction.NULLIFY
        : InvalidTimeAction.of(invalid.asChoice(Set.of("nullify", "quarantine")));
    IdentityMapping identity = node.get("identity").isMissing() ? null : identity(node.get("identity"));
    EventMapping events = node.get("events").isMissing() ? null : events(node.get("events"));
    if (identity == null && events == null) {
      throw node.error(node.path() + " must map 'identity', 'events' or both");
    }
    return new SilverMapping(timezone, region, invalidTimes, identity, events);
  }

  private static IdentityMapping identity(ConfigNode node) {
    Set<String> allowed = keys(Stream.of(IdentityField.values()).map(IdentityField::key), "id", "where");
    node.requireOnlyKeys(allowed);
    Map<IdentityField, FieldSpec> fields = new EnumMap<>(IdentityField.class);
    for (IdentityField field : IdentityField.values()) {
      ConfigNode child = node.get(field.key());
      if (!child.isMissing()) {
        fields.put(field, spec(child, field.isTime()));
      }
    }
    return new IdentityMapping(spec(node.get("id"), false), where(node.get("where")), fields);
  }

  private static EventMapping events(ConfigNode node) {
    Set<String> allowed = keys(Stream.of(EventField.values()).map(EventField::key), "id", "where", "record_source");
    node.requireOnlyKeys(allowed);
    Map<EventField, FieldSpec> fields = new EnumMap<>(EventField.class);
    for (EventField field : EventField.values()) {
      ConfigNode child = node.get(field.key());
      if (!child.isMissing()) {
        fields.put(field, spec(child, field.isTime()));
      }
    }
    for (EventField required : List.of(EventField.TYPE, EventField.TIMESTAMP)) {
      if (!fields.containsKey(required)) {
        throw node.error("missing required key '" + node.path() + "." + required.key() + "'");
      }
    }
    String recordSource = node.get("record_source").isMissing() ? null : node.get("record_source").asNonBlankString();
    return new EventMapping(spec(node.get("id"), false), where(node.get("where")), recordSource, fields);
  }

  private static FieldSpec spec(ConfigNode node, boolean time) {
    if (node.isMissing()) {
      throw node.error("missing required key '" + node.path() + "'");
    }
    return node.isScalar() ? FieldSpec.column(node.asNonBlankString()) : specFromMapping(node, time);
  }

  private static FieldSpec specFromMapping(ConfigNode node, boolean time) {
    node.requireOnlyKeys(SPEC_KEYS);
    List<FieldSpec.Kind> kinds = new ArrayList<>();
    for (FieldSpec.Kind kind : FieldSpec.Kind.values()) {
      if (!node.get(kind.name().toLowerCase(Locale.ROOT)).isMissing()) {
        kinds.add(kind);
      }
    }
    if (kinds.size() != 1) {
      throw node.error(node.path() + " must have exactly one of 'column', 'value' or 'expr'");
    }
    FieldSpec.Kind kind = kinds.get(0);
    ConfigNode textNode = node.get(kind.name().toLowerCase(Locale.ROOT));
    String text = kind == FieldSpec.Kind.VALUE ? textNode.asString() : textNode.asNonBlankString();
    if (kind == FieldSpec.Kind.EXPR) {
      checkSql(textNode, text);
    }
    List<String> formats = new ArrayList<>();
    ConfigNode formatsNode = node.get("formats");
    if (!formatsNode.isMissing()) {
      if (!time) {
        throw formatsNode.error(formatsNode.path() + " is only allowed on time fields");
      }
      formatsNode.items().forEach(item -> formats.add(format(item)));
    }
    return new FieldSpec(kind, text, formats);
  }

  private static String format(ConfigNode node) {
    String pattern = node.asNonBlankString();
    try {
      new TimestampParser(List.of(pattern), "UTC");
      return pattern;
    } catch (IllegalArgumentException e) {
      throw node.error(node.path() + " is not a date-time pattern or one of " + TIME_KEYWORDS + ", got '" + pattern
          + "': " + e.getMessage());
    }
  }

  private static String where(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    String sql = node.asNonBlankString();
    checkSql(node, sql);
    return sql;
  }

  private static void checkSql(ConfigNode node, String sql) {
    try {
      CatalystSqlParser$.MODULE$.parseExpression(sql);
    } catch (Exception e) {
      if (!(e instanceof ParseException)) {
        throw new IllegalStateException("Spark's SQL parser failed on \"" + sql + "\"", e);
      }
      throw node.error(node.path() + " is not a valid Spark SQL expression: " + e.getMessage().lines().findFirst()
          .orElse("") + ", got \"" + sql + "\"");
    }
  }

  private static String zone(ConfigNode node) {
    String zone = node.stringOr("UTC");
    try {
      ZoneId.of(zone);
      return zone;
    } catch (DateTimeException e) {
      throw node.error(node.path() + " is not a time zone id (like Europe/London or UTC), got '" + zone + "'");
    }
  }

  private static String phoneRegion(ConfigNode node) {
    String region = node.stringOr("US");
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw node.error(node.path() + " must be an ISO 3166 region code that libphonenumber knows (like US, GB,"
          + " DE), got '" + region + "'");
    }
    return region;
  }

  private static Set<String> keys(Stream<String> fieldKeys, String... extra) {
    Set<String> out = new HashSet<>(List.of(extra));
    fieldKeys.forEach(out::add);
    return out;
  }
}
