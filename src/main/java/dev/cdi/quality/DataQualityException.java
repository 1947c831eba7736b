package dev.cdi.quality;

/** A data-quality expectation with {@code action: fail} was violated; the message names source, metric, threshold. */
public class DataQualityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message);
  }
}
