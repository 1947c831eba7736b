package dev.cdi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageScopeTest {

  private final SparkSession spark = SharedSpark.session();
  private final SparkContext context = spark.sparkContext();

  @AfterEach
  void clearProperties() {
    context.clearJobGroup();
  }

  @Test
  void setsTheGroupAndDescriptionAndRestoresNoneAfterwards() {
    try (StageScope scope = StageScope.open(spark, "resolve", "r1")) {
      assertEquals("cdi:resolve:r1", context.getLocalProperty(StageScope.GROUP));
      assertEquals("cdi resolve", context.getLocalProperty(StageScope.DESCRIPTION));
      assertEquals("false", context.getLocalProperty(StageScope.INTERRUPT));
      scope.step("blocking");
      assertEquals("cdi resolve: blocking", context.getLocalProperty(StageScope.DESCRIPTION));
      scope.step("scoring");
      assertEquals("cdi resolve: scoring", scope.description());
      assertEquals("cdi resolve: scoring", context.getLocalProperty(StageScope.DESCRIPTION));
      assertEquals("cdi:resolve:r1", context.getLocalProperty(StageScope.GROUP));
    }
    assertNull(context.getLocalProperty(StageScope.GROUP));
    assertNull(context.getLocalProperty(StageScope.DESCRIPTION));
    assertNull(context.getLocalProperty(StageScope.INTERRUPT));
  }

  @Test
  void nestedScopesRestoreTheOuterOne() {
    context.setJobGroup("outer-group", "outer description", true);
    try (StageScope outer = StageScope.open(spark, "run", "r2")) {
      outer.step("gold");
      try (StageScope inner = StageScope.open(spark, "build-gold", "r2")) {
        inner.step("journeys");
        assertEquals("cdi:build-gold:r2", context.getLocalProperty(StageScope.GROUP));
        assertEquals("cdi build-gold: journeys", context.getLocalProperty(StageScope.DESCRIPTION));
      }
      assertEquals("cdi:run:r2", context.getLocalProperty(StageScope.GROUP));
      assertEquals("cdi run: gold", context.getLocalProperty(StageScope.DESCRIPTION));
    }
    assertEquals("outer-group", context.getLocalProperty(StageScope.GROUP));
    assertEquals("outer description", context.getLocalProperty(StageScope.DESCRIPTION));
    assertEquals("true", context.getLocalProperty(StageScope.INTERRUPT));
  }

  @Test
  void restoresAfterAnException() {
    try (StageScope scope = StageScope.open(spark, "ingest", "r3")) {
      scope.step("crm_contacts");
      throw new IllegalStateException("boom");
    } catch (IllegalStateException expected) {
      assertEquals("boom", expected.getMessage());
    }
    assertNull(context.getLocalProperty(StageScope.GROUP));
    assertNull(context.getLocalProperty(StageScope.DESCRIPTION));
  }

  @Test
  void sparkJobsStartedInTheScopeCarryItsNames() throws InterruptedException {
    List<Properties> started = new ArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart event) {
        synchronized (started) {
          started.add(event.properties());
        }
      }
    };
    context.addSparkListener(listener);
    try {
      try (StageScope scope = StageScope.open(spark, "standardize", "r4")) {
        scope.step("web_events");
        assertEquals(3L, spark.range(3).count());
      }
      assertEquals(2L, spark.range(2).count());
      awaitSize(started, 2);
    } finally {
      context.removeSparkListener(listener);
    }
    synchronized (started) {
      assertEquals(2, started.size());
      assertEquals("cdi:standardize:r4", started.get(0).getProperty(StageScope.GROUP));
      assertEquals("cdi standardize: web_events", started.get(0).getProperty(StageScope.DESCRIPTION));
      assertNull(started.get(1).getProperty(StageScope.GROUP));
      assertNull(started.get(1).getProperty(StageScope.DESCRIPTION));
    }
  }

  /** Listener events arrive asynchronously: waits up to 30 s for {@code size} of them. */
  private static void awaitSize(List<Properties> started, int size) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (started) {
        if (started.size() >= size) {
          return;
        }
      }
      Thread.sleep(20);
    }
  }
}
