package dev.cdi.bronze.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one decoded CSV record into fields (RFC 4180): fields are separated by the delimiter; a field that
 * starts with the quote character is quoted, may contain delimiters and line breaks, and a doubled quote inside
 * it is a literal quote. A quote inside an unquoted field is kept literally. Text after a closing quote other
 * than a delimiter is an error, as is a quoted field that never closes.
 */
public final class CsvFieldParser {

  private final char delimiter;
  private final char quote;

  /**
   * Fields, or the reason the record could not be split.
   *
   * @param fields field values, {@code null} on error
   * @param error  what is wrong, with the 1-based character position
   */
  public record Result(List<String> fields, String error) {
  }

  public CsvFieldParser(char delimiter, char quote) {
    this.delimiter = delimiter;
    this.quote = quote;
  }

  public char delimiter() {
    return delimiter;
  }

  public char quote() {
    return quote;
  }

  public Result parse(String record) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      if (i < n && record.charAt(i) == quote) {
        int closing = readQuoted(record, i + 1, field);
        if (closing < 0) {
          return new Result(null, "quoted field starting at character " + (i + 1) + " is never closed");
        }
        i = closing + 1;
        if (i < n && record.charAt(i) != delimiter) {
          return new Result(null, "unexpected character '" + record.charAt(i) + "' after closing quote at character "
              + (i + 1));
        }
      } else {
        int end = record.indexOf(delimiter, i);
        end = end < 0 ? n : end;
        field.append(record, i, end);
        i = end;
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return new Result(fields, null);
      }
      i++;
    }
  }

  /** Appends the quoted content starting at {@code start}; returns the index of the closing quote or -1. */
  private int readQuoted(String record, int start, StringBuilder field) {
    int i = start;
    int n = record.length();
    while (i < n) {
      char c = record.charAt(i);
      if (c == quote) {
        if (i + 1 < n && record.charAt(i + 1) == quote) {
          field.append(quote);
          i += 2;
          continue;
        }
        return i;
      }
      field.append(c);
      i++;
    }
    return -1;
  }
}
