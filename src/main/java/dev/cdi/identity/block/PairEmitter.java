package dev.cdi.identity.block;

import dev.cdi.identity.block.LshColumns.Buckets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Seq;

/**
 * Emits every pair (left &lt; right) of every kept group of a {@link LshColumns.Buckets} row as a
 * {@link LshColumns.Proposals} row whose view mask has the bucket's view bit set.
 */
final class PairEmitter implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;
  private static final int VIEW = Buckets.SCHEMA.fieldIndex(Buckets.VIEW);
  private static final int GROUPS = Buckets.SCHEMA.fieldIndex(Buckets.GROUPS);

  private final HashMap<String, Integer> viewBits = new HashMap<>();

  PairEmitter(LshSettings settings) {
    List<String> names = settings.viewNames();
    for (int i = 0; i < names.size(); i++) {
      viewBits.put(names.get(i), 1 << i);
    }
  }

  @Override
  public Iterator<Row> call(Row bucket) {
    int mask = bitOf(bucket.getString(VIEW));
    List<Row> out = new ArrayList<>();
    for (Object group : bucket.getList(GROUPS)) {
      Seq<?> ids = (Seq<?>) group;
      for (int i = 0; i < ids.length(); i++) {
        for (int j = i + 1; j < ids.length(); j++) {
          out.add(RowFactory.create(ids.apply(i), ids.apply(j), mask));
        }
      }
    }
    return out.iterator();
  }

  private int bitOf(String view) {
    Integer bit = viewBits.get(view);
    if (bit == null) {
      throw new IllegalStateException("bucket of unknown view " + view + "; known " + viewBits.keySet());
    }
    return bit;
  }
}
