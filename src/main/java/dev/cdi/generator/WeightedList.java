package dev.cdi.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** An immutable list of items drawn with relative weights (cumulative weights and binary search). */
final class WeightedList<T> {

  private final List<T> items;
  private final double[] cumulative;
  private final Map<T, Double> shares = new HashMap<>();

  WeightedList(List<T> items, List<Double> weights) {
    if (items.isEmpty() || items.size() != weights.size()) {
      throw new IllegalArgumentException("need as many weights as items, and at least one item");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double total = 0;
    for (int i = 0; i < weights.size(); i++) {
      total += weights.get(i);
      cumulative[i] = total;
    }
    for (int i = 0; i < weights.size(); i++) {
      shares.merge(items.get(i), weights.get(i) / total, Double::sum);
    }
  }

  static <T> WeightedList<T> uniform(List<T> items) {
    List<Double> weights = new ArrayList<>(items.size());
    items.forEach(item -> weights.add(1.0));
    return new WeightedList<>(items, weights);
  }

  T pick(SplittableRandom r) {
    double u = r.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    int index = i >= 0 ? i + 1 : -i - 1;
    return items.get(Math.min(index, items.size() - 1));
  }

  /** The item's share of the total weight, 0 when absent. */
  double share(T item) {
    return shares.getOrDefault(item, 0.0);
  }

  List<T> items() {
    return items;
  }
}
