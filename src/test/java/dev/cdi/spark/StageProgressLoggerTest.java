package dev.cdi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.SharedSpark;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class StageProgressLoggerTest {

  /** Holds the second task of the test job until the test has seen the first one finish (local mode: one JVM). */
  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  private final SparkSession spark = SharedSpark.session();

  @Test
  void reportsRunningStagesWithTheirDescriptionAndTaskCounts() throws Exception {
    StageProgressLogger progress = new StageProgressLogger();
    spark.sparkContext().addSparkListener(progress);
    CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> {
      try (StageScope scope = StageScope.open(spark, "resolve", "p1")) {
        scope.step("slow step");
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(0, 1), 2)
            .map(StageProgressLoggerTest::waitOnSecond).count();
      }
    });
    try {
      String line = awaitLine(progress, "1/2 tasks done");
      assertTrue(line.matches("cdi resolve: slow step: stage \\d+ \\(count at StageProgressLoggerTest\\.java:\\d+\\)"
          + " 1/2 tasks done, 1 running, for \\d+s"), line);
      assertEquals(List.of(), progress.report(Duration.ofHours(1)), "stages younger than the interval are not logged");
    } finally {
      RELEASE.countDown();
    }
    assertEquals(2L, job.get(60, TimeUnit.SECONDS));
    awaitLine(progress, null);
    spark.sparkContext().removeSparkListener(progress);
  }

  private static int waitOnSecond(int value) throws InterruptedException {
    if (value == 1 && !RELEASE.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test did not release the task");
    }
    return value;
  }

  /**
   * Waits up to 60 s for a progress line containing {@code fragment} and returns it; with a null fragment, for no
   * line at all (the finished stage forgotten). Listener events arrive asynchronously.
   */
  private static String awaitLine(StageProgressLogger progress, String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<String> lines = progress.report(Duration.ZERO);
      if (fragment == null && lines.isEmpty()) {
        return null;
      }
      for (String line : lines) {
        if (fragment != null && line.contains(fragment)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("expected a progress line with '" + fragment + "', got " + progress.report(Duration.ZERO));
  }
}
