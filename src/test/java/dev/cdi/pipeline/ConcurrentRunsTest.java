package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.io.Columns;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on one lakehouse at the same time, in child JVMs: of two started together exactly one writes and the other
 * fails at once with a message naming the holder; a run configured to wait does, and proceeds when the lock is
 * released; the lock of a run killed with SIGKILL is taken over with a warning and its batch completed. Bronze
 * ends with each row once. The winner is held at a point inside ingestion ({@link FaultInjection} pause) so the
 * overlap does not depend on timing.
 */
class ConcurrentRunsTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  Path dir;

  @Test
  void oneRunWritesAtATimeAndADeadRunsLockIsTakenOver() throws IOException {
    Path input = Files.createDirectories(dir.resolve("in").resolve("crm"));
    Files.writeString(input.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n3,Cy\n");
    Lakehouse lake = new Lakehouse(dir.resolve("lake").toString());
    Path failFast = config(lake, 0);
    Path patient = config(lake, 600);
    Path resume = dir.resolve("resume");
    Map<String, String> pause = Map.of(FaultInjection.PAUSE_AT, "ingest.started:crm", FaultInjection.RESUME_FILE,
        resume.toString());

    try (ChildCli a = ingest("A", failFast, pause); ChildCli b = ingest("B", failFast, pause)) {
      assertTrue(ChildCli.await(() -> paused(a) || paused(b) || !a.isAlive() && !b.isAlive(), TIMEOUT));
      assertTrue(paused(a) || paused(b), a.tail() + b.tail());
      ChildCli winner = paused(a) ? a : b;
      ChildCli loser = winner == a ? b : a;
      assertEquals(1, loser.awaitExit(TIMEOUT), loser.tail());
      String error = loser.log();
      assertTrue(error.contains("cdi ingest: error: lakehouse " + lake.root() + " is in use by run "
          + winner.name() + " (cdi ingest, pid " + winner.pid() + " on host "), error);
      assertFalse(Files.exists(Path.of(lake.path(Tables.bronze("crm")))), "the loser wrote bronze");

      try (ChildCli waiting = ingest("C", patient, Map.of())) {
        assertTrue(waiting.awaitLog("waiting up to 600s for the lakehouse lock held by run " + winner.name(),
            TIMEOUT), waiting.tail());
        Files.createFile(resume);
        assertEquals(0, winner.awaitExit(TIMEOUT), winner.tail());
        assertEquals(0, waiting.awaitExit(TIMEOUT), waiting.tail());
        assertTrue(waiting.log().contains("lakehouse lock " + lake.root() + "/" + LakehouseLock.FILE_NAME
            + " taken by run C"), waiting.tail());
      }
    }

    Files.writeString(input.resolve("b.csv"), "id,name\n4,Di\n5,Ed\n");
    Map<String, String> pauseAgain = Map.of(FaultInjection.PAUSE_AT, "ingest.started:crm",
        FaultInjection.RESUME_FILE, dir.resolve("never").toString());
    try (ChildCli dead = ingest("D", failFast, pauseAgain)) {
      assertTrue(dead.awaitLog("fault injection: pausing at ingest.started:crm", TIMEOUT), dead.tail());
      assertEquals(ChildCli.KILLED, dead.kill());
    }
    assertTrue(Files.exists(Path.of(lake.root(), LakehouseLock.FILE_NAME)));
    try (ChildCli next = ingest("E", failFast, Map.of())) {
      assertEquals(0, next.awaitExit(TIMEOUT), next.tail());
      assertTrue(next.log().contains("taking over the lakehouse lock"), next.tail());
      assertTrue(next.log().contains("no longer runs on this host"), next.tail());
      assertTrue(next.log().contains("completing batch 2 of run D"), next.tail());
    }

    Dataset<Row> bronze = DeltaIO.read(spark, lake.path(Tables.bronze("crm")));
    assertEquals(List.of("1|a.csv", "2|a.csv", "3|a.csv", "4|b.csv", "5|b.csv"), bronze.orderBy("id")
        .collectAsList().stream().map(r -> r.getAs("id") + "|" + fileName(r.getAs(Bronze.SOURCE_FILE))).toList());
    assertEquals(2, DeltaIO.read(spark, lake.path(Tables.INGEST_LOG))
        .where(col(Columns.IngestLog.STATUS).equalTo(Columns.IngestLog.STATUS_COMMITTED)).count());
    assertFalse(Files.exists(Path.of(lake.root(), LakehouseLock.FILE_NAME)));
  }

  private static boolean paused(ChildCli child) {
    return child.log().contains("fault injection: pausing at ingest.started:crm");
  }

  private ChildCli ingest(String runId, Path conf, Map<String, String> properties) {
    return ChildCli.start(dir, runId, properties, List.of("ingest", "--conf", conf.toString(), "--run-id", runId,
        "--master", "local[1]"));
  }

  private Path config(Lakehouse lake, int waitSeconds) throws IOException {
    return Files.writeString(dir.resolve("wait-" + waitSeconds + ".yaml"), """
        lakehouse: %s
        input_root: %s
        lock: {wait_seconds: %d, stale_after_seconds: 600}
        sources:
          crm: {format: csv, path: crm}
        """.formatted(lake.root(), dir.resolve("in"), waitSeconds));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
