package dev.cdi.testing;

import java.nio.file.Path;

/**
 * Data shared by tests and benchmarks from {@code ../shared/} beside the project root (Maven runs tests from the
 * root). It may be absent, so tests that use it skip with {@code assumeTrue(Files.isRegularFile(...))}.
 */
public final class SharedData {

  /** The labelled Febrl person records: {@code dataset1.csv}, {@code dataset2.csv}, {@code dataset3.csv}. */
  public static final Path FEBRL = Path.of("../shared/data/febrl");

  private SharedData() {
  }

  /** A Febrl file, e.g. {@code febrl("dataset3.csv")}. */
  public static Path febrl(String file) {
    return FEBRL.resolve(file);
  }
}
