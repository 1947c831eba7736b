package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The K top groups of a table of (group, part, records) cells, each with its first M parts. The groups are ranked
 * with one aggregation and a top-K ({@code limit}), then only those K groups' cells are read back and cut to M
 * parts with a window, so a giant group never has to fit in one list. Ties break by id, so the result is
 * deterministic. Cost: two small Spark jobs, each one shuffle by group.
 */
final class TopGroups {

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
    List<Row> groups = cells.groupBy(col(spec.group()))
        .agg(sum(col(spec.records())).as(RECORDS), count(lit(1)).as(PARTS))
        .where(col(PARTS).geq(spec.minParts()))
        .orderBy(order(rank, spec.group()))
        .limit(settings.topK())
        .collectAsList();
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, List<GroupSummary.Part>> parts = shownParts(cells, spec, groups, settings.membersShown());
    List<GroupSummary> out = new ArrayList<>();
    for (Row g : groups) {
      String id = g.getString(0);
      out.add(new GroupSummary(id, g.getLong(1), g.getLong(2), parts.getOrDefault(id, List.of())));
    }
    return out;
  }

  private static Column[] order(Rank rank, String group) {
    Column records = col(RECORDS).desc();
    Column parts = col(PARTS).desc();
    return rank == Rank.BY_RECORDS ? new Column[] {records, parts, col(group).asc()}
        : new Column[] {parts, records, col(group).asc()};
  }

  private static Map<String, List<GroupSummary.Part>> shownParts(Dataset<Row> cells, Cells spec, List<Row> groups,
                                                                 int shown) {
    Object[] ids = groups.stream().map(g -> g.getString(0)).toArray();
    List<Row> rows = cells.where(col(spec.group()).isin(ids))
        .withColumn(RANK, row_number().over(Window.partitionBy(spec.group())
            .orderBy(col(spec.records()).desc(), col(spec.part()).asc())))
        .where(col(RANK).leq(shown))
        .select(col(spec.group()), col(spec.part()), col(spec.records()).cast("long"))
        .collectAsList();
    Map<String, List<GroupSummary.Part>> out = new HashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new GroupSummary.Part(r.getString(1),
          r.getLong(2)));
    }
    Comparator<GroupSummary.Part> largestFirst = Comparator.comparingLong(GroupSummary.Part::records).reversed()
        .thenComparing(GroupSummary.Part::id);
    out.values().forEach(list -> list.sort(largestFirst));
    return out;
  }
}
