package dev.cdi.identity.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered comparisons of one model. The order fixes the order of the {@code g_*} columns and of the model's
 * parameters.
 *
 * @param specs at least one comparison, names unique
 */
public record Comparisons(List<ComparisonSpec> specs) implements Serializable {

  public Comparisons {
    specs = List.copyOf(specs);
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("comparisons must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (ComparisonSpec spec : specs) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("comparison names must be unique, got '" + spec.name() + "' twice");
      }
    }
    for (ComparisonSpec spec : specs) {
      if (spec.onlyWithout() != null && !names.contains(spec.onlyWithout())) {
        throw new IllegalArgumentException("comparison " + spec.name() + ": only_without names unknown comparison '"
            + spec.onlyWithout() + "'; comparisons: " + specs.stream().map(ComparisonSpec::name).toList());
      }
    }
  }

  /** The comparisons in order. */
  public static Comparisons of(ComparisonSpec... specs) {
    return new Comparisons(List.of(specs));
  }

  public int size() {
    return specs.size();
  }

  public ComparisonSpec get(int index) {
    return specs.get(index);
  }

  /** {@code g_<name>} per comparison, in order. */
  public List<String> gammaColumns() {
    return specs.stream().map(spec -> ScoreColumns.Pairs.gamma(spec.name())).toList();
  }

  /** {@code tf_<name>} per tf-adjusted comparison, in order. */
  public List<String> tfColumns() {
    return specs.stream().filter(ComparisonSpec::tfAdjusted).map(spec -> ScoreColumns.Pairs.tf(spec.name()))
        .toList();
  }

  /** The record columns the comparisons read (compared and cross columns), each once, in first-use order. */
  public List<String> recordColumns() {
    Set<String> columns = new LinkedHashSet<>();
    for (ComparisonSpec spec : specs) {
      columns.add(spec.column());
      if (spec.hasCrossColumn()) {
        columns.add(spec.crossColumn());
      }
    }
    return new ArrayList<>(columns);
  }
}
