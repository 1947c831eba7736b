package dev.cdi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test hook for the crash-safety tests, disabled unless a system property names a point. Jobs call
 * {@link #reach} between their commits. With {@code -Dcdi.fault.halt-at=<point>} the JVM halts there as abruptly as
 * a SIGKILL (exit code 137; no shutdown hook or finally block runs). With {@code -Dcdi.fault.pause-at=<point>} and
 * {@code -Dcdi.fault.resume-file=<file>} the thread sleeps there until the file exists (to hold the lakehouse lock
 * while another run starts). Otherwise a point costs two property lookups.
 */
public final class FaultInjection {

  public static final String HALT_AT = "cdi.fault.halt-at";
  public static final String PAUSE_AT = "cdi.fault.pause-at";
  public static final String RESUME_FILE = "cdi.fault.resume-file";
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

  private FaultInjection() {
  }

  /** Halts or pauses when the system properties name {@code point}; does nothing otherwise. */
  public static void reach(String point) {
    if (point.equals(System.getProperty(HALT_AT))) {
      LOG.error("fault injection: halting at {}", point);
      Runtime.getRuntime().halt(137);
    }
    if (point.equals(System.getProperty(PAUSE_AT))) {
      Path resume = Path.of(System.getProperty(RESUME_FILE, "cdi-resume"));
      LOG.warn("fault injection: pausing at {} until {} exists", point, resume);
      while (!Files.exists(resume)) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while paused at fault point " + point, e);
        }
      }
      LOG.warn("fault injection: resuming after {}", point);
    }
  }
}
