package dev.cdi.config;

import dev.cdi.identity.IdentitySettings;
import dev.cdi.identity.IdentitySettings.ClusterSettings;
import dev.cdi.identity.IdentitySettings.ConflictRule;
import dev.cdi.identity.block.BlockingView;
import dev.cdi.identity.block.LshSettings;
import dev.cdi.identity.block.Shingler;
import dev.cdi.identity.link.IdentifierLinkSettings;
import dev.cdi.identity.link.IdentifierLinkSettings.HubRule;
import dev.cdi.identity.link.IdentifierLinkSettings.Identifier;
import dev.cdi.identity.score.ComparisonKind;
import dev.cdi.identity.score.ComparisonOption;
import dev.cdi.identity.score.ComparisonSpec;
import dev.cdi.identity.score.Comparisons;
import dev.cdi.identity.score.EmSettings;
import dev.cdi.identity.score.RandomPairSettings;
import dev.cdi.identity.score.TrainingSettings;
import dev.cdi.identity.score.TypoCheck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads the {@code identity} section of the pipeline configuration into {@link IdentitySettings}. Every key is
 * checked; errors name the key and the file. Column names are checked against the silver schema when
 * {@code resolve} starts, before any Spark job.
 */
final class IdentityLoader {

  private static final Set<String> KEYS = Set.of("identifiers", "hubs", "blocking", "comparisons", "training",
      "match_threshold", "conflicts", "clustering", "derived_columns");
  private static final Set<String> KINDS = Set.of("exact", "string", "date", "tokens");
  private static final Set<String> SHINGLES = Set.of("qgrams", "tokens", "value");

  private IdentityLoader() {
  }

  static IdentitySettings load(ConfigNode node, Set<String> sources) {
    node.requireOnlyKeys(KEYS);
    IdentifierLinkSettings identifiers = new IdentifierLinkSettings(identifiers(node.get("identifiers")),
        hubs(node.get("hubs")));
    LshSettings blocking = node.get("blocking").isMissing() ? null : blocking(node.get("blocking"));
    Comparisons comparisons = comparisons(node.get("comparisons"));
    TrainingSettings training = training(node.get("training"));
    double threshold = node.get("match_threshold").isMissing() ? 0.95 : node.get("match_threshold").asDouble();
    List<ConflictRule> conflicts = new ArrayList<>();
    for (ConfigNode rule : items(node.get("conflicts"))) {
      rule.requireOnlyKeys(Set.of("comparison", "max_level"));
      conflicts.add(valid(rule, () -> new ConflictRule(rule.get("comparison").asNonBlankString(),
          (int) rule.get("max_level").longInRange(0, 0, 100))));
    }
    ClusterSettings clustering = clustering(node.get("clustering"), sources);
    Map<String, String> derived = new LinkedHashMap<>();
    if (!node.get("derived_columns").isMissing()) {
      node.get("derived_columns").children().forEach((name, sql) -> derived.put(name, sql.asNonBlankString()));
    }
    return valid(node, () -> new IdentitySettings(identifiers, blocking, comparisons, training, threshold,
        conflicts, clustering, derived));
  }

  private static List<Identifier> identifiers(ConfigNode node) {
    List<Identifier> out = new ArrayList<>();
    node.children().forEach((name, spec) -> {
      spec.requireOnlyKeys(Set.of("column", "blocked"));
      Set<String> blocked = new LinkedHashSet<>();
      items(spec.get("blocked")).forEach(v -> blocked.add(v.asNonBlankString()));
      out.add(new Identifier(name, spec.get("column").asNonBlankString(), blocked));
    });
    return out;
  }

  private static HubRule hubs(ConfigNode node) {
    if (!node.isMissing()) {
      node.requireOnlyKeys(Set.of("name_column", "max_distinct_names", "max_records"));
    }
    String nameColumn = node.isMissing() ? "family_key" : node.get("name_column").stringOr("family_key");
    int distinct = node.isMissing() ? 3 : (int) node.get("max_distinct_names").longInRange(3, 1, 1_000_000);
    int records = node.isMissing() ? 1000 : (int) node.get("max_records").longInRange(1000, 2, 1_000_000);
    return new HubRule(nameColumn, distinct, records);
  }

  private static LshSettings blocking(ConfigNode node) {
    node.requireOnlyKeys(Set.of("seed", "max_refinements", "views"));
    List<BlockingView> views = new ArrayList<>();
    for (ConfigNode view : items(node.get("views"))) {
      view.requireOnlyKeys(Set.of("name", "bands", "rows", "max_bucket_size", "shingles"));
      List<Shingler> shinglers = new ArrayList<>();
      for (ConfigNode s : items(view.get("shingles"))) {
        s.requireOnlyKeys(Set.of("column", "kind", "q", "attribute", "keyed_by"));
        String column = s.get("column").asNonBlankString();
        String kind = s.get("kind").isMissing() ? "qgrams" : s.get("kind").asChoice(SHINGLES);
        Shingler shingler = valid(s, () -> switch (kind) {
          case "tokens" -> Shingler.tokens(column);
          case "value" -> Shingler.value(column);
          default -> Shingler.qgrams(column, (int) s.get("q").longInRange(Shingler.DEFAULT_Q, 1, 10));
        });
        Shingler named = s.get("attribute").isMissing() ? shingler
            : valid(s, () -> shingler.as(s.get("attribute").asNonBlankString()));
        shinglers.add(s.get("keyed_by").isMissing() ? named
            : valid(s, () -> named.keyedBy(s.get("keyed_by").asNonBlankString())));
      }
      views.add(valid(view, () -> new BlockingView(view.get("name").asNonBlankString(), shinglers,
          (int) view.get("bands").longInRange(20, 1, BlockingView.MAX_HASHES),
          (int) view.get("rows").longInRange(4, 1, BlockingView.MAX_HASHES),
          (int) view.get("max_bucket_size").longInRange(500, 2, 1_000_000))));
    }
    long seed = node.get("seed").isMissing() ? 42 : node.get("seed").asLong();
    int refinements = (int) node.get("max_refinements").longInRange(LshSettings.DEFAULT_MAX_REFINEMENTS, 0,
        LshSettings.MAX_REFINEMENTS);
    return valid(node, () -> new LshSettings(views, seed, refinements));
  }

  private static Comparisons comparisons(ConfigNode node) {
    List<ComparisonSpec> specs = new ArrayList<>();
    for (ConfigNode c : items(node)) {
      c.requireOnlyKeys(Set.of("name", "column", "kind", "thresholds", "overlap", "cross_column", "tf_adjust",
          "edit_distance", "nicknames", "only_without", "typo_check"));
      ComparisonKind kind = ComparisonKind.valueOf(c.get("kind").asChoice(KINDS).toUpperCase(Locale.ROOT));
      Set<ComparisonOption> options = EnumSet.noneOf(ComparisonOption.class);
      if (c.get("tf_adjust").booleanOr(false)) {
        options.add(ComparisonOption.TF_ADJUST);
      }
      if (c.get("edit_distance").booleanOr(false)) {
        options.add(ComparisonOption.EDIT_DISTANCE_LEVEL);
      }
      if (c.get("nicknames").booleanOr(false)) {
        options.add(ComparisonOption.NICKNAME_LEVEL);
      }
      String cross = c.get("cross_column").isMissing() ? null : c.get("cross_column").asNonBlankString();
      String onlyWithout = c.get("only_without").isMissing() ? null : c.get("only_without").asNonBlankString();
      TypoCheck typoCheck = typoCheck(c.get("typo_check"));
      specs.add(valid(c, () -> new ComparisonSpec(c.get("name").asNonBlankString(),
          c.get("column").asNonBlankString(), kind, doubles(c.get("thresholds")), doubles(c.get("overlap")), cross,
          options, onlyWithout, typoCheck)));
    }
    if (specs.isEmpty()) {
      throw node.error(node.path() + " must list at least one comparison");
    }
    return valid(node, () -> new Comparisons(specs));
  }

  /** {@code typo_check: {min_count: 5, max_typo_share: 0.05}}, or null when absent. */
  private static TypoCheck typoCheck(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    node.requireOnlyKeys(Set.of("min_count", "max_typo_share"));
    int minCount = (int) node.get("min_count").longInRange(5, 2, Integer.MAX_VALUE);
    double share = node.get("max_typo_share").isMissing() ? 0.05 : node.get("max_typo_share").asDouble();
    return valid(node, () -> new TypoCheck(minCount, share));
  }

  private static TrainingSettings training(ConfigNode node) {
    if (node.isMissing()) {
      return TrainingSettings.DEFAULTS;
    }
    node.requireOnlyKeys(Set.of("random_pairs", "seed", "max_iterations", "tolerance"));
    RandomPairSettings d = RandomPairSettings.DEFAULTS;
    EmSettings em = EmSettings.DEFAULTS;
    long pairs = node.get("random_pairs").longInRange(d.maxPairs(), 1, 1_000_000_000L);
    long seed = node.get("seed").isMissing() ? d.seed() : node.get("seed").asLong();
    int iterations = (int) node.get("max_iterations").longInRange(em.maxIterations(), 1, 10_000);
    double tolerance = node.get("tolerance").isMissing() ? em.tolerance() : node.get("tolerance").asDouble();
    return valid(node, () -> new TrainingSettings(new RandomPairSettings(pairs, seed),
        em.withStopping(iterations, tolerance)));
  }

  private static ClusterSettings clustering(ConfigNode node, Set<String> sources) {
    if (!node.isMissing()) {
      node.requireOnlyKeys(Set.of("max_cluster_size", "conflict_columns", "duplicate_free_sources",
          "max_iterations"));
    }
    List<String> columns = new ArrayList<>();
    List<String> duplicateFree = new ArrayList<>();
    if (!node.isMissing()) {
      items(node.get("conflict_columns")).forEach(c -> columns.add(c.asNonBlankString()));
      for (ConfigNode s : items(node.get("duplicate_free_sources"))) {
        String source = s.asNonBlankString();
        if (!sources.contains(source)) {
          throw s.error(s.path() + " names unknown source '" + source + "'; configured sources: " + sources);
        }
        duplicateFree.add(source);
      }
    }
    int max = node.isMissing() ? 200 : (int) node.get("max_cluster_size").longInRange(200, 2, 100_000_000);
    int iterations = node.isMissing() ? 50 : (int) node.get("max_iterations").longInRange(50, 1, 10_000);
    return new ClusterSettings(max, columns, duplicateFree, iterations);
  }

  private static List<Double> doubles(ConfigNode node) {
    return items(node).stream().map(ConfigNode::asDouble).toList();
  }

  private static List<ConfigNode> items(ConfigNode node) {
    return node.isMissing() ? List.of() : node.items();
  }

  /** Builds a settings record, turning its validation error into a configuration error that names the file. */
  private static <T> T valid(ConfigNode node, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage() + " (" + node.origin() + ")", e);
    }
  }
}
