package dev.cdi.generator;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CSV output file: the header line, then one RFC 4180 line per record (a quoted field may span lines). Defects:
 * unparsable timestamp, wrong field count (one field dropped or one added), invalid UTF-8 bytes and an oversized
 * field. No defect produces an unbalanced quote, so a damaged record never swallows the next one.
 */
final class CsvSourceFile extends SourceFile {

  private final char delimiter;
  private final int timeIndex;
  private final int textIndex;

  CsvSourceFile(SourceSpec spec, String file, OutputStream out, DefectPicker defects) {
    super(spec, file, out, defects);
    this.delimiter = spec.delimiter();
    this.timeIndex = spec.timeField() == null ? -1 : spec.columnIndex(spec.timeField());
    this.textIndex = spec.textField() == null ? -1 : spec.columnIndex(spec.textField());
    writeRaw(Csv.line(spec.columns().toArray(String[]::new), delimiter).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes one record, possibly with a defect (the array may be modified).
   *
   * @return true unless the record got a bronze defect, i.e. whether it belongs in the truth
   */
  boolean write(String[] fields, SplittableRandom defectRng) {
    if (fields.length != spec().columns().size()) {
      throw new IllegalArgumentException(spec().name() + ": expected " + spec().columns().size() + " fields");
    }
    Defect defect = nextDefect(defectRng);
    writeRecord(render(fields, defect, defectRng), defect);
    return !defect.bronze();
  }

  /** Writes one record without defects (truth tables). */
  void writeClean(String... fields) {
    writeRecord(Csv.line(fields, delimiter).getBytes(StandardCharsets.UTF_8), Defect.NONE);
  }

  private byte[] render(String[] fields, Defect defect, SplittableRandom r) {
    String[] out = fields;
    switch (defect) {
      case BAD_TIMESTAMP -> out[timeIndex] = DefectPicker.badTimestamp(r);
      case WRONG_COLUMN_COUNT -> out = wrongFieldCount(r, fields);
      case INVALID_UTF8 -> out[textIndex] = Utf8Damage.mark(r, fields[textIndex]);
      case OVERSIZED_FIELD -> out[textIndex] = DefectPicker.oversizedText();
      default -> {
      }
    }
    byte[] line = Csv.line(out, delimiter).getBytes(StandardCharsets.UTF_8);
    return defect == Defect.INVALID_UTF8 ? Utf8Damage.replaceMarker(r, line) : line;
  }

  /** Drops one field, or inserts an extra copy of one. */
  static String[] wrongFieldCount(SplittableRandom r, String[] fields) {
    int at = r.nextInt(fields.length);
    if (r.nextBoolean() && fields.length > 1) {
      String[] shorter = new String[fields.length - 1];
      System.arraycopy(fields, 0, shorter, 0, at);
      System.arraycopy(fields, at + 1, shorter, at, fields.length - at - 1);
      return shorter;
    }
    String[] longer = Arrays.copyOf(fields, fields.length + 1);
    System.arraycopy(fields, at, longer, at + 1, fields.length - at);
    return longer;
  }
}
