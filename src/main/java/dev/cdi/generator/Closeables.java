package dev.cdi.generator;

import java.io.Closeable;
import java.io.IOException;

/**
 * Closes several resources, all of them even when some fail; the first failure is thrown with the others
 * suppressed.
 */
final class Closeables {

  private Closeables() {
  }

  static void closeAll(Iterable<? extends Closeable> resources) throws IOException {
    IOException failure = null;
    for (Closeable resource : resources) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
