package dev.cdi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code quality.expectations}; metric names are checked against the metrics silver computes. */
final class ExpectationsLoader {

  private static final Set<String> COUNTS = Set.of("rows_in", "rows_without_id", "rows_quarantined",
      "duplicates_removed", "rows_out");
  private static final Map<String, List<String>> ATTRIBUTES = Map.of(
      "identities", List.of("name", "email", "phone", "address", "birth_date", "updated_at"),
      "events", List.of("event_ts", "email", "phone", "amount"));
  private static final Set<String> KEYS = Set.of("source", "table", "metric", "min", "max", "action");

  private ExpectationsLoader() {
  }

  static List<Expectation> load(ConfigNode quality, Set<String> sources) {
    List<Expectation> out = new ArrayList<>();
    if (quality.isMissing()) {
      return out;
    }
    quality.requireOnlyKeys(Set.of("expectations"));
    ConfigNode list = quality.get("expectations");
    if (list.isMissing()) {
      return out;
    }
    for (ConfigNode item : list.items()) {
      out.add(expectation(item, sources));
    }
    return out;
  }

  private static Expectation expectation(ConfigNode node, Set<String> sources) {
    node.requireOnlyKeys(KEYS);
    String source = node.get("source").stringOr("*");
    if (!"*".equals(source) && !sources.contains(source)) {
      throw node.error(node.path() + ".source names unknown source '" + source + "'; configured sources: "
          + sources + " (or * for all)");
    }
    String table = node.get("table").asChoice(ATTRIBUTES.keySet());
    String metric = node.get("metric").asNonBlankString();
    Set<String> known = metrics(table);
    if (!known.contains(metric)) {
      throw node.error(node.path() + ".metric must be one of " + known + ", got '" + metric + "'");
    }
    Double min = node.get("min").isMissing() ? null : node.get("min").asDouble();
    Double max = node.get("max").isMissing() ? null : node.get("max").asDouble();
    if (min == null && max == null) {
      throw node.error(node.path() + " needs 'min', 'max' or both");
    }
    boolean fail = "fail".equals(node.get("action").isMissing() ? "warn" : node.get("action")
        .asChoice(Set.of("warn", "fail")));
    return new Expectation(source, table, metric, min, max, fail);
  }

  private static Set<String> metrics(String table) {
    Set<String> out = new TreeSet<>(COUNTS);
    for (String attribute : ATTRIBUTES.get(table)) {
      out.add(attribute + "_invalid_rate");
      out.add(attribute + "_missing_rate");
    }
    return out;
  }
}
