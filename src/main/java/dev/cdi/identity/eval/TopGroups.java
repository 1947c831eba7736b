package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The K top groups of a table of (group, part, records) cells, each with its first M parts, in one Spark job: the
 * groups are ranked by one aggregation and a top-K ({@code limit}), broadcast-joined back to the cells so only
 * those K groups' cells go on, and cut to M parts by a window. A giant group therefore never has to fit in one
 * list. Ties break by id, so the result is deterministic. Cost: a shuffle by group for the ranking and one over
 * the K groups' cells for the window.
 */
final class TopGroups {

  private static final String GROUP = "_group";
  private static final String RECORDS = "_records";
  private static final String PARTS = "_parts";
  private static final String RANK = "_rank";

  private TopGroups() {
  }

  /** How groups are ranked (descending; ties by the other count, then by id). */
  enum Rank {
    BY_RECORDS,
    BY_PARTS
  }

  /**
   * Which columns of the cells to use.
   *
   * @param group    the group id column (string)
   * @param part     the part id column (string)
   * @param records  the records per cell column (long)
   * @param minParts groups with fewer parts are not listed
   */
  record Cells(String group, String part, String records, int minParts) {

    Cells {
      if (minParts < 1) {
        throw new IllegalArgumentException("minParts must be >= 1, got " + minParts);
      }
    }
  }

  /** The top {@code settings.topK()} groups with their first {@code settings.membersShown()} parts. */
  static List<GroupSummary> top(Dataset<Row> cells, Cells spec, Rank rank, EvaluationSettings settings) {
    SchemaChecks.requireColumns(cells, "group cells", spec.group(), spec.part(), spec.records());
    Dataset<Row> top = cells.groupBy(col(spec.group()).as(GROUP))
        .agg(sum(col(spec.records())).cast("long").as(RECORDS), count(lit(1)).as(PARTS))
        .where(col(PARTS).geq(spec.minParts()))
        .orderBy(order(rank))
        .limit(settings.topK());
    List<Row> rows = cells.join(broadcast(top), col(spec.group()).equalTo(col(GROUP)))
        .withColumn(RANK, row_number().over(Window.partitionBy(GROUP)
            .orderBy(col(spec.records()).desc(), col(spec.part()).asc())))
        .where(col(RANK).leq(settings.membersShown()))
        .select(col(GROUP), col(RECORDS), col(PARTS), col(spec.part()), col(spec.records()).cast("long"))
        .collectAsList();
    return summaries(rows, rank);
  }

  private static Column[] order(Rank rank) {
    Column records = col(RECORDS).desc();
    Column parts = col(PARTS).desc();
    return rank == Rank.BY_RECORDS ? new Column[] {records, parts, col(GROUP).asc()}
        : new Column[] {parts, records, col(GROUP).asc()};
  }

  /** Rows of (group, records, parts, part, part records) to summaries, ordered as {@code rank} says. */
  private static List<GroupSummary> summaries(List<Row> rows, Rank rank) {
    Map<String, List<Row>> byGroup = new LinkedHashMap<>();
    for (Row r : rows) {
      byGroup.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    Comparator<GroupSummary.Part> largestFirst = Comparator.comparingLong(GroupSummary.Part::records).reversed()
        .thenComparing(GroupSummary.Part::id);
    List<GroupSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<Row>> g : byGroup.entrySet()) {
      Row first = g.getValue().get(0);
      List<GroupSummary.Part> parts = g.getValue().stream()
          .map(r -> new GroupSummary.Part(r.getString(3), r.getLong(4))).sorted(largestFirst).toList();
      out.add(new GroupSummary(g.getKey(), first.getLong(1), first.getLong(2), parts));
    }
    Comparator<GroupSummary> byRecords = Comparator.comparingLong(GroupSummary::records).reversed();
    Comparator<GroupSummary> byParts = Comparator.comparingLong(GroupSummary::parts).reversed();
    Comparator<GroupSummary> order = rank == Rank.BY_RECORDS ? byRecords.thenComparing(byParts)
        : byParts.thenComparing(byRecords);
    out.sort(order.thenComparing(GroupSummary::id));
    return out;
  }
}
