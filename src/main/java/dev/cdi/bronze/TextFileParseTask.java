package dev.cdi.bronze;

import dev.cdi.bronze.parse.FileRecordReader;
import dev.cdi.bronze.parse.ParsedRecord;
import dev.cdi.config.IngestSettings;
import dev.cdi.config.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import scala.collection.JavaConverters;

/**
 * Parses one CSV or JSON-lines file into {@link ParsedRows} rows inside a Spark task, streaming it with memory
 * bounded by the record size limit. Every record becomes exactly one valid or rejected row, followed by one
 * {@code file_end} row carrying the blank-line count. The row hash is the SHA-256 of the record's raw bytes.
 */
public final class TextFileParseTask implements FlatMapFunction<SourceFile, Row> {

  private static final long serialVersionUID = 1L;
  private final SourceConfig source;
  private final IngestSettings limits;
  private final SerializableConfiguration hadoopConf;

  public TextFileParseTask(SourceConfig source, IngestSettings limits, SerializableConfiguration hadoopConf) {
    this.source = source;
    this.limits = limits;
    this.hadoopConf = hadoopConf;
  }

  @Override
  public Iterator<Row> call(SourceFile file) throws IOException {
    Path path = new Path(file.path());
    InputStream in = path.getFileSystem(hadoopConf.value()).open(path);
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.addTaskCompletionListener((TaskCompletionListener) ctx -> closeQuietly(in));
    }
    FileRecordReader reader;
    try {
      reader = new FileRecordReader(in, source.format(), source.reader(), limits);
    } catch (IOException e) {
      closeQuietly(in);
      throw new IOException("cannot read the header of " + file.path() + ": " + e.getMessage(), e);
    }
    return new RowIterator(file, reader, in);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing input stream", e);
    }
  }

  /** Adapts the record reader to rows and appends the file_end row. */
  private static final class RowIterator implements Iterator<Row> {
    private final SourceFile file;
    private final FileRecordReader reader;
    private final InputStream in;
    private final Timestamp modifiedAt;
    private final MessageDigest sha256;
    private boolean endEmitted;

    RowIterator(SourceFile file, FileRecordReader reader, InputStream in) {
      this.file = file;
      this.reader = reader;
      this.in = in;
      this.modifiedAt = new Timestamp(file.modifiedAt());
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available in this JVM", e);
      }
    }

    @Override
    public boolean hasNext() {
      return !endEmitted;
    }

    @Override
    public Row next() {
      if (endEmitted) {
        throw new NoSuchElementException();
      }
      if (hasRecord()) {
        return toRow(reader.next());
      }
      endEmitted = true;
      closeQuietly(in);
      return RowFactory.create(file.path(), file.fingerprint(), modifiedAt, ParsedRows.KIND_FILE_END, null, null,
          null, null, null, null, null, reader.blankLines());
    }

    /** Whether the reader has another record; a read failure names the file. */
    private boolean hasRecord() {
      try {
        return reader.hasNext();
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException("cannot read " + file.path() + " (" + e.getMessage() + "): "
            + e.getCause().getMessage(), e.getCause());
      }
    }

    private Row toRow(ParsedRecord record) {
      String hash = HexFormat.of().formatHex(sha256.digest(record.raw()));
      if (record.isValid()) {
        return RowFactory.create(file.path(), file.fingerprint(), modifiedAt, ParsedRows.KIND_VALID,
            record.rowNumber(), record.lineNumber(), hash,
            JavaConverters.mapAsScalaMap(record.fields()), null, null, null, null);
      }
      return RowFactory.create(file.path(), file.fingerprint(), modifiedAt, ParsedRows.KIND_REJECTED,
          record.rowNumber(), record.lineNumber(), hash, null, record.error(), record.raw(),
          record.rawTruncated(), null);
    }
  }
}
