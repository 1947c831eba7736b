package dev.cdi.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read-only view of one node of a parsed YAML document that remembers its key path and the file it came
 * from, so every validation error reads like
 * {@code "sources.crm.format must be one of csv, jsonl, parquet, got 'xml' (conf/pipeline.yaml)"}.
 */
public final class ConfigNode {

  private final Object value;
  private final String path;
  private final String origin;

  private ConfigNode(Object value, String path, String origin) {
    this.value = value;
    this.path = path;
    this.origin = origin;
  }

  /** The document root; {@code origin} names the file in error messages. */
  public static ConfigNode root(Object value, String origin) {
    return new ConfigNode(value, "", origin);
  }

  public String path() {
    return path;
  }

  public String origin() {
    return origin;
  }

  public boolean isMissing() {
    return value == null;
  }

  /** True for a string, number or boolean. */
  public boolean isScalar() {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  /** A child of this mapping node; missing children are represented by a node whose value is null. */
  public ConfigNode get(String key) {
    Object child = asMap().get(key);
    return new ConfigNode(child, path.isEmpty() ? key : path + "." + key, origin);
  }

  /** Fails if this mapping has keys outside {@code allowed}, naming the first unknown one. */
  public ConfigNode requireOnlyKeys(Set<String> allowed) {
    for (String key : asMap().keySet()) {
      if (!allowed.contains(key)) {
        throw error("unknown key '" + qualified(key) + "'; allowed keys here: " + new TreeSet<>(allowed));
      }
    }
    return this;
  }

  /** Child nodes of a mapping, in document order. */
  public Map<String, ConfigNode> children() {
    Map<String, ConfigNode> out = new LinkedHashMap<>();
    for (String key : asMap().keySet()) {
      out.put(key, get(key));
    }
    return out;
  }

  /** Items of a sequence node. */
  public List<ConfigNode> items() {
    if (!(value instanceof List<?> list)) {
      throw error(describe() + " must be a list, got " + typeName(value));
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(new ConfigNode(list.get(i), path + "[" + i + "]", origin));
    }
    return out;
  }

  public String asString() {
    requirePresent();
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw error(describe() + " must be a string, got " + typeName(value));
  }

  public String asNonBlankString() {
    String s = asString();
    if (s.isBlank()) {
      throw error(describe() + " must not be empty");
    }
    return s;
  }

  public String stringOr(String fallback) {
    return isMissing() ? fallback : asString();
  }

  public boolean asBoolean() {
    requirePresent();
    if (value instanceof Boolean b) {
      return b;
    }
    throw error(describe() + " must be true or false, got " + render(value));
  }

  public boolean booleanOr(boolean fallback) {
    return isMissing() ? fallback : asBoolean();
  }

  public long asLong() {
    requirePresent();
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw error(describe() + " must be a whole number, got " + render(value));
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  public long longInRange(long fallback, long min, long max) {
    long v = isMissing() ? fallback : asLong();
    if (v < min || v > max) {
      throw error(describe() + " must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  public double asDouble() {
    requirePresent();
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw error(describe() + " must be a number, got " + render(value));
  }

  /** A string restricted to the given choices (case-insensitive), returned lower-case. */
  public String asChoice(Set<String> choices) {
    String s = asNonBlankString().toLowerCase(Locale.ROOT);
    if (!choices.contains(s)) {
      throw error(describe() + " must be one of " + String.join(", ", new TreeSet<>(choices)) + ", got '" + s + "'");
    }
    return s;
  }

  /** A mapping of string to scalar (string, number or boolean), rendered as strings. */
  public Map<String, String> asStringMap() {
    if (isMissing()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    children().forEach((k, node) -> out.put(k, node.asString()));
    return Collections.unmodifiableMap(out);
  }

  /** Fails with a message naming this node's key and file. */
  public ConfigException error(String message) {
    return new ConfigException(message + " (" + origin + ")");
  }

  private void requirePresent() {
    if (value == null) {
      throw error("missing required key '" + describe() + "'");
    }
  }

  private String describe() {
    return path.isEmpty() ? "the document" : path;
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> asMap() {
    requirePresent();
    if (!(value instanceof Map<?, ?>)) {
      throw error(describe() + " must be a mapping of keys to values, got " + typeName(value));
    }
    return (Map<String, Object>) value;
  }

  private static String render(Object v) {
    return v instanceof String ? "'" + v + "'" : typeName(v) + " " + v;
  }

  private static String typeName(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
