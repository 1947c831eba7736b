package dev.cdi.bronze.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a byte stream into records. Lines end at LF (a preceding CR is dropped). In CSV mode a CR not followed by
 * LF also ends a line (files saved with classic Mac line ends), and a line break inside a quoted field does not end
 * the record: quotes are tracked with the same rules as {@link CsvFieldParser} (a quote opens a quoted field only
 * at the start of a field; a doubled quote inside is literal). Works on bytes, so it supports ASCII-compatible
 * encodings (UTF-8, ISO-8859-x, windows-125x).
 *
 * <p>Guards: a record longer than {@code maxRecordBytes} is returned truncated with a problem, and reading
 * resumes after the next line break; an unterminated quote at end of file is returned with a problem. No byte
 * of the input is ever skipped without being part of a returned record.
 */
public final class RecordSplitter {

  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final ByteReader in;
  private final boolean csv;
  private final int delimiter;
  private final int quote;
  private final int maxRecordBytes;
  private long nextLine = 1;

  private RecordSplitter(InputStream in, boolean csv, char delimiter, char quote, int maxRecordBytes,
                         boolean skipBom) throws IOException {
    this.in = new ByteReader(in);
    this.csv = csv;
    this.delimiter = delimiter;
    this.quote = quote;
    this.maxRecordBytes = maxRecordBytes;
    if (skipBom) {
      this.in.skipUtf8Bom();
    }
  }

  /** A splitter for line-delimited records (JSON lines). */
  public static RecordSplitter lines(InputStream in, int maxRecordBytes, boolean skipUtf8Bom) throws IOException {
    return new RecordSplitter(in, false, '\0', '\0', maxRecordBytes, skipUtf8Bom);
  }

  /** A splitter for CSV records, where quoted fields may contain line breaks. */
  public static RecordSplitter csv(InputStream in, char delimiter, char quote, int maxRecordBytes,
                                   boolean skipUtf8Bom) throws IOException {
    if (delimiter > 0x7F || quote > 0x7F) {
      throw new IllegalArgumentException("CSV delimiter and quote must be ASCII characters");
    }
    return new RecordSplitter(in, true, delimiter, quote, maxRecordBytes, skipUtf8Bom);
  }

  /** The next record, or {@code null} at end of input. */
  public RawRecord next() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    long startLine = nextLine;
    State state = State.FIELD_START;
    int b = in.read();
    if (b == ByteReader.EOF) {
      return null;
    }
    while (b != ByteReader.EOF) {
      if (isLineBreak(b)) {
        nextLine++;
        if (state != State.QUOTED) {
          return finish(out, startLine, null);
        }
      }
      if (out.size() >= maxRecordBytes) {
        skipRestOfLine(b);
        return finish(out, startLine, "record is longer than ingest.max_record_bytes (" + maxRecordBytes
            + " bytes)" + (state == State.QUOTED ? ", probably an unterminated quote" : "")
            + "; reading resumed at the next line");
      }
      out.write(b);
      if (csv) {
        state = advance(state, b);
      }
      b = in.read();
    }
    String problem = state == State.QUOTED ? "unterminated quoted field at end of file" : null;
    return finish(out, startLine, problem);
  }

  private State advance(State state, int b) {
    return switch (state) {
      case FIELD_START -> b == quote ? State.QUOTED : b == delimiter ? State.FIELD_START : State.UNQUOTED;
      case UNQUOTED -> b == delimiter ? State.FIELD_START : State.UNQUOTED;
      case QUOTED -> b == quote ? State.QUOTE_IN_QUOTED : State.QUOTED;
      case QUOTE_IN_QUOTED -> b == quote ? State.QUOTED : b == delimiter ? State.FIELD_START : State.UNQUOTED;
    };
  }

  /**
   * Whether {@code b}, the byte just read, ends a line: LF, or in CSV mode a CR that is not the first half of CRLF.
   */
  private boolean isLineBreak(int b) throws IOException {
    return b == '\n' || csv && b == '\r' && in.peek() != '\n';
  }

  private void skipRestOfLine(int current) throws IOException {
    boolean counted = isLineBreak(current);
    int b = current;
    while (b != ByteReader.EOF && !isLineBreak(b)) {
      b = in.read();
    }
    if (b != ByteReader.EOF && !counted) {
      nextLine++;
    }
  }

  private static RawRecord finish(ByteArrayOutputStream out, long startLine, String problem) {
    byte[] bytes = out.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && problem == null) {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return new RawRecord(bytes, startLine, problem);
  }
}
