package dev.cdi.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/** Test helpers: generate partitions on the local file system, and strict readers for the generated formats. */
final class TestFiles {

  static final int FIELD_LIMIT = 262_144;
  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private TestFiles() {
  }

  /** Generates every partition of a run into {@code out} without Spark; returns all file statistics. */
  static List<FileStats> generate(Path out, long customers, long seed, double badRowRate, int personsPerPartition)
      throws IOException {
    GeneratorOptions options = new GeneratorOptions(customers, seed, out.toString(), badRowRate, personsPerPartition);
    GenerationPlan plan = GenerationPlan.of(options);
    List<FileStats> stats = new ArrayList<>();
    for (int p = 0; p < plan.partitions(); p++) {
      stats.addAll(PartitionGenerator.generate(plan, p, new Configuration()));
    }
    return stats;
  }

  /** The records of a CSV file split per RFC 4180 (quoted fields may contain delimiters and newlines). */
  static List<byte[]> csvRecords(byte[] file) {
    List<byte[]> records = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      byte b = file[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n' && !quoted) {
        records.add(Arrays.copyOfRange(file, start, i));
        start = i + 1;
      }
    }
    if (start != file.length) {
      throw new IllegalStateException("file does not end with a newline");
    }
    return records;
  }

  /** The fields of one CSV record (undoing RFC 4180 quoting), decoded leniently. */
  static List<String> csvFields(byte[] record, char delimiter) {
    String text = new String(record, StandardCharsets.UTF_8);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  static boolean isValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A readable CSV record: valid UTF-8, the header's field count, no field over the ingestion limit. */
  static boolean isGoodCsvRecord(byte[] record, char delimiter, int columns) {
    if (!isValidUtf8(record)) {
      return false;
    }
    List<String> fields = csvFields(record, delimiter);
    return fields.size() == columns
        && fields.stream().allMatch(f -> f.getBytes(StandardCharsets.UTF_8).length <= FIELD_LIMIT);
  }

  /** The object on a JSON line, or null when the line is not one strictly valid, small enough JSON object. */
  static JsonNode strictJsonObject(byte[] line) {
    if (line.length > FIELD_LIMIT || !isValidUtf8(line)) {
      return null;
    }
    try {
      JsonNode node = STRICT_JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The lines of a JSON-lines file (the file must end with a newline). */
  static List<byte[]> lines(byte[] file) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(Arrays.copyOfRange(file, start, i));
        start = i + 1;
      }
    }
    if (start != file.length) {
      throw new IllegalStateException("file does not end with a newline");
    }
    return lines;
  }

  /** All regular files under a folder, as sorted paths relative to it. */
  static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  /** The data rows (header excluded for CSV) of every part file of a truth table, as parsed fields. */
  static List<List<String>> truthRows(Path out, String table) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String file : relativeFiles(out.resolve("_truth").resolve(table))) {
      List<byte[]> records = csvRecords(Files.readAllBytes(out.resolve("_truth").resolve(table).resolve(file)));
      records.subList(1, records.size()).forEach(r -> rows.add(csvFields(r, ',')));
    }
    return rows;
  }
}
