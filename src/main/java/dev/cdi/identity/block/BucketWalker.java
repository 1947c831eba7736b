package dev.cdi.identity.block;

import dev.cdi.identity.block.BucketSplitter.Member;
import dev.cdi.identity.block.BucketSplitter.Split;
import dev.cdi.identity.block.LshColumns.BandKeys;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Walks {@link LshColumns.BandKeys} rows sorted by (bucket key, view, band) within a partition, buffers one bucket
 * at a time, and turns every bucket of two or more records into one {@link LshColumns.Buckets} row with its
 * {@link BucketSplitter} outcome. Memory holds one bucket's members, never its pairs.
 */
final class BucketWalker implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;
  private static final int VIEW = BandKeys.SCHEMA.fieldIndex(BandKeys.VIEW_INDEX);
  private static final int BAND = BandKeys.SCHEMA.fieldIndex(BandKeys.BAND);
  private static final int KEY = BandKeys.SCHEMA.fieldIndex(BandKeys.BUCKET_KEY);
  private static final int NODE = BandKeys.SCHEMA.fieldIndex(BandKeys.NODE_ID);
  private static final int REFINE = BandKeys.SCHEMA.fieldIndex(BandKeys.REFINE_KEYS);

  private final String[] viewNames;
  private final BucketSplitter[] splitters;

  BucketWalker(LshSettings settings) {
    List<BlockingView> views = settings.views();
    viewNames = views.stream().map(BlockingView::name).toArray(String[]::new);
    splitters = views.stream().map(v -> new BucketSplitter(v.maxBucketSize(), settings.maxRefinements()))
        .toArray(BucketSplitter[]::new);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> sorted) {
    return new BucketIterator(sorted);
  }

  private Row bucketRow(Row head, Split split) {
    long[][] groups = split.groups().toArray(long[][]::new);
    return RowFactory.create(viewNames[head.getInt(VIEW)], head.getInt(BAND), head.getLong(KEY), split.size(),
        split.outcome().name(), split.refinements(), groups, split.groups().size(), split.droppedRecords(),
        split.pairs());
  }

  private static boolean sameBucket(Row a, Row b) {
    return a.getLong(KEY) == b.getLong(KEY) && a.getInt(VIEW) == b.getInt(VIEW) && a.getInt(BAND) == b.getInt(BAND);
  }

  private static Member member(Row row) {
    return new Member(row.getLong(NODE), row.getLong(REFINE));
  }

  /** Lazily yields one row per bucket of two or more records. */
  private final class BucketIterator implements Iterator<Row> {
    private final Iterator<Row> input;
    private Row nextHead;
    private Row nextBucket;

    BucketIterator(Iterator<Row> input) {
      this.input = input;
    }

    @Override
    public boolean hasNext() {
      while (nextBucket == null && (nextHead != null || input.hasNext())) {
        nextBucket = readBucket();
      }
      return nextBucket != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row bucket = nextBucket;
      nextBucket = null;
      return bucket;
    }

    /** Reads one bucket; null when it has a single record. */
    private Row readBucket() {
      Row head = nextHead != null ? nextHead : input.next();
      nextHead = null;
      List<Member> members = new ArrayList<>();
      members.add(member(head));
      while (input.hasNext()) {
        Row row = input.next();
        if (!sameBucket(row, head)) {
          nextHead = row;
          break;
        }
        members.add(member(row));
      }
      if (members.size() < 2) {
        return null;
      }
      return bucketRow(head, splitters[head.getInt(VIEW)].split(members));
    }
  }
}
