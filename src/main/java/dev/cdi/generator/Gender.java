package dev.cdi.generator;

/** Gender as used for given-name choice. */
enum Gender {
  MALE, FEMALE;

  static Gender of(String code) {
    return switch (code) {
      case "M" -> MALE;
      case "F" -> FEMALE;
      default -> throw new IllegalArgumentException("unknown gender code " + code);
    };
  }

  Gender opposite() {
    return this == MALE ? FEMALE : MALE;
  }
}
