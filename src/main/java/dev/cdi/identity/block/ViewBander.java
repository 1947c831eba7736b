package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The band keys of one record in one view: shingle keys ({@link ShingleHasher}), MinHash signature, then one bucket
 * key per band and the packed refinement sub-keys. Pure Java; one instance per view, built once on the driver and
 * shipped to the executors.
 *
 * <p>Band i's key hashes (view seed, i, signature values i*r .. i*r+r-1), so records share it exactly when they agree
 * on all r values of that band. The {@code refinements * r} values after the bands are shared by all bands of the
 * view: refinement level k hashes values (k-1)*r .. k*r-1 of them into a 16-bit sub-key at bits 16*(k-1).
 */
final class ViewBander implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long REFINE_SALT = 0x5eedL;
  private static final long SUB_KEY_MASK = 0xffffL;
  static final int SUB_KEY_BITS = 16;

  private final BlockingView view;
  private final long viewSeed;
  private final int refinements;
  private final MinHasher hasher;
  private final int[] valueIndex;
  private final int[] keyIndex;
  private final ShingleHasher[] shingleHashers;

  ViewBander(BlockingView view, long settingsSeed, int refinements) {
    this.view = view;
    List<String> columns = view.columns();
    this.valueIndex = view.shinglers().stream().mapToInt(s -> columns.indexOf(s.column())).toArray();
    this.keyIndex = view.shinglers().stream().mapToInt(s -> s.keyed() ? columns.indexOf(s.keyedBy()) : -1).toArray();
    this.shingleHashers = view.shinglers().stream().map(ShingleHasher::new).toArray(ShingleHasher[]::new);
    this.viewSeed = Hashing.combine(settingsSeed, Hashing.hash64(view.name()));
    this.refinements = refinements;
    this.hasher = new MinHasher(viewSeed, view.hashCount(refinements));
  }

  /** One record's band keys; {@link #bucketKeys} is empty when the record has no shingle for the view. */
  record RecordBands(long[] bucketKeys, long refineKeys) {
    static final RecordBands ABSENT = new RecordBands(new long[0], 0L);

    boolean absent() {
      return bucketKeys.length == 0;
    }
  }

  BlockingView view() {
    return view;
  }

  /** The prefixed shingles of a record; {@code values} follow {@link BlockingView#columns()}. */
  List<String> shingles(String[] values) {
    List<Shingler> shinglers = view.shinglers();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < valueIndex.length; i++) {
      out.addAll(shinglers.get(i).shingles(values[valueIndex[i]], keyOf(values, i)));
    }
    return out;
  }

  /** The record's band keys; {@code values} follow {@link BlockingView#columns()}. */
  RecordBands bands(String[] values) {
    String[] texts = new String[valueIndex.length];
    String[] keyTexts = new String[valueIndex.length];
    int maxKeys = 0;
    for (int i = 0; i < texts.length; i++) {
      String value = values[valueIndex[i]];
      String key = keyOf(values, i);
      keyTexts[i] = key == null || key.isBlank() ? null : Shingler.normalize(key);
      boolean keyMissing = keyIndex[i] >= 0 && keyTexts[i] == null;
      texts[i] = value == null || keyMissing ? "" : Shingler.normalize(value);
      maxKeys += texts[i].isEmpty() ? 0 : shingleHashers[i].maxKeys(texts[i]);
    }
    if (maxKeys == 0) {
      return RecordBands.ABSENT;
    }
    long[] keys = new long[maxKeys];
    int count = 0;
    for (int i = 0; i < texts.length; i++) {
      if (!texts[i].isEmpty()) {
        count = shingleHashers[i].addKeys(texts[i], keyTexts[i], keys, count);
      }
    }
    long[] signature = hasher.signature(keys, count);
    return new RecordBands(bucketKeys(signature), refineKeys(signature));
  }

  /** The key column's value for shingler {@code i}, null when it is unkeyed. */
  private String keyOf(String[] values, int i) {
    return keyIndex[i] < 0 ? null : values[keyIndex[i]];
  }

  private long[] bucketKeys(long[] signature) {
    int rows = view.rows();
    long[] keys = new long[view.bands()];
    for (int band = 0; band < keys.length; band++) {
      keys[band] = hashRun(Hashing.combine(viewSeed, band), signature, band * rows, rows);
    }
    return keys;
  }

  private long refineKeys(long[] signature) {
    int rows = view.rows();
    int start = view.bands() * rows;
    long packed = 0L;
    for (int level = 0; level < refinements; level++) {
      long subKey = hashRun(Hashing.combine(viewSeed ^ REFINE_SALT, level), signature, start + level * rows, rows)
          & SUB_KEY_MASK;
      packed |= subKey << (SUB_KEY_BITS * level);
    }
    return packed;
  }

  private static long hashRun(long seed, long[] values, int from, int count) {
    long h = seed;
    for (int i = from; i < from + count; i++) {
      h = Hashing.combine(h, values[i]);
    }
    return h;
  }
}
