package dev.cdi.config;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.List;

/**
 * How to read a source's text files.
 *
 * @param delimiter field separator (CSV only)
 * @param quote     quote character (CSV only); a doubled quote inside a quoted field is a literal quote
 * @param header    whether the first record of every file is a header (CSV only)
 * @param columns   column names when there is no header (CSV only, empty otherwise)
 * @param encoding  character set the bytes are decoded with, strictly: undecodable bytes quarantine the row
 */
public record ReaderOptions(char delimiter, char quote, boolean header, List<String> columns, String encoding)
    implements Serializable {

  public static final ReaderOptions DEFAULTS = new ReaderOptions(',', '"', true, List.of(), "UTF-8");

  public ReaderOptions {
    columns = List.copyOf(columns);
  }

  public Charset charset() {
    return Charset.forName(encoding);
  }
}
