package dev.cdi.generator;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A JSON-lines output file: one compact object per line. Defects: unparsable timestamp (a string in the time
 * field), truncated line, missing closing brace, trailing garbage, an array instead of an object, invalid UTF-8
 * bytes and an oversized field.
 */
final class JsonSourceFile extends SourceFile {

  private static final String[] GARBAGE = {"}", " xyz", ",", "]]", "garbage"};

  JsonSourceFile(SourceSpec spec, String file, OutputStream out, DefectPicker defects) {
    super(spec, file, out, defects);
  }

  /**
   * Writes one record, possibly with a defect (the map may be modified).
   *
   * @return true unless the record got a bronze defect, i.e. whether it belongs in the truth
   */
  boolean write(Map<String, Object> record, SplittableRandom defectRng) {
    Defect defect = nextDefect(defectRng);
    writeRecord(render(record, defect, defectRng), defect);
    return !defect.bronze();
  }

  private byte[] render(Map<String, Object> record, Defect defect, SplittableRandom r) {
    String text = spec().textField();
    switch (defect) {
      case BAD_TIMESTAMP -> record.put(spec().timeField(), DefectPicker.badTimestamp(r));
      case INVALID_UTF8 -> record.put(text, Utf8Damage.mark(r, (String) record.get(text)));
      case OVERSIZED_FIELD -> record.put(text, DefectPicker.oversizedText());
      default -> {
      }
    }
    byte[] line = JsonLines.encode(defect == Defect.NOT_AN_OBJECT ? new ArrayList<>(record.values()) : record);
    return switch (defect) {
      case INVALID_UTF8 -> Utf8Damage.replaceMarker(r, line);
      case TRUNCATED_JSON -> truncate(r, line);
      case MISSING_BRACE -> Arrays.copyOf(line, line.length - 1);
      case TRAILING_GARBAGE -> append(line, GARBAGE[r.nextInt(GARBAGE.length)]);
      default -> line;
    };
  }

  /** Cuts the line at an ASCII byte between a third of its length and its last byte. */
  static byte[] truncate(SplittableRandom r, byte[] line) {
    int at = line.length / 3 + r.nextInt(Math.max(1, line.length - 1 - line.length / 3));
    while (at > 1 && line[at] < 0) {
      at--;
    }
    return Arrays.copyOf(line, at);
  }

  private static byte[] append(byte[] line, String garbage) {
    byte[] tail = garbage.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(line, line.length + tail.length);
    System.arraycopy(tail, 0, out, line.length, tail.length);
    return out;
  }
}
