package dev.cdi.bronze.parse;

import dev.cdi.config.IngestSettings;
import dev.cdi.config.ReaderOptions;
import dev.cdi.config.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the data records of one CSV or JSON-lines file as {@link ParsedRecord}s, deciding for each whether it
 * is a valid row or goes to quarantine and why. Blank lines are not records. For CSV with a header, the first
 * record names the columns (blank or duplicate names are made unique with {@link ColumnNames}); if the header
 * itself is unreadable (undecodable, a UTF-16 byte order mark, or one column holding another common delimiter, which
 * means the delimiter is configured wrong), every data record of the file is quarantined with that reason. Memory
 * is bounded by {@code max_record_bytes}.
 */
public final class FileRecordReader implements java.util.Iterator<ParsedRecord> {

  private static final char[] LIKELY_DELIMITERS = {',', ';', '\t', '|'};

  private final RecordSplitter splitter;
  private final StrictDecoder decoder;
  private final IngestSettings limits;
  private final CsvFieldParser csvParser;
  private final JsonLineParser jsonParser;
  private List<String> header;
  private String headerError;
  private long rowNumber;
  private long blankLines;
  private ParsedRecord pending;

  /**
   * Opens a reader on {@code in}; for CSV with a header, reads the header now.
   *
   * @throws IOException when the stream cannot be read
   */
  public FileRecordReader(InputStream in, SourceFormat format, ReaderOptions options, IngestSettings limits)
      throws IOException {
    this.limits = limits;
    this.decoder = new StrictDecoder(options.charset());
    boolean bom = options.charset().equals(StandardCharsets.UTF_8);
    if (format == SourceFormat.CSV) {
      this.splitter = RecordSplitter.csv(in, options.delimiter(), options.quote(), limits.maxRecordBytes(), bom);
      this.csvParser = new CsvFieldParser(options.delimiter(), options.quote());
      this.jsonParser = null;
      this.header = options.header() ? null : ColumnNames.uniquify(options.columns());
      if (options.header()) {
        readHeader();
      }
    } else if (format == SourceFormat.JSONL) {
      this.splitter = RecordSplitter.lines(in, limits.maxRecordBytes(), bom);
      this.csvParser = null;
      this.jsonParser = new JsonLineParser(limits.maxFieldBytes());
    } else {
      throw new IllegalArgumentException("FileRecordReader reads csv and jsonl, not " + format);
    }
  }

  /** Column names from the header (CSV), or {@code null} for JSON lines or a file with no header line. */
  public List<String> header() {
    return header;
  }

  /** Blank lines skipped so far. */
  public long blankLines() {
    return blankLines;
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      pending = advance();
    }
    return pending != null;
  }

  @Override
  public ParsedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ParsedRecord out = pending;
    pending = null;
    return out;
  }

  private void readHeader() throws IOException {
    RawRecord raw = nextNonBlank();
    if (raw == null) {
      header = List.of();
      return;
    }
    String problem = raw.problem() != null ? raw.problem() : utf16Mark(raw.bytes());
    if (problem == null) {
      StrictDecoder.Result decoded = decoder.decode(raw.bytes());
      if (!decoded.ok()) {
        problem = invalidBytes(decoded.badOffset());
      } else {
        CsvFieldParser.Result fields = csvParser.parse(decoded.text());
        problem = fields.error() != null ? fields.error() : otherDelimiter(decoded.text(), fields.fields());
        if (problem == null) {
          header = ColumnNames.uniquify(fields.fields());
          return;
        }
      }
    }
    headerError = "file header (line " + raw.lineNumber() + ") is unreadable: " + problem;
  }

  /** A problem when the header starts with a UTF-16 byte order mark (the splitter reads ASCII-compatible bytes). */
  private static String utf16Mark(byte[] bytes) {
    boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    return utf16 ? "the file starts with a UTF-16 byte order mark; convert it to UTF-8 (or another encoding that"
        + " stores ASCII characters as single bytes)" : null;
  }

  /**
   * A problem when an unquoted header is a single column containing another common delimiter: the file is most
   * likely delimited differently than configured, and reading it would store every row in one column.
   */
  private String otherDelimiter(String text, List<String> fields) {
    if (fields.size() != 1 || text.startsWith(String.valueOf(csvParser.quote()))) {
      return null;
    }
    for (char candidate : LIKELY_DELIMITERS) {
      if (candidate != csvParser.delimiter() && fields.get(0).indexOf(candidate) >= 0) {
        return "it is one column containing " + show(candidate) + "; is the file delimited by " + show(candidate)
            + " rather than " + show(csvParser.delimiter()) + "? (set options.delimiter)";
      }
    }
    return null;
  }

  private static String show(char c) {
    return c == '\t' ? "tab" : "'" + c + "'";
  }

  private ParsedRecord advance() {
    RawRecord raw;
    try {
      raw = nextNonBlank();
    } catch (IOException e) {
      throw new UncheckedIOException("reading record " + (rowNumber + 1), e);
    }
    if (raw == null) {
      return null;
    }
    rowNumber++;
    if (raw.problem() != null) {
      return rejected(raw, raw.problem(), true);
    }
    if (headerError != null) {
      return rejected(raw, headerError, false);
    }
    StrictDecoder.Result decoded = decoder.decode(raw.bytes());
    if (!decoded.ok()) {
      return rejected(raw, invalidBytes(decoded.badOffset()), false);
    }
    return csvParser != null ? csvRecord(raw, decoded.text()) : jsonRecord(raw, decoded.text());
  }

  private ParsedRecord csvRecord(RawRecord raw, String text) {
    CsvFieldParser.Result parsed = csvParser.parse(text);
    if (parsed.error() != null) {
      return rejected(raw, parsed.error(), false);
    }
    List<String> values = parsed.fields();
    if (values.size() != header.size()) {
      return rejected(raw, "row has " + values.size() + " fields, the header has " + header.size(), false);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (FieldSize.exceeds(value, limits.maxFieldBytes())) {
        return rejected(raw, FieldSize.describe(header.get(i), value, limits.maxFieldBytes()), false);
      }
      fields.put(header.get(i), value);
    }
    return new ParsedRecord(rowNumber, raw.lineNumber(), fields, null, raw.bytes(), false);
  }

  private ParsedRecord jsonRecord(RawRecord raw, String text) {
    JsonLineParser.Result parsed = jsonParser.parse(text);
    if (parsed.error() != null) {
      return rejected(raw, parsed.error(), false);
    }
    return new ParsedRecord(rowNumber, raw.lineNumber(), parsed.fields(), null, raw.bytes(), false);
  }

  private ParsedRecord rejected(RawRecord raw, String reason, boolean truncatedBySplitter) {
    byte[] bytes = raw.bytes();
    boolean truncated = truncatedBySplitter;
    if (bytes.length > limits.quarantineRawMaxBytes()) {
      bytes = Arrays.copyOf(bytes, limits.quarantineRawMaxBytes());
      truncated = true;
    }
    return new ParsedRecord(rowNumber, raw.lineNumber(), null, reason, bytes, truncated);
  }

  private RawRecord nextNonBlank() throws IOException {
    RawRecord raw = splitter.next();
    while (raw != null && raw.isBlank()) {
      blankLines++;
      raw = splitter.next();
    }
    return raw;
  }

  private String invalidBytes(int offset) {
    return "invalid " + decoder.charsetName() + " byte sequence at byte " + (offset + 1) + " of the record";
  }
}
