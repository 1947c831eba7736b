package dev.cdi.pipeline;

/** Another run holds the lakehouse lock; the message names it. */
public final class LakehouseLockedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LakehouseLockedException(String message) {
    super(message);
  }
}
