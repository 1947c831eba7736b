package dev.cdi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.cli.CdiCommand;
import dev.cdi.io.Lakehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One generated sample run through the whole pipeline, shared by the end-to-end tests of a JVM so that the
 * pipeline runs once: 400 customers (seed 7, 200 per partition, 1% malformed rows) generated with the CLI, then
 * {@code run} with {@code conf/pipeline.yaml} and run id {@value #RUN_ID}. Built on first use (minutes on a busy
 * 2-core machine) in a temporary folder that is deleted when the JVM exits.
 *
 * <p>Tests read it; a test that adds a run (a rerun with another run id) must leave what {@value #RUN_ID} wrote
 * readable by the others: the tables' rows and the run's own report.
 */
public final class SampleRun {

  /** The run id of the pipeline run over the sample. */
  public static final String RUN_ID = "e2e-1";

  /**
   * The sample.
   *
   * @param input     the generated raw dumps, with the generator's truth under {@code _truth/}
   * @param lakehouse the lakehouse the run wrote
   */
  public record Sample(Path input, Lakehouse lakehouse) {
  }

  private static Sample sample;

  private SampleRun() {
  }

  /** The sample, generated and run on first use. */
  public static synchronized Sample get() {
    if (sample == null) {
      sample = build();
    }
    return sample;
  }

  private static Sample build() {
    Path dir;
    try {
      dir = Files.createTempDirectory("cdi-sample-run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sample run's folder", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
    Path input = dir.resolve("raw");
    Lakehouse lakehouse = new Lakehouse(dir.resolve("lake").toString());
    assertEquals(0, CdiCommand.execute("generate", "--customers", "400", "--seed", "7", "--out", input.toString(),
        "--persons-per-partition", "200", "--bad-row-rate", "0.01"));
    assertEquals(0, CdiCommand.execute("run", "--conf", "conf/pipeline.yaml", "--input", input.toString(),
        "--lakehouse", lakehouse.root(), "--run-id", RUN_ID));
    return new Sample(input, lakehouse);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("could not delete the sample run folder " + dir + ": " + e);
    }
  }
}
