package dev.cdi.privacy;

import static org.apache.spark.sql.functions.col;

import dev.cdi.io.Columns.Suppression;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads and writes {@code _privacy/suppression}: the salted hashes of every identifier, record key, event key and
 * customer id an erasure removed, with the request that added them and the salt's fingerprint. Ingestion drops a
 * new row that matches (so an old dump cannot bring an erased person back) and an unfinished erasure is completed
 * from it. It holds no personal data. Adding is idempotent: a hash already listed is not added again.
 */
public final class SuppressionList {

  static final StructType SCHEMA = new StructType()
      .add(Suppression.HASH, DataTypes.StringType, false)
      .add(Suppression.KIND, DataTypes.StringType, false)
      .add(Suppression.REQUEST_ID, DataTypes.StringType, false)
      .add(Suppression.SALT_CHECK, DataTypes.StringType, false)
      .add(Suppression.ADDED_AT, DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String path;

  public SuppressionList(SparkSession spark, Lakehouse lakehouse) {
    this.spark = spark;
    this.path = lakehouse.path(Tables.SUPPRESSION);
  }

  /** Every hash, for checking ingested rows; empty when nothing was ever erased. */
  public Set<String> hashes(PrivacySalt salt) {
    Optional<Dataset<Row>> table = table();
    if (table.isEmpty()) {
      return Set.of();
    }
    requireSalt(table.get(), salt);
    Set<String> out = new HashSet<>();
    table.get().select(Suppression.HASH).collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /** Whether anything was ever erased (ingestion then needs the salt). */
  public boolean isEmpty() {
    return table().map(Dataset::isEmpty).orElse(true);
  }

  /** The hashes that {@code requests} added. */
  Set<String> hashesOf(Collection<String> requests) {
    if (requests.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    table().ifPresent(t -> t.where(col(Suppression.REQUEST_ID).isin(requests.toArray())).select(Suppression.HASH)
        .collectAsList().forEach(r -> out.add(r.getString(0))));
    return out;
  }

  /** The requests that added hashes. */
  Set<String> requests() {
    Set<String> out = new TreeSet<>();
    table().ifPresent(t -> t.select(Suppression.REQUEST_ID).distinct().collectAsList()
        .forEach(r -> out.add(r.getString(0))));
    return out;
  }

  /** Fails when the list was written with another salt than {@code salt}. */
  void requireSalt(PrivacySalt salt) {
    table().ifPresent(t -> requireSalt(t, salt));
  }

  /** Adds the hashes of one request that are not listed yet. */
  public void add(String requestId, Map<IdentifierKind, Set<String>> hashes, PrivacySalt salt) {
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    hashes.forEach((kind, set) -> set.forEach(h -> rows.add(RowFactory.create(h, kind.label(), requestId,
        salt.check(), now))));
    if (!rows.isEmpty()) {
      DeltaIO.insertNew(spark.createDataFrame(rows, SCHEMA).coalesce(1), path,
          List.of(Suppression.HASH, Suppression.KIND));
    }
  }

  private void requireSalt(Dataset<Row> table, PrivacySalt salt) {
    List<Row> checks = table.select(Suppression.SALT_CHECK).distinct().collectAsList();
    for (Row check : checks) {
      if (!salt.check().equals(check.getString(0))) {
        throw new IllegalStateException(PrivacySalt.ENV + " is not the salt the suppression list "
            + path + " was written with; erased people could not be recognised. Set it to the original salt");
      }
    }
  }

  private Optional<Dataset<Row>> table() {
    return DeltaIO.readIfExists(spark, path);
  }
}
