package dev.cdi.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.xxhash64;

import dev.cdi.identity.score.ComparisonSpec;
import dev.cdi.identity.block.BlockingView;
import dev.cdi.identity.link.IdentifierLinkSettings.Identifier;
import dev.cdi.io.Columns.Identities;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver identity records as the resolver works on them: a {@code node_id} (64-bit xxHash of the record key, so a
 * record keeps its node id across runs), the record key, source and id, every column the configuration reads,
 * and the {@code conflict_keys} map the clustering guardrails check. A narrow projection, no shuffle.
 */
final class IdentityRecords {

  static final String NODE_ID = "node_id";
  static final String CONFLICT_KEYS = "conflict_keys";

  private IdentityRecords() {
  }

  /** The silver columns the settings read, in first-use order. */
  static List<String> columns(IdentitySettings settings) {
    Set<String> out = new LinkedHashSet<>(List.of(Identities.RECORD_KEY, Identities.SOURCE,
        Identities.SOURCE_RECORD_ID));
    settings.identifiers().identifiers().stream().map(Identifier::column).forEach(out::add);
    out.add(settings.identifiers().hubs().nameColumn());
    settings.lsh().ifPresent(l -> l.views().stream().map(BlockingView::columns).forEach(out::addAll));
    for (ComparisonSpec spec : settings.comparisons().specs()) {
      out.add(spec.column());
      if (spec.crossColumn() != null) {
        out.add(spec.crossColumn());
      }
    }
    out.addAll(settings.clustering().conflictColumns());
    return new ArrayList<>(out);
  }

  /**
   * Checks that silver, with the derived columns, has every configured column, naming the missing ones and the
   * available ones.
   */
  static void check(Dataset<Row> silver, IdentitySettings settings) {
    derivedAndChecked(silver, settings);
  }

  static Dataset<Row> prepare(Dataset<Row> silver, IdentitySettings settings) {
    Dataset<Row> input = derivedAndChecked(silver, settings);
    List<Column> select = new ArrayList<>();
    select.add(xxhash64(col(Identities.RECORD_KEY)).as(NODE_ID));
    columns(settings).forEach(c -> select.add(col(c)));
    select.add(expr(conflictKeys(settings)).as(CONFLICT_KEYS));
    return input.select(select.toArray(Column[]::new));
  }

  private static Dataset<Row> derivedAndChecked(Dataset<Row> silver, IdentitySettings settings) {
    Dataset<Row> input = withDerived(silver, settings);
    SchemaChecks.requireColumns(input, "silver/identities (columns named in the identity configuration)",
        columns(settings).toArray(String[]::new));
    return input;
  }

  /**
   * Silver plus the configured derived columns, in order; an expression Spark cannot analyse fails here, before
   * any action, naming the column and the expression.
   */
  static Dataset<Row> withDerived(Dataset<Row> silver, IdentitySettings settings) {
    Dataset<Row> out = silver;
    for (Map.Entry<String, String> derived : settings.derivedColumns().entrySet()) {
      try {
        out = out.withColumn(derived.getKey(), expr(derived.getValue()));
      } catch (Exception e) {
        if (e instanceof AnalysisException) {
          throw new IllegalArgumentException("identity.derived_columns." + derived.getKey() + ": cannot evaluate '"
              + derived.getValue() + "' on silver/identities: " + e.getMessage(), e);
        }
        throw e;
      }
    }
    return out;
  }

  /** SQL for the map of conflict keys: configured columns, and {@code source:<name>} for duplicate-free sources. */
  static String conflictKeys(IdentitySettings settings) {
    List<String> entries = new ArrayList<>();
    for (String column : settings.clustering().conflictColumns()) {
      entries.add("'" + column + "', CAST(`" + column + "` AS STRING)");
    }
    for (String source : settings.clustering().duplicateFreeSources()) {
      entries.add("'source:" + source + "', CASE WHEN `" + Identities.SOURCE + "` = '" + source + "' THEN `"
          + Identities.SOURCE_RECORD_ID + "` END");
    }
    if (entries.isEmpty()) {
      return "CAST(map() AS MAP<STRING, STRING>)";
    }
    return "map_filter(map(" + String.join(", ", entries) + "), (k, v) -> v IS NOT NULL)";
  }
}
