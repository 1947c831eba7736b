package dev.cdi.generator;

import java.util.SplittableRandom;

/**
 * Decides, record by record, whether a record is emitted with a {@link Defect}. A fraction {@code badRowRate} of
 * records gets a defect: {@value #SILVER_SHARE} of them an unparsable timestamp (silver), the rest one of the bronze
 * kinds of the file format, drawn with fixed weights. The decision is drawn from the person's DEFECTS stream, so it
 * is deterministic and independent of the clean content.
 */
final class DefectPicker {

  static final double SILVER_SHARE = 0.25;
  static final int OVERSIZED_LENGTH = 300_000;
  static final String[] BAD_TIMESTAMPS =
      {"31/02/2024 25:61", "N/A", "yesterday", "0000-00-00 00:00:00", "2024-13-45T99:99:99Z", "not a date"};

  private static final Defect[] CSV_KINDS = {Defect.WRONG_COLUMN_COUNT, Defect.INVALID_UTF8, Defect.OVERSIZED_FIELD};
  private static final double[] CSV_WEIGHTS = {60, 38, 2};
  private static final Defect[] JSON_KINDS = {Defect.TRUNCATED_JSON, Defect.MISSING_BRACE, Defect.TRAILING_GARBAGE,
      Defect.NOT_AN_OBJECT, Defect.INVALID_UTF8, Defect.OVERSIZED_FIELD};
  private static final double[] JSON_WEIGHTS = {20, 15, 15, 15, 33, 2};

  private final double rate;
  private final Defect[] kinds;
  private final double[] weights;

  DefectPicker(double rate, SourceSpec.Format format) {
    this.rate = rate;
    this.kinds = format == SourceSpec.Format.CSV ? CSV_KINDS : JSON_KINDS;
    this.weights = format == SourceSpec.Format.CSV ? CSV_WEIGHTS : JSON_WEIGHTS;
  }

  Defect pick(SplittableRandom r) {
    double u = r.nextDouble();
    if (u >= rate) {
      return Defect.NONE;
    }
    if (u < rate * SILVER_SHARE) {
      return Defect.BAD_TIMESTAMP;
    }
    return kinds[Rng.weighted(r, weights)];
  }

  /** The bronze kind used instead of a second oversized field in the same file. */
  Defect oversizedFallback() {
    return kinds[0];
  }

  static String badTimestamp(SplittableRandom r) {
    return Rng.pickOf(r, BAD_TIMESTAMPS);
  }

  /** A long pasted blob: {@value #OVERSIZED_LENGTH} characters of repeated text. */
  static String oversizedText() {
    return OversizedText.VALUE;
  }

  private static final class OversizedText {
    private static final String VALUE =
        "Pasted log output: lorem ipsum dolor sit amet consectetur. ".repeat(OVERSIZED_LENGTH / 59 + 1)
            .substring(0, OVERSIZED_LENGTH);
  }
}
