package dev.cdi.identity.block;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Explodes a prepared record (node id, then the attribute columns as strings) into one
 * {@link LshColumns.BandKeys} row per view the record has shingles for and per band of that view.
 */
final class BandKeyExploder implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final ViewBander[] banders;
  /** Per view, the positions in the prepared row of {@link BlockingView#columns()}. */
  private final int[][] positions;

  /** @param columns the attribute columns of the prepared rows, in order, after the node id */
  BandKeyExploder(LshSettings settings, List<String> columns) {
    int viewCount = settings.views().size();
    banders = new ViewBander[viewCount];
    positions = new int[viewCount][];
    for (int v = 0; v < viewCount; v++) {
      BlockingView view = settings.views().get(v);
      banders[v] = new ViewBander(view, settings.seed(), settings.maxRefinements());
      positions[v] = view.columns().stream().mapToInt(c -> 1 + columns.indexOf(c)).toArray();
    }
  }

  @Override
  public Iterator<Row> call(Row record) {
    if (record.isNullAt(0)) {
      throw new IllegalArgumentException("lsh input has a null " + LshColumns.Input.NODE_ID + ": " + record);
    }
    long nodeId = record.getLong(0);
    List<Row> out = new ArrayList<>();
    for (int v = 0; v < banders.length; v++) {
      ViewBander.RecordBands bands = banders[v].bands(values(record, positions[v]));
      long[] keys = bands.bucketKeys();
      for (int band = 0; band < keys.length; band++) {
        out.add(RowFactory.create(v, band, keys[band], nodeId, bands.refineKeys()));
      }
    }
    return out.iterator();
  }

  private static String[] values(Row record, int[] at) {
    String[] values = new String[at.length];
    for (int i = 0; i < at.length; i++) {
      values[i] = record.getString(at[i]);
    }
    return values;
  }
}
