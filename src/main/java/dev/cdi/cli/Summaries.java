package dev.cdi.cli;

import dev.cdi.bronze.IngestResult;
import dev.cdi.bronze.SourceIngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.silver.SilverResult;
import dev.cdi.silver.SourceSilverResult;
import dev.cdi.pipeline.PipelineResult;
import dev.cdi.pipeline.RunContext;
import dev.cdi.pipeline.StageTiming;
import dev.cdi.privacy.ErasureResult;
import java.io.PrintWriter;

/** Human-readable summaries printed by the CLI at the end of a command. */
final class Summaries {

  private Summaries() {
  }

  static void printIngest(PrintWriter w, RunContext run, IngestResult result) {
    w.printf("Run %s, lakehouse %s%n", run.runId(), run.lakehouse().root());
    w.printf("%-22s %6s %8s %12s %12s %12s %11s%n", "source", "files", "skipped", "rows read", "bronze",
        "quarantined", "suppressed");
    for (SourceIngestResult s : result.sources()) {
      w.printf("%-22s %6d %8d %,12d %,12d %,12d %,11d%n", s.source(), s.filesIngested(), s.filesSkipped(),
          s.rowsRead(), s.rowsBronze(), s.rowsQuarantined(), s.rowsSuppressed());
    }
    w.printf("%-22s %6d %8s %,12d %,12d %,12d %,11d%n", "total", result.filesIngested(), "", result.rowsRead(),
        result.rowsBronze(), result.rowsQuarantined(), result.rowsSuppressed());
    w.println("Tables:");
    for (SourceIngestResult s : result.sources()) {
      w.printf("  %s%n", run.lakehouse().path(Tables.bronze(s.source())));
    }
    w.printf("  %s%n  %s%n", run.lakehouse().path(Tables.QUARANTINE), run.lakehouse().path(Tables.INGEST_LOG));
    w.flush();
  }

  static void printSilver(PrintWriter w, RunContext run, SilverResult result) {
    w.printf("%n%-22s %14s %12s %12s %12s %12s %12s%n", "silver source", "bronze vers.", "id rows in", "records",
        "event rows", "events", "quarantined");
    for (SourceSilverResult s : result.sources()) {
      w.printf("%-22s %14s %,12d %,12d %,12d %,12d %,12d%n", s.source(),
          s.upToDate() ? "up to date" : "(" + s.fromBronzeVersion() + ", " + s.toBronzeVersion() + "]",
          s.identityRowsIn(), s.identityRecords(), s.eventRowsIn(), s.events(), s.quarantined());
    }
    w.println("Tables:");
    for (TableId table : new TableId[] {Tables.SILVER_IDENTITIES, Tables.SILVER_EVENTS, Tables.SILVER_DQ_METRICS,
        Tables.SILVER_QUARANTINE}) {
      w.printf("  %s%n", run.lakehouse().path(table));
    }
    w.flush();
  }

  static void printResolve(PrintWriter w, RunContext run, ResolveResult r) {
    w.printf("%nidentity resolution %s%n", r.runId());
    w.printf("  records %,d -> customers %,d%n", r.records(), r.customers());
    w.printf("  candidate pairs %,d (%,d from shared identifiers); links %,d; conflicts %,d%n", r.candidatePairs(),
        r.identifierPairs(), r.links(), r.conflicts());
    w.printf("  identifier values not used (blocked or hubs) %,d; components re-split %,d; ids retired or split %,d%n",
        r.excludedValues(), r.resplitComponents(), r.retiredOrSplitIds());
    w.printf("  model: prior match probability per record pair %.3g after %d EM iterations; %d connected-components"
        + " rounds%n", r.lambda(),
        r.emIterations(), r.ccIterations());
    w.printf("  events tied to customers %,d; %.1fs%n", r.eventsResolved(), r.seconds());
    w.println("Tables:");
    for (TableId table : new TableId[] {Tables.IDENTITY_MAP, Tables.IDENTITY_EDGES, Tables.IDENTITY_ID_HISTORY,
        Tables.IDENTITY_EVENT_MAP, Tables.IDENTITY_HUBS, Tables.IDENTITY_RUNS}) {
      w.printf("  %s%n", run.lakehouse().path(table));
    }
    w.flush();
  }

  static void printGold(PrintWriter w, RunContext run, GoldResult g) {
    w.printf("%ngold %s (traits as of %s)%n", g.runId(), g.asOfDate());
    w.printf("  customers %,d; %,d households of several customers hold %,d of them%n", g.customers(), g.households(),
        g.customersInHouseholds());
    w.printf("  journeys: %,d touchpoints in %,d sessions; %,d anonymous touchpoints; %,d conversions attributed%n",
        g.touchpoints(), g.sessions(), g.anonymousTouchpoints(), g.conversions());
    w.printf("  top channels:");
    g.topChannels().forEach(c -> w.printf(" %s %,d;", c.channel(), c.touchpoints()));
    w.printf("%n  %.1fs%n", g.seconds());
    w.printf("%-26s %8s %10s %10s %10s%n", "table", "version", "inserted", "updated", "deleted");
    for (TableId table : new TableId[] {Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY, Tables.GOLD_ANONYMOUS_JOURNEY,
        Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS}) {
      RowChanges c = g.changes().get(table.toString());
      w.printf("  %-24s %8d %,10d %,10d %,10d%n", table, c.version(), c.inserted(), c.updated(), c.deleted());
    }
    w.println("Tables:");
    for (TableId table : new TableId[] {Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY, Tables.GOLD_ANONYMOUS_JOURNEY,
        Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS}) {
      w.printf("  %s%n", run.lakehouse().path(table));
    }
    w.flush();
  }

  static void printRun(PrintWriter w, PipelineResult result) {
    w.printf("%nrun %s: stages took %.1fs%n", result.runId(), result.seconds());
    for (StageTiming t : result.timings()) {
      w.printf("  %-12s %8.1fs%n", t.stage(), t.seconds());
    }
    if (result.report() != null) {
      w.printf("Run report (%d charts): %s%n  latest: %s%n", result.report().charts(), result.report().path(),
          result.report().latest());
    }
    w.flush();
  }

  static void printErase(PrintWriter w, ErasureResult r) {
    w.printf("erasure %s%s%n", r.requestId(), r.dryRun() ? " (preview: nothing was written)" : "");
    w.printf("  identifiers requested %d (%d not found); customer ids %,d, records %,d, events %,d%n", r.identifiers(),
        r.identifiersNotFound(), r.customers(), r.records(), r.events());
    if (!r.resumedRequests().isEmpty()) {
      w.printf("  completed unfinished requests %s%n", r.resumedRequests());
    }
    w.printf("%-32s %12s%n", "table", r.dryRun() ? "rows matched" : "rows deleted");
    r.rowsDeleted().forEach((table, rows) -> w.printf("  %-30s %,12d%n", table, rows));
    w.printf("  households changed %,d; reports redacted %d%n", r.householdsChanged(), r.reportsRedacted());
    if (!r.dryRun()) {
      w.printf("  purged %d tables: %,d old files, %,d log files; %.1fs%n", r.tablesPurged(), r.filesPurged(),
          r.logFilesDeleted(), r.seconds());
    }
    w.flush();
  }
}
