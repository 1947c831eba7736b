package dev.cdi.privacy;

import dev.cdi.config.LakehousePaths;
import dev.cdi.privacy.IdentifierScanner.Found;
import dev.cdi.privacy.IdentifierScanner.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Removes erased identifiers from the report files under {@code <lakehouse>/_reports} (evaluation reports, run
 * reports: Markdown, HTML, CSV, JSON, any UTF-8 text). Every email, phone number and word in a report is
 * normalized and hashed like the tables' values; those in the erasure's hash set, and the erased records' full
 * names, are replaced by {@value #MARK}. Files that are not valid UTF-8 are left alone. Files are rewritten
 * through the Hadoop FileSystem API, so the lakehouse may be on {@code s3a://}.
 */
final class ReportRedactor {

  static final String MARK = "[erased]";
  static final String FOLDER = "_reports";

  private final IdentifierScanner scanner = new IdentifierScanner();

  /**
   * Redacts every report under the lakehouse; returns how many files changed.
   *
   * @param isErased whether a found identifier is erased (by its salted hash)
   * @param names    full names to redact, matched case-insensitively
   */
  int redact(String lakehouseRoot, Configuration conf, Predicate<Found> isErased, Collection<String> names) {
    Path root = new Path(LakehousePaths.join(lakehouseRoot, FOLDER));
    int changed = 0;
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return 0;
      }
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        if (!file.getName().startsWith(".") && redactFile(fs, file, isErased, names)) {
          changed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot redact the reports under " + root, e);
    }
    return changed;
  }

  private boolean redactFile(FileSystem fs, Path file, Predicate<Found> isErased, Collection<String> names)
      throws IOException {
    String text;
    try (InputStream in = fs.open(file)) {
      text = decode(in.readAllBytes());
    }
    if (text == null) {
      return false;
    }
    String redacted = redact(text, isErased, names);
    if (redacted.equals(text)) {
      return false;
    }
    try (OutputStream out = fs.create(file, true)) {
      out.write(redacted.getBytes(StandardCharsets.UTF_8));
    }
    return true;
  }

  /** {@code text} with erased identifiers and names replaced by {@value #MARK}. */
  String redact(String text, Predicate<Found> isErased, Collection<String> names) {
    List<int[]> spans = new ArrayList<>();
    for (Found found : scanner.scan(text, new Scope(null, true, List.of(), null))) {
      if (isErased.test(found)) {
        spans.add(new int[] {found.start(), found.end()});
      }
    }
    for (String name : Set.copyOf(names)) {
      Matcher m = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    return replace(text, spans);
  }

  /** Replaces the spans (merged where they overlap) by the mark. */
  private static String replace(String text, List<int[]> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
    StringBuilder out = new StringBuilder(text.length());
    int position = 0;
    for (int[] span : spans) {
      if (span[1] <= position) {
        continue;
      }
      int start = Math.max(span[0], position);
      out.append(text, position, start);
      if (start == span[0]) {
        out.append(MARK);
      }
      position = span[1];
    }
    return out.append(text.substring(position)).toString();
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      // Not text (an image, a compressed file): nothing in it is redacted, which the caller reports as unchanged.
      return null;
    }
  }
}
