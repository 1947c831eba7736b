package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One blocking view: a set of attribute shinglers whose shingles form one set per record, MinHashed and banded.
 * Records with no shingle for the view are absent from it. Views are OR-ed: a pair is a candidate when any band of
 * any view puts both records in one bucket.
 *
 * <p>With {@code bands} b and {@code rows} r the probability that two records of Jaccard similarity s share a bucket
 * is 1 - (1 - s^r)^b (see {@link BandingMath}). For an exact match on several whole values (for example birth date
 * and postcode), use {@link Shingler#value} shinglers with one band and a large r such as 8: identical sets always
 * share the bucket, sets differing in one value almost never do.
 *
 * @param name          short unique name, reported in pairs and statistics
 * @param shinglers     the attributes and how each is cut; the record's set is the union of their shingles
 * @param bands         b, the number of bands (OR-amplification)
 * @param rows          r, MinHash values per band (AND-amplification)
 * @param maxBucketSize buckets with more records are refined, then dropped (see {@link BucketSplitter})
 */
public record BlockingView(String name, List<Shingler> shinglers, int bands, int rows, int maxBucketSize)
    implements Serializable {

  /** Upper bound of bands * rows, to keep signatures cheap. */
  public static final int MAX_HASHES = 1024;

  public BlockingView {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("lsh.view.name must not be blank, got '" + name + "'");
    }
    Objects.requireNonNull(shinglers, () -> "lsh.view.shinglers must be set (view " + name + ")");
    if (shinglers.isEmpty()) {
      throw new IllegalArgumentException("lsh.view.shinglers must not be empty (view " + name + ")");
    }
    shinglers = List.copyOf(shinglers);
    requireAtLeast("bands", bands, 1, name);
    requireAtLeast("rows", rows, 1, name);
    requireAtLeast("maxBucketSize", maxBucketSize, 2, name);
    if ((long) bands * rows > MAX_HASHES) {
      throw new IllegalArgumentException("lsh.bands * lsh.rows must be <= " + MAX_HASHES + ", got " + bands + " * "
          + rows + " (view " + name + ")");
    }
  }

  /** The distinct input columns the view reads (shingled and key columns), in shingler order. */
  public List<String> columns() {
    Set<String> columns = new LinkedHashSet<>();
    shinglers.forEach(s -> {
      columns.add(s.column());
      if (s.keyed()) {
        columns.add(s.keyedBy());
      }
    });
    return List.copyOf(columns);
  }

  /** MinHash values per record: the bands' plus {@code refinements} levels of {@code rows} each. */
  int hashCount(int refinements) {
    return bands * rows + refinements * rows;
  }

  private static void requireAtLeast(String field, int value, int min, String view) {
    if (value < min) {
      throw new IllegalArgumentException("lsh." + field + " must be >= " + min + ", got " + value + " (view " + view
          + ")");
    }
  }
}
