package dev.cdi.identity;

import dev.cdi.identity.block.LshSettings;
import dev.cdi.identity.link.IdentifierLinkSettings;
import dev.cdi.identity.score.Comparisons;
import dev.cdi.identity.score.TrainingSettings;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code identity} section of the pipeline configuration: how identity records are linked and clustered.
 *
 * @param identifiers    deterministic links on strong identifiers, with blocked values and hub detection
 * @param blocking       MinHash-LSH candidate generation for fuzzy matching, or null for none
 * @param comparisons    per-attribute comparisons scored by the Fellegi-Sunter model
 * @param training       how the model's u (random pairs) and m (EM) are estimated
 * @param matchThreshold a fuzzy candidate becomes a link at this match probability or above
 * @param conflicts      rules that declare a candidate pair two different people, whatever else agrees
 * @param clustering     connected components and the over-merge guardrails
 * @param derivedColumns columns computed from silver/identities before matching, name to Spark SQL expression, in
 *                       order (a later one may use an earlier one); views and comparisons may read them
 */
public record IdentitySettings(IdentifierLinkSettings identifiers, LshSettings blocking, Comparisons comparisons,
                               TrainingSettings training, double matchThreshold, List<ConflictRule> conflicts,
                               ClusterSettings clustering, Map<String, String> derivedColumns)
    implements Serializable {

  private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public IdentitySettings {
    conflicts = List.copyOf(conflicts);
    derivedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(derivedColumns));
    derivedColumns.forEach((name, sql) -> {
      if (!COLUMN_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("identity.derived_columns: a column name must match [a-z][a-z0-9_]*, got '"
            + name + "'");
      }
      if (sql == null || sql.isBlank()) {
        throw new IllegalArgumentException("identity.derived_columns." + name + " must be a Spark SQL expression");
      }
    });
    if (!(matchThreshold > 0 && matchThreshold <= 1)) {
      throw new IllegalArgumentException("identity.match_threshold must be in (0,1], got " + matchThreshold);
    }
    for (ConflictRule rule : conflicts) {
      boolean known = comparisons.specs().stream().anyMatch(s -> s.name().equals(rule.comparison()));
      if (!known) {
        throw new IllegalArgumentException("identity.conflicts names unknown comparison '" + rule.comparison()
            + "'; comparisons: " + comparisons.specs().stream().map(s -> s.name()).toList());
      }
    }
  }

  public Optional<LshSettings> lsh() {
    return Optional.ofNullable(blocking);
  }

  /**
   * A pair whose level on {@code comparison} is between 0 (disagree) and {@code maxLevel} is two different people:
   * it is never linked, and the clustering keeps its two records apart. Null levels (a value missing) never
   * conflict.
   */
  public record ConflictRule(String comparison, int maxLevel) implements Serializable {
    public ConflictRule {
      if (maxLevel < 0) {
        throw new IllegalArgumentException("identity.conflicts max_level must be >= 0, got " + maxLevel);
      }
    }
  }

  /**
   * Clustering settings.
   *
   * @param maxClusterSize       a larger cluster is re-split by dropping its weakest links
   * @param conflictColumns      identity columns a cluster may hold only one value of (for example birth_date)
   * @param duplicateFreeSources sources that never hold two records of one person
   * @param maxIterations        connected-components rounds before giving up
   */
  public record ClusterSettings(int maxClusterSize, List<String> conflictColumns, List<String> duplicateFreeSources,
                                int maxIterations) implements Serializable {
    public ClusterSettings {
      conflictColumns = List.copyOf(conflictColumns);
      duplicateFreeSources = List.copyOf(duplicateFreeSources);
      if (maxClusterSize < 2) {
        throw new IllegalArgumentException("identity.clustering.max_cluster_size must be >= 2, got "
            + maxClusterSize);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("identity.clustering.max_iterations must be >= 1, got " + maxIterations);
      }
    }
  }
}
