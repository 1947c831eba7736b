package dev.cdi.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Reads and appends {@code _privacy/erasure_audit}: one row per finished erasure, written last, so a request in the
 * suppression list without an audit row (or a later row naming it in {@code resumed_requests}) is unfinished. It
 * holds no personal data: the requested identifiers only as salted hashes, and counts.
 */
final class ErasureAudit {

  static final StructType SCHEMA = new StructType()
      .add(Columns.ErasureAudit.REQUEST_ID, DataTypes.StringType, false)
      .add(Columns.ErasureAudit.REQUESTED_AT, DataTypes.TimestampType, false)
      .add(Columns.ErasureAudit.FINISHED_AT, DataTypes.TimestampType, false)
      .add(Columns.ErasureAudit.IDENTIFIER_HASHES, DataTypes.createArrayType(DataTypes.StringType), false)
      .add(Columns.ErasureAudit.IDENTIFIERS_NOT_FOUND, DataTypes.IntegerType, false)
      .add(Columns.ErasureAudit.CUSTOMERS, DataTypes.LongType, false)
      .add(Columns.ErasureAudit.RECORDS, DataTypes.LongType, false)
      .add(Columns.ErasureAudit.EVENTS, DataTypes.LongType, false)
      .add(Columns.ErasureAudit.ROWS_DELETED, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
          false)
      .add(Columns.ErasureAudit.REPORTS_REDACTED, DataTypes.IntegerType, false)
      .add(Columns.ErasureAudit.FILES_PURGED, DataTypes.LongType, false)
      .add(Columns.ErasureAudit.RETAIN_HOURS, DataTypes.IntegerType, false)
      .add(Columns.ErasureAudit.RESUMED_REQUESTS, DataTypes.createArrayType(DataTypes.StringType), false);

  private final SparkSession spark;
  private final String path;

  ErasureAudit(SparkSession spark, Lakehouse lakehouse) {
    this.spark = spark;
    this.path = lakehouse.path(Tables.ERASURE_AUDIT);
  }

  /** Requests that finished: those with an audit row and those a later one resumed. */
  Set<String> finished() {
    Set<String> out = new TreeSet<>();
    DeltaIO.readIfExists(spark, path).ifPresent(t -> {
      t.select(Columns.ErasureAudit.REQUEST_ID).collectAsList().forEach(r -> out.add(r.getString(0)));
      t.select(explode(col(Columns.ErasureAudit.RESUMED_REQUESTS))).collectAsList()
          .forEach(r -> out.add(r.getString(0)));
    });
    return out;
  }

  /** Appends the row of a finished erasure. */
  void append(ErasureResult result, Timestamp requestedAt, List<String> identifierHashes, int retainHours) {
    Row row = RowFactory.create(result.requestId(), requestedAt, new Timestamp(System.currentTimeMillis()),
        JavaConverters.asScalaBuffer(identifierHashes).toList(), result.identifiersNotFound(), result.customers(),
        result.records(), result.events(), JavaConverters.mapAsScalaMap(result.rowsDeleted()),
        result.reportsRedacted(), result.filesPurged(), retainHours,
        JavaConverters.asScalaBuffer(List.copyOf(result.resumedRequests())).toList());
    DeltaIO.append(spark.createDataFrame(List.of(row), SCHEMA), path, DeltaIO.AppendSpec.plain());
  }
}
