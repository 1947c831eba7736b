package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of MinHash-LSH blocking.
 *
 * @param views          the OR-ed blocking views (1 to {@value #MAX_VIEWS}, unique names)
 * @param seed           seeds every hash function; the same seed and input give the same pairs
 * @param maxRefinements how many times an oversized bucket is split with {@code rows} further MinHash values of
 *                       its view before the still-oversized parts are dropped (0 to {@value #MAX_REFINEMENTS})
 */
public record LshSettings(List<BlockingView> views, long seed, int maxRefinements) implements Serializable {

  /** Views are one bit each of an int mask while pairs are deduplicated. */
  public static final int MAX_VIEWS = 31;
  /** Each refinement level is a 16-bit sub-key packed into one long. */
  public static final int MAX_REFINEMENTS = 4;
  public static final int DEFAULT_MAX_REFINEMENTS = 3;

  public LshSettings {
    Objects.requireNonNull(views, "lsh.views must be set");
    if (views.isEmpty() || views.size() > MAX_VIEWS) {
      throw new IllegalArgumentException("lsh.views must have 1 to " + MAX_VIEWS + " views, got " + views.size());
    }
    views = List.copyOf(views);
    Set<String> names = new HashSet<>();
    for (BlockingView view : views) {
      if (!names.add(view.name())) {
        throw new IllegalArgumentException("lsh.views names must be unique, got '" + view.name() + "' twice");
      }
    }
    if (maxRefinements < 0 || maxRefinements > MAX_REFINEMENTS) {
      throw new IllegalArgumentException("lsh.maxRefinements must be between 0 and " + MAX_REFINEMENTS + ", got "
          + maxRefinements);
    }
  }

  /** Settings with {@link #DEFAULT_MAX_REFINEMENTS}. */
  public static LshSettings of(long seed, BlockingView... views) {
    return new LshSettings(List.of(views), seed, DEFAULT_MAX_REFINEMENTS);
  }

  /** The names of the views, in order. */
  public List<String> viewNames() {
    return views.stream().map(BlockingView::name).toList();
  }
}
