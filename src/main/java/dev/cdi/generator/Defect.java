package dev.cdi.generator;

/**
 * What is wrong with an emitted record. Bronze defects make the raw record unreadable (ingestion must quarantine
 * it, and it is left out of the identity and event truth); the silver defect keeps the record readable with an
 * unparsable timestamp (it stays in the truth).
 */
enum Defect {
  NONE(false),
  /** Silver: the system's time field holds text such as "N/A" or "31/02/2024 25:61". */
  BAD_TIMESTAMP(false),
  /** CSV: one field dropped or one extra field added. */
  WRONG_COLUMN_COUNT(true),
  /** Raw bytes that are not valid UTF-8 (0xC3 0x28, 0xFF, ...) inside a name or text field. */
  INVALID_UTF8(true),
  /** JSON: the line is cut short. */
  TRUNCATED_JSON(true),
  /** JSON: the closing brace is missing. */
  MISSING_BRACE(true),
  /** JSON: text after the closing brace (strict parsers must reject trailing tokens). */
  TRAILING_GARBAGE(true),
  /** JSON: a valid JSON array instead of an object. */
  NOT_AN_OBJECT(true),
  /** One field of {@value DefectPicker#OVERSIZED_LENGTH} characters; at most one per file. */
  OVERSIZED_FIELD(true);

  private final boolean bronze;

  Defect(boolean bronze) {
    this.bronze = bronze;
  }

  boolean bronze() {
    return bronze;
  }
}
