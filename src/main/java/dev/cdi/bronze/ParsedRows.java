package dev.cdi.bronze;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the intermediate rows that {@link TextFileParseTask} emits: one row per data record (valid or
 * rejected) plus exactly one {@code file_end} row per file, so that empty files still report their counts.
 */
public final class ParsedRows {

  public static final String FILE_PATH = "file_path";
  public static final String FILE_FINGERPRINT = "file_fingerprint";
  public static final String FILE_MODIFIED_AT = "file_modified_at";
  public static final String KIND = "kind";
  public static final String ROW_NUMBER = "row_number";
  public static final String LINE_NUMBER = "line_number";
  public static final String ROW_HASH = "row_hash";
  public static final String FIELDS = "fields";
  public static final String ERROR = "error";
  public static final String RAW_BYTES = "raw_bytes";
  public static final String RAW_TRUNCATED = "raw_truncated";
  public static final String BLANK_LINES = "blank_lines";

  public static final String KIND_VALID = "valid";
  public static final String KIND_REJECTED = "rejected";
  public static final String KIND_FILE_END = "file_end";

  public static final StructType SCHEMA = new StructType()
      .add(FILE_PATH, DataTypes.StringType, false)
      .add(FILE_FINGERPRINT, DataTypes.StringType, false)
      .add(FILE_MODIFIED_AT, DataTypes.TimestampType, false)
      .add(KIND, DataTypes.StringType, false)
      .add(ROW_NUMBER, DataTypes.LongType, true)
      .add(LINE_NUMBER, DataTypes.LongType, true)
      .add(ROW_HASH, DataTypes.StringType, true)
      .add(FIELDS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true)
      .add(ERROR, DataTypes.StringType, true)
      .add(RAW_BYTES, DataTypes.BinaryType, true)
      .add(RAW_TRUNCATED, DataTypes.BooleanType, true)
      .add(BLANK_LINES, DataTypes.LongType, true);

  private ParsedRows() {
  }
}
