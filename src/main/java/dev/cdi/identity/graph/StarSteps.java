package dev.cdi.identity.graph;

import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.graph.GraphColumns.Edges;
import dev.cdi.identity.graph.GraphColumns.Work;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The two operations of Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014), on an
 * undirected edge list stored as {@code (child, parent)} with {@code child > parent}. For a node {@code u},
 * {@code m(u)} is the smallest id among {@code u} and its neighbours.
 * <ul>
 *   <li>Large-star: every node links its strictly larger neighbours to {@code m(u)}. An edge {@code (c, p)} is
 *   emitted by its smaller end {@code p} as {@code (c, m(p))}, and {@code m(p)} is the smallest parent of
 *   {@code p} (or {@code p} itself): one aggregation and one join.</li>
 *   <li>Small-star: every node links itself and its smaller neighbours (its parents) to the smallest of them.
 *   One aggregation per child gathering its parents, then one de-duplication.</li>
 * </ul>
 * Both keep every component connected and never create an edge across components. Each output edge carries
 * {@code changed}: true when its round moved something (the large-star re-pointed it, or its child had more than
 * one parent). A round that changes nothing proves a fixed point: every child has one parent and every parent is
 * a root, that is, each component is a star around its smallest id.
 */
final class StarSteps {

  private StarSteps() {
  }

  /**
   * {@code src}, {@code dst} (any integral type, any direction) to distinct {@code (child, parent)} long pairs
   * with {@code child >= parent}. Self-loops are kept so that a node linked only to itself still shows up;
   * edges with a null end are dropped.
   */
  static Dataset<Row> orient(Dataset<Row> edges) {
    Column src = col(Edges.SRC).cast(DataTypes.LongType);
    Column dst = col(Edges.DST).cast(DataTypes.LongType);
    return edges.where(src.isNotNull().and(dst.isNotNull()))
        .select(greatest(src, dst).as(Work.CHILD), least(src, dst).as(Work.PARENT))
        .distinct();
  }

  /** Large-star over {@code (child, parent)} with {@code child > parent}; adds {@code changed}. */
  static Dataset<Row> largeStar(Dataset<Row> edges) {
    Dataset<Row> smallestParent = edges.groupBy(col(Work.CHILD).as(Work.PARENT_KEY))
        .agg(min(Work.PARENT).as(Work.MIN_PARENT));
    return edges.join(smallestParent, col(Work.PARENT).equalTo(col(Work.PARENT_KEY)), "left")
        .select(col(Work.CHILD),
            coalesce(col(Work.MIN_PARENT), col(Work.PARENT)).as(Work.PARENT),
            col(Work.MIN_PARENT).isNotNull().as(Work.CHANGED));
  }

  /**
   * Small-star over {@code (child, parent, changed)}; returns distinct {@code (child, parent, changed)}. Each
   * child's parents are gathered once (as the paper's reducer does) and fanned out again: the smallest parent
   * {@code m} yields {@code (child, m)}, every other parent {@code p} yields {@code (p, m)}.
   */
  static Dataset<Row> smallStar(Dataset<Row> edges) {
    Column parents = col(Work.PARENTS);
    Column smallest = col(Work.MIN_PARENT);
    Column parent = col(Work.PARENT);
    Dataset<Row> gathered = edges.groupBy(Work.CHILD)
        .agg(collect_set(Work.PARENT).as(Work.PARENTS), max(Work.CHANGED).as(Work.CHANGED));
    return gathered
        .select(col(Work.CHILD), explode(parents).as(Work.PARENT), array_min(parents).as(Work.MIN_PARENT),
            col(Work.CHANGED).or(size(parents).gt(1)).as(Work.CHANGED))
        .select(when(parent.equalTo(smallest), col(Work.CHILD)).otherwise(parent).as(Work.CHILD),
            smallest.as(Work.PARENT), col(Work.CHANGED))
        .groupBy(Work.CHILD, Work.PARENT)
        .agg(max(Work.CHANGED).as(Work.CHANGED));
  }
}
