package dev.cdi.config;

import java.io.Serializable;
import java.util.Locale;

/**
 * A data-quality rule over {@code silver/_dq_metrics}, for example "email invalid rate of identities below 20%".
 *
 * @param source source name, or {@code *} for every source
 * @param table  {@code identities} or {@code events}
 * @param metric metric name, e.g. {@code email_invalid_rate} or {@code rows_without_id}
 * @param min    lowest acceptable value, or null
 * @param max    highest acceptable value, or null
 * @param fail   true: a violation fails the run before silver is updated; false: it is logged as a warning
 */
public record Expectation(String source, String table, String metric, Double min, Double max, boolean fail)
    implements Serializable {

  public boolean appliesTo(String sourceName, String tableName) {
    return ("*".equals(source) || source.equals(sourceName)) && table.equals(tableName);
  }

  /** A description of how {@code value} breaks this rule, or null when it holds. */
  public String violation(String sourceName, double value) {
    if (min != null && value < min) {
      return describe(sourceName, value) + " is below the minimum " + min;
    }
    if (max != null && value > max) {
      return describe(sourceName, value) + " is above the maximum " + max;
    }
    return null;
  }

  private String describe(String sourceName, double value) {
    return "data-quality expectation on " + sourceName + " " + table + ": " + metric + " = "
        + String.format(Locale.ROOT, "%.4f", value);
  }
}
