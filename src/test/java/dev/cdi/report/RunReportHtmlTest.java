package dev.cdi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.bronze.IngestResult;
import dev.cdi.bronze.SourceIngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.identity.eval.SizeDistribution;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.StageTiming;
import dev.cdi.report.RunFigures.ChannelCredit;
import dev.cdi.report.RunFigures.Count;
import dev.cdi.report.RunFigures.DqMetric;
import dev.cdi.report.RunFigures.GoldFigures;
import dev.cdi.report.RunFigures.Hub;
import dev.cdi.report.RunFigures.IdentityFigures;
import dev.cdi.report.RunFigures.ReasonCount;
import dev.cdi.report.RunFigures.RuleCount;
import dev.cdi.report.RunFigures.RunInfo;
import dev.cdi.report.RunFigures.ScoreBin;
import dev.cdi.report.RunFigures.Segment;
import dev.cdi.report.RunFigures.SourceTotal;
import dev.cdi.report.RunFigures.TableCount;
import dev.cdi.silver.SilverResult;
import dev.cdi.silver.SourceSilverResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The page is a pure function of the figures: checked on hand-built figures with hostile strings. */
class RunReportHtmlTest {

  private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'";
  private static final String ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";

  static RunFigures figures(boolean withIdentityAndGold) {
    RunInfo info = new RunInfo("run-7", "s3a://AKIA:secret@bucket/lake", Instant.parse("2024-05-01T10:00:00Z"),
        Instant.parse("2024-05-01T10:05:00Z"), 290.5);
    List<StageTiming> timings = List.of(new StageTiming("ingest", 60.25), new StageTiming("standardize", 100),
        new StageTiming("resolve", 90), new StageTiming("build-gold", 40.25));
    List<SourceTotal> sources = List.of(new SourceTotal("crm", 3, 12350, 12345, 5),
        new SourceTotal("pos", 1, 10, 10, 0));
    List<TableCount> tables = List.of(new TableCount(Tables.bronze("crm"), true, 12345, 3),
        new TableCount(Tables.bronze("pos"), true, 10, 0), new TableCount(Tables.QUARANTINE, true, 7, 1),
        new TableCount(Tables.SILVER_QUARANTINE, false, -1, -1));
    IngestResult ingest = new IngestResult("run-7", List.of(
        new SourceIngestResult("crm", 2, 1, 1, 0, 100, 95, 5, 0, 3, 1, 1.0),
        new SourceIngestResult(HOSTILE, 1, 0, 1, 0, 10, 8, 2, 0, 0, 1, 1.0)), 2.0);
    SilverResult silver = new SilverResult("run-7", List.of(new SourceSilverResult("crm", 2, 3, 95, 90, 0, 0, 1,
        1.0)), 1.0);
    List<ReasonCount> reasons = List.of(new ReasonCount("bronze", "crm", "row has N fields, the header has N", 5,
        5), new ReasonCount("bronze", HOSTILE, HOSTILE, 2, 0));
    List<DqMetric> quality = List.of(new DqMetric("crm", "identities", "email_invalid_rate", 0.125, "run-7"),
        new DqMetric("crm", "identities", "rows_out", 90, "run-7"),
        new DqMetric("crm", "identities", "phone_missing_rate", 0, "run-7"));
    Optional<IdentityFigures> identity = Optional.empty();
    Optional<GoldFigures> gold = Optional.empty();
    if (withIdentityAndGold) {
      identity = Optional.of(new IdentityFigures(new ResolveResult("run-7", 95, 40, 300, 60, 4, 2, 3, 1, 50, 0, 70,
          1e-4, 12, 90), new SizeDistribution(List.of(new SizeCount(1, 30), new SizeCount(2, 15),
          new SizeCount(7, 5))), List.of(new Count("1", 35), new Count("2", 15)),
          List.of(new ScoreBin(0.0, 0, 3), new ScoreBin(0.9, 60, 1)),
          List.of(new RuleCount("link", "email_key", 40, 0.999), new RuleCount("conflict", HOSTILE, 4, null)),
          2, List.of(new Hub("email_key", IdentifierMask.mask("test@test.com"), 12, 9, "hub")),
          List.of(new Count("merged", 2))));
      gold = Optional.of(new GoldFigures(new GoldResult("run-7", LocalDate.parse("2024-04-30"), 50, 3, 7, 500,
          200, 40, 30, List.of(new GoldResult.ChannelCount("web", 300)),
          Map.of("gold.customer_360", new RowChanges(2, 50, 1, 0)), 40),
          List.of(new Segment("champions", 5, 1234.5), new Segment("prospect", 45, 0)),
          List.of(new ChannelCredit("email", 3, 4, 5.5, 6, 7, 800.25), new ChannelCredit("direct", 1, 1, 1, 1, 1,
              20)), List.of(new Count("1", 43), new Count("2", 2), new Count("3", 1))));
    }
    return new RunFigures(info, timings, sources, tables, ingest, silver, reasons, quality, identity, gold);
  }

  @Test
  void pageIsWellFormedXhtmlWithEverySectionAndChart() {
    String html = RunReportHtml.render(figures(true));
    Document doc = ReportPages.parseXhtml(html);
    assertEquals(RunReportHtml.SECTIONS, ReportPages.sectionIds(doc));
    assertEquals(List.of("chart-stage-timings", "chart-bronze-rows", "chart-quarantine-reasons",
        "chart-quality-rates", "chart-cluster-sizes", "chart-match-scores", "chart-systems-per-customer",
        "chart-rfm-segments", "chart-attribution-channels", "chart-household-sizes"), ReportPages.chartIds(doc));
    ReportPages.chartBars(doc).forEach((chart, bars) -> assertTrue(bars > 0, chart + " has drawn bars"));
    assertEquals(4, ReportPages.chartBars(doc).get("chart-stage-timings"));
    assertEquals(1, ReportPages.chartBars(doc).get("chart-quality-rates"), "only rates above 0 are charted");
    assertEquals(1, ReportPages.chartBars(doc).get("chart-match-scores"), "bins without links draw no bar");
  }

  @Test
  void withoutIdentityAndGoldThoseSectionsAreLeftOut() {
    Document doc = ReportPages.parseXhtml(RunReportHtml.render(figures(false)));
    assertEquals(List.of("timings", "tables", "ingest", "quarantine", "quality"), ReportPages.sectionIds(doc));
    assertEquals(4, ReportPages.chartIds(doc).size());
  }

  @Test
  void valuesAreEscapedFormattedAndSelfContained() {
    String html = RunReportHtml.render(figures(true));
    assertFalse(html.contains("<script"), "no script and no unescaped value");
    assertFalse(html.contains("src=") || html.contains("href=\"http") || html.contains("url("),
        "no external resources");
    assertTrue(html.contains("<tr><td>bronze</td><td>" + ESCAPED + "</td><td>" + ESCAPED + "</td>"
        + "<td class=\"n\">2</td><td class=\"n\">0</td></tr>"), html);
    assertTrue(html.contains("<tr><td>bronze</td><td>crm</td><td class=\"n\">12,345</td><td class=\"n\">3</td>"
        + "</tr>"), html);
    assertTrue(html.contains("<tr><td>silver</td><td>_quarantine</td><td class=\"n\">not written</td>"
        + "<td class=\"n\"></td></tr>"), html);
    assertTrue(html.contains("<h3>silver/identities</h3>\n<div class=\"wide\">\n<table>\n<tr><th>Source</th>"
        + "<th>Run</th><th>email_invalid_rate</th><th>phone_missing_rate</th><th>rows_out</th></tr>\n<tr><td>crm</td>"
        + "<td>run-7</td><td class=\"n\">0.1250</td><td class=\"n\">0.0000</td><td class=\"n\">90</td></tr>"), html);
    assertTrue(html.contains("<tr><td>email_key</td><td>t\u2022\u2022\u2022@t\u2022\u2022\u2022.com</td>"
        + "<td class=\"n\">12</td><td class=\"n\">9</td><td>hub</td></tr>"), html);
    assertFalse(html.contains("test@test.com"), "hub values only masked");
    assertTrue(html.contains("<p>Lakehouse: s3a://bucket/lake<br/>") && !html.contains("secret"), "no credentials");
    assertTrue(html.contains("<tr><td>email</td><td class=\"n\">3.00</td><td class=\"n\">4.00</td>"
        + "<td class=\"n\">5.50</td><td class=\"n\">6.00</td><td class=\"n\">7.00</td><td class=\"n\">800.25</td>"
        + "</tr>"), html);
    assertTrue(html.contains("<tr><td>ingest</td><td class=\"n\">60.3 s</td></tr>"), html);
    assertTrue(html.contains("<tr><td>crm</td><td class=\"n\">3</td><td class=\"n\">12,350</td>"
        + "<td class=\"n\">12,345</td><td class=\"n\">5</td></tr>"), html);
    assertTrue(html.contains("50 customers from 95 identity records; 30 customers have one record, the largest"
        + " has 7."), html);
  }
}
