package dev.cdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Looks for text in every file under a folder, two ways: in the raw bytes (ASCII case-insensitive), which finds
 * values in Delta log JSON, checksums, reports and uncompressed pages; and in the decoded rows of every Parquet
 * file (data files, change-data files, deletion-vector-free rewrites, log checkpoints), which finds values that
 * compression or dictionary encoding hide from a byte scan. Files are read directly, not through Delta, so files a
 * table no longer references are searched too.
 */
public final class LakehouseScan {

  private LakehouseScan() {
  }

  /** A file and the needle found in it. */
  public record Hit(Path file, String needle, String how) {
  }

  /** Every (file, needle) where the file holds the needle, ignoring ASCII case. */
  public static List<Hit> find(Path root, List<String> needles) {
    List<Hit> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String decoded = file.getFileName().toString().endsWith(".parquet") ? parquetText(file) : "";
        for (String needle : needles) {
          String lower = needle.toLowerCase(Locale.ROOT);
          String latin = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
              .toLowerCase(Locale.ROOT);
          if (bytes.contains(latin)) {
            hits.add(new Hit(file, needle, "bytes"));
          } else if (decoded.contains(lower)) {
            hits.add(new Hit(file, needle, "parquet rows"));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    return hits;
  }

  /** The decoded rows of a Parquet file as text, lower-case. */
  private static String parquetText(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
      for (Group row = reader.read(); row != null; row = reader.read()) {
        out.append(row).append('\n');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
