package dev.cdi.privacy;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import dev.cdi.privacy.IdentifierScanner.Found;
import dev.cdi.privacy.IdentifierScanner.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

/**
 * A Spark column that is true when any of a row's {@link MatchEntries} normalizes to a value whose salted hash is
 * in a set (an erasure's, or the suppression list). The set is broadcast and the salt lives inside the UDF, so
 * neither appears in a query plan or in the condition text Delta writes into a DELETE commit ({@code UDF(...)}).
 * Close it to release the broadcast. Cost: one normalization and hash per entry value, no shuffle.
 */
public final class IdentifierMatcher implements AutoCloseable {

  private final Broadcast<Set<String>> hashes;
  private final IdentifierHasher hasher;
  private final boolean empty;

  public IdentifierMatcher(SparkSession spark, IdentifierHasher hasher, Set<String> hashes) {
    this.hasher = hasher;
    this.empty = hashes.isEmpty();
    this.hashes = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Set.copyOf(hashes));
  }

  /** True where any entry matches; false for a row without entries. */
  public Column matches(List<Column> entries) {
    if (entries.isEmpty() || empty) {
      return lit(false);
    }
    return udf(new Match(hasher, hashes), DataTypes.BooleanType).apply(array(entries.toArray(Column[]::new)));
  }

  /** Whether one value, already normalized, is in the set (for matching outside Spark). */
  public boolean contains(IdentifierKind kind, String normalized) {
    return hashes.value().contains(hasher.hash(kind, normalized));
  }

  @Override
  public void close() {
    hashes.destroy();
  }

  /** The UDF: entries in, whether any matches. */
  static final class Match implements UDF1<Seq<Row>, Boolean> {

    private static final long serialVersionUID = 1L;
    private final IdentifierHasher hasher;
    private final Broadcast<Set<String>> hashes;
    private final IdentifierNormalizer normalizer = new IdentifierNormalizer();
    private final IdentifierScanner scanner = new IdentifierScanner();

    Match(IdentifierHasher hasher, Broadcast<Set<String>> hashes) {
      this.hasher = hasher;
      this.hashes = hashes;
    }

    @Override
    public Boolean call(Seq<Row> entries) {
      if (entries == null) {
        return false;
      }
      Set<String> set = hashes.value();
      for (int i = 0; i < entries.length(); i++) {
        Row entry = entries.apply(i);
        if (entry != null && !entry.isNullAt(1) && matches(entry, set)) {
          return true;
        }
      }
      return false;
    }

    private boolean matches(Row entry, Set<String> set) {
      String kind = entry.getString(0);
      String value = entry.getString(1);
      String region = entry.getString(2);
      if (MatchEntries.SCAN.equals(kind) || MatchEntries.TEXT.equals(kind)) {
        Scope scope = new Scope(region, MatchEntries.TEXT.equals(kind), sources(entry.getString(3)),
            entry.getString(4));
        for (Found found : scanner.scan(value, scope)) {
          if (set.contains(hasher.hash(found.kind(), found.value()))) {
            return true;
          }
        }
        return false;
      }
      IdentifierKind identifier = IdentifierKind.of(kind);
      String normalized = normalizer.normalize(identifier, value, region);
      return normalized != null && set.contains(hasher.hash(identifier, normalized));
    }

    private static List<String> sources(String commaSeparated) {
      return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
          : Arrays.asList(commaSeparated.split(","));
    }
  }
}
