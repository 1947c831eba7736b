package dev.cdi.config;

/**
 * What silver does with a record whose date or time field holds a value none of the configured formats parse
 * ({@code silver.invalid_times} of a source).
 */
public enum InvalidTimeAction {
  /** Keep the record with the field null; the invalid rate shows in {@code silver/_dq_metrics} (the default). */
  NULLIFY("nullify"),
  /** Keep the record out of silver and write it to {@code silver/_quarantine} with a reason. */
  QUARANTINE("quarantine");

  private final String key;

  InvalidTimeAction(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static InvalidTimeAction of(String key) {
    for (InvalidTimeAction action : values()) {
      if (action.key.equals(key)) {
        return action;
      }
    }
    throw new IllegalArgumentException(key);
  }
}
