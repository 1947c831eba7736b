package dev.cdi.report;

import dev.cdi.bronze.SourceIngestResult;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveResult;
import dev.cdi.identity.eval.Html;
import dev.cdi.identity.eval.SizeDistribution;
import dev.cdi.identity.eval.SvgCharts;
import dev.cdi.identity.eval.SvgCharts.Bar;
import dev.cdi.identity.eval.SvgCharts.Chart;
import dev.cdi.identity.eval.SvgCharts.Scale;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.TableId;
import dev.cdi.pipeline.StageTiming;
import dev.cdi.report.RunFigures.ChannelCredit;
import dev.cdi.report.RunFigures.Count;
import dev.cdi.report.RunFigures.DqMetric;
import dev.cdi.report.RunFigures.GoldFigures;
import dev.cdi.report.RunFigures.Hub;
import dev.cdi.report.RunFigures.IdentityFigures;
import dev.cdi.report.RunFigures.ReasonCount;
import dev.cdi.report.RunFigures.RuleCount;
import dev.cdi.report.RunFigures.Segment;
import dev.cdi.report.RunFigures.SourceTotal;
import dev.cdi.report.RunFigures.TableCount;
import dev.cdi.silver.SourceSilverResult;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Renders {@link RunFigures} as one self-contained page: inline CSS and inline SVG charts ({@link SvgCharts}), no
 * scripts and no external resources. The page is well-formed XML (XHTML syntax: every element closed, no named
 * entities) as well as HTML5, so it can be checked with an XML parser. Every value from the data is escaped with
 * {@link Html#escape}; identifier values appear only masked (see {@link IdentifierMask}).
 *
 * <p>Sections, by element id: {@code timings}, {@code tables}, {@code ingest}, {@code quarantine}, {@code quality},
 * {@code identity} and {@code gold} (the last two only when the run has those figures). Each chart is a
 * {@code <figure class="chart" id="chart-...">} holding one {@code <svg>}.
 */
public final class RunReportHtml {

  /** Section ids, in page order. */
  public static final List<String> SECTIONS = List.of("timings", "tables", "ingest", "quarantine", "quality",
      "identity", "gold");
  static final int TOP_REASONS = 12;
  static final int TOP_RATES = 15;
  private static final String INVALID_RATE = "_invalid_rate";
  /** Room above the tallest bar of a vertical chart for its value label. */
  private static final double LINEAR_HEADROOM = 1.1;
  private static final double LOG_HEADROOM = 1.1;
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:62em}"
      + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:0.25em 0.6em;"
      + "text-align:left;vertical-align:top}td.n{text-align:right}th{background:#f2f2f2}"
      + "figure.chart{display:inline-block;margin:0 1em 1em 0}figure.chart svg{border:1px solid #ddd}"
      + "nav a{margin-right:1em}.note{color:#555;font-size:0.9em}section{margin-bottom:2em}div.wide{overflow-x:auto}";

  /** Credentials written into a URI ({@code s3a://key:secret@bucket}) are never shown. */
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private final StringBuilder h = new StringBuilder();

  private RunReportHtml() {
  }

  /** The page. */
  public static String render(RunFigures f) {
    RunReportHtml page = new RunReportHtml();
    page.head(f);
    page.timings(f.timings());
    page.tables(f.sources(), f.tables());
    page.ingest(f);
    page.quarantine(f.quarantine());
    page.quality(f.quality());
    f.identity().ifPresent(page::identity);
    f.gold().ifPresent(page::gold);
    page.h.append("</body>\n</html>\n");
    return page.h.toString();
  }

  private void head(RunFigures f) {
    String title = "Run report: " + f.run().runId();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.escape(title)).append("</title>\n<style>")
        .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
    h.append("<p>Lakehouse: ").append(Html.escape(USER_INFO.matcher(f.run().lakehouse()).replaceFirst("//")))
        .append("<br/>Started: ")
        .append(Html.escape(DateTimeFormatter.ISO_INSTANT.format(f.run().startedAt()))).append("<br/>Reported: ")
        .append(Html.escape(DateTimeFormatter.ISO_INSTANT.format(f.run().reportedAt()))).append("<br/>Stages took ")
        .append(seconds(f.run().seconds())).append("</p>\n<nav>");
    for (String section : SECTIONS) {
      if (present(f, section)) {
        h.append("<a href=\"#").append(section).append("\">").append(section).append("</a>");
      }
    }
    h.append("</nav>\n");
  }

  private static boolean present(RunFigures f, String section) {
    return switch (section) {
      case "identity" -> f.identity().isPresent();
      case "gold" -> f.gold().isPresent();
      default -> true;
    };
  }

  private void timings(List<StageTiming> timings) {
    open("timings", "Stage timings");
    chart("stage-timings", SvgCharts.horizontalBarChart(chart("Elapsed time per stage", "seconds", Scale.LINEAR,
        timings, StageTiming::seconds), timings.stream().map(t -> new Bar(t.stage(), t.seconds(),
        seconds(t.seconds()))).toList()));
    table(List.of("Stage", "Seconds"), timings.stream().map(t -> List.of(text(t.stage()),
        number(seconds(t.seconds())))).toList());
    close();
  }

  private void tables(List<SourceTotal> sources, List<TableCount> tables) {
    open("tables", "Row counts per layer and source");
    chart("bronze-rows", SvgCharts.horizontalBarChart(chart("Bronze rows per source", "rows", Scale.LINEAR,
        sources, SourceTotal::rowsBronze), sources.stream().map(s -> new Bar(s.source(), s.rowsBronze(),
        count(s.rowsBronze()))).toList()));
    h.append("<h3>Ingested per source, all runs</h3>\n<p class=\"note\">From the ingest log (bronze/_ingest_log),"
        + " whose every file reconciles: rows read = rows in bronze + rows quarantined.</p>\n");
    table(List.of("Source", "Files", "Rows read", "In bronze", "Quarantined"), sources.stream().map(s -> List.of(
        text(s.source()), number(count(s.files())), number(count(s.rowsRead())), number(count(s.rowsBronze())),
        number(count(s.rowsQuarantined())))).toList());
    h.append("<h3>Tables</h3>\n");
    table(List.of("Layer", "Table", "Rows", "Delta version"), tables.stream().map(t -> List.of(
        text(t.table().layer()), text(t.table().name()), number(t.exists() ? count(t.rows()) : "not written"),
        number(t.exists() ? Long.toString(t.version()) : ""))).toList());
    close();
  }

  private void ingest(RunFigures f) {
    open("ingest", "This run, per source");
    h.append("<h3>Ingested into bronze</h3>\n");
    List<List<String>> rows = new ArrayList<>();
    for (SourceIngestResult s : f.ingest().sources()) {
      rows.add(List.of(text(s.source()), number(count(s.filesIngested())), number(count(s.filesSkipped())),
          number(count(s.rowsRead())), number(count(s.rowsBronze())), number(count(s.rowsQuarantined()))));
    }
    rows.add(List.of(text("total"), number(count(f.ingest().filesIngested())), number(""),
        number(count(f.ingest().rowsRead())), number(count(f.ingest().rowsBronze())),
        number(count(f.ingest().rowsQuarantined()))));
    table(List.of("Source", "Files", "Skipped", "Rows read", "To bronze", "Quarantined"), rows);
    h.append("<h3>Standardized into silver</h3>\n");
    table(List.of("Source", "Bronze versions", "Identity rows in", "Records", "Event rows in", "Events",
        "Quarantined"), f.silver().sources().stream().map(RunReportHtml::silverRow).toList());
    close();
  }

  private static List<String> silverRow(SourceSilverResult s) {
    return List.of(text(s.source()), text(s.upToDate() ? "up to date" : "(" + s.fromBronzeVersion() + ", "
            + s.toBronzeVersion() + "]"), number(count(s.identityRowsIn())), number(count(s.identityRecords())),
        number(count(s.eventRowsIn())), number(count(s.events())), number(count(s.quarantined())));
  }

  private void quarantine(List<ReasonCount> reasons) {
    open("quarantine", "Quarantine reasons");
    List<ReasonCount> top = reasons.stream().limit(TOP_REASONS).toList();
    chart("quarantine-reasons", SvgCharts.horizontalBarChart(chart("Quarantined rows by reason (largest groups)",
        "rows", Scale.LINEAR, top, ReasonCount::rows), top.stream().map(r -> new Bar(r.source() + ": "
        + r.reason(), r.rows(), count(r.rows()))).toList()));
    h.append("<p class=\"note\">Counts and positions in reasons are shown as N, so that reasons differing only in"
        + " them form one group. The quarantined rows themselves are in bronze/_quarantine and"
        + " silver/_quarantine.</p>\n");
    table(List.of("Layer", "Source", "Reason", "Rows", "This run"), reasons.stream().map(r -> List.of(
        text(r.layer()), text(r.source()), text(r.reason()), number(count(r.rows())),
        number(count(r.rowsThisRun())))).toList());
    close();
  }

  private void quality(List<DqMetric> metrics) {
    open("quality", "Data quality");
    List<DqMetric> invalid = metrics.stream().filter(m -> m.metric().endsWith(INVALID_RATE) && m.value() > 0)
        .sorted(Comparator.comparingDouble(DqMetric::value).reversed()).limit(TOP_RATES).toList();
    chart("quality-rates", SvgCharts.horizontalBarChart(chart("Highest invalid rates", "share of the rows",
        Scale.LINEAR, invalid, DqMetric::value), invalid.stream().map(m -> new Bar(m.source() + " "
        + m.metric().substring(0, m.metric().length() - INVALID_RATE.length()), m.value(), ratio(m.value())))
        .toList()));
    h.append("<p class=\"note\">The metrics of the run that last standardized each source and table"
        + " (silver/_dq_metrics); rates are shares of the rows.</p>\n");
    for (String table : metrics.stream().map(DqMetric::table).distinct().toList()) {
      h.append("<h3>silver/").append(Html.escape(table)).append("</h3>\n<div class=\"wide\">\n");
      List<DqMetric> ofTable = metrics.stream().filter(m -> m.table().equals(table)).toList();
      List<String> names = ofTable.stream().map(DqMetric::metric).distinct().sorted().toList();
      List<String> headers = new ArrayList<>(List.of("Source", "Run"));
      headers.addAll(names);
      List<List<String>> rows = new ArrayList<>();
      for (String source : ofTable.stream().map(DqMetric::source).distinct().toList()) {
        Map<String, DqMetric> bySource = new HashMap<>();
        ofTable.stream().filter(m -> m.source().equals(source)).forEach(m -> bySource.put(m.metric(), m));
        List<String> row = new ArrayList<>(List.of(text(source), text(bySource.values().iterator().next().runId())));
        names.forEach(n -> row.add(number(bySource.containsKey(n) ? metric(bySource.get(n)) : "")));
        rows.add(row);
      }
      table(headers, rows);
      h.append("</div>\n");
    }
    close();
  }

  private void identity(IdentityFigures id) {
    open("identity", "Identity resolution");
    id.resolveResult().ifPresent(this::resolveSummary);
    SizeDistribution sizes = id.clusterSizes();
    h.append("<p>").append(count(sizes.clusters())).append(" customers from ").append(count(sizes.records()))
        .append(" identity records; ").append(count(sizes.singletons())).append(" customers have one record, the"
            + " largest has ").append(count(sizes.largest())).append(".</p>\n");
    List<Bar> sizeBars = sizes.buckets().stream().map(b -> new Bar(b.label(), b.clusters(), count(b.clusters())))
        .toList();
    chart("cluster-sizes", SvgCharts.barChart(new Chart("Customers by identity records (log scale)",
        "identity records per customer", Scale.LOG, top(sizeBars, Scale.LOG)), sizeBars));
    List<Bar> scoreBars = id.matchScores().stream().map(b -> new Bar(String.format(Locale.ROOT, "%.1f", b.low()),
        b.links(), count(b.links()))).toList();
    chart("match-scores", SvgCharts.barChart(new Chart("Links by match probability (log scale)",
        "match probability (lower bound of each tenth)", Scale.LOG, top(scoreBars, Scale.LOG)), scoreBars));
    List<Bar> systemBars = id.systemsPerCustomer().stream().map(c -> new Bar(c.label(), c.value(),
        count(c.value()))).toList();
    chart("systems-per-customer", SvgCharts.barChart(new Chart("Customers seen in 1..k systems",
        "source systems per customer", Scale.LINEAR, top(systemBars, Scale.LINEAR)), systemBars));
    h.append("<h3>Edges by match probability</h3>\n");
    table(List.of("Probability from", "Links", "Conflicts"), id.matchScores().stream().map(b -> List.of(
        number(String.format(Locale.ROOT, "%.1f", b.low())), number(count(b.links())),
        number(count(b.conflicts())))).toList());
    h.append("<h3>Edges by rule</h3>\n");
    table(List.of("Decision", "Rule", "Edges", "Mean match probability"), id.rules().stream().map(r -> List.of(
        text(r.decision()), text(r.rule()), number(count(r.edges())), number(r.meanProbability() == null ? ""
            : ratio(r.meanProbability())))).toList());
    hubs(id);
    h.append("<h3>Customer ids retired or split by this run</h3>\n");
    if (id.idHistory().isEmpty()) {
      h.append("<p>None.</p>\n");
    } else {
      table(List.of("Reason", "Ids"), counts(id.idHistory()));
    }
    close();
  }

  private void resolveSummary(ResolveResult r) {
    table(List.of("This run's resolve", ""), List.of(
        List.of(text("Identity records"), number(count(r.records()))),
        List.of(text("Customers"), number(count(r.customers()))),
        List.of(text("Candidate pairs (from shared identifiers)"), number(count(r.candidatePairs()) + " ("
            + count(r.identifierPairs()) + ")")),
        List.of(text("Links"), number(count(r.links()))),
        List.of(text("Conflicts"), number(count(r.conflicts()))),
        List.of(text("Components re-split by the guardrails"), number(count(r.resplitComponents()))),
        List.of(text("Events tied to customers"), number(count(r.eventsResolved())))));
  }

  private void hubs(IdentityFigures id) {
    h.append("<h3>Identifier values blocked or detected as hubs</h3>\n<p>").append(count(id.hubValues()))
        .append(" values are not used for linking (identity/_hubs). Values are masked here.</p>\n");
    if (!id.hubs().isEmpty()) {
      table(List.of("Identifier", "Value (masked)", "Records", "Distinct family names", "Reason"),
          id.hubs().stream().map(RunReportHtml::hubRow).toList());
    }
  }

  private static List<String> hubRow(Hub hub) {
    return List.of(text(hub.identifier()), text(hub.maskedValue()), number(count(hub.records())),
        number(count(hub.distinctNames())), text(hub.reason()));
  }

  private void gold(GoldFigures g) {
    open("gold", "Gold");
    GoldResult r = g.gold();
    h.append("<p>Traits as of ").append(Html.escape(String.valueOf(r.asOfDate()))).append(": ")
        .append(count(r.customers())).append(" customers; ").append(count(r.households()))
        .append(" households of several customers hold ").append(count(r.customersInHouseholds()))
        .append(" of them; ").append(count(r.touchpoints())).append(" touchpoints in ").append(count(r.sessions()))
        .append(" sessions; ").append(count(r.anonymousTouchpoints())).append(" anonymous touchpoints; ")
        .append(count(r.conversions())).append(" conversions attributed.</p>\n");
    List<Bar> segmentBars = g.segments().stream().map(s -> new Bar(s.segment() == null ? "(none)" : s.segment(),
        s.customers(), count(s.customers()))).toList();
    chart("rfm-segments", SvgCharts.barChart(new Chart("Customers per RFM segment", "segment", Scale.LINEAR,
        top(segmentBars, Scale.LINEAR)), segmentBars));
    chart("attribution-channels", SvgCharts.horizontalBarChart(chart("Conversions credited per channel (linear)",
        "conversions", Scale.LINEAR, g.channels(), ChannelCredit::linear), g.channels().stream().map(c -> new Bar(
        c.channel(), c.linear(), decimal(c.linear()))).toList()));
    List<Bar> householdBars = g.householdSizes().stream().map(c -> new Bar(c.label(), c.value(), count(c.value())))
        .toList();
    chart("household-sizes", SvgCharts.barChart(new Chart("Households by customers (log scale)",
        "customers per household", Scale.LOG, top(householdBars, Scale.LOG)), householdBars));
    h.append("<h3>Table changes</h3>\n");
    table(List.of("Table", "Version", "Inserted", "Updated", "Deleted"), r.changes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).map(e -> changeRow(e.getKey(), e.getValue())).toList());
    h.append("<h3>RFM segments</h3>\n");
    table(List.of("Segment", "Customers", "Revenue"), g.segments().stream().map(RunReportHtml::segmentRow).toList());
    h.append("<h3>Attribution by touch channel</h3>\n");
    table(List.of("Channel", "First touch", "Last touch", "Linear", "Time decay", "Position based",
        "Revenue (linear)"), g.channels().stream().map(RunReportHtml::channelRow).toList());
    close();
  }

  private static List<String> changeRow(String table, RowChanges c) {
    return List.of(text(table), number(Long.toString(c.version())), number(count(c.inserted())),
        number(count(c.updated())), number(count(c.deleted())));
  }

  private static List<String> segmentRow(Segment s) {
    return List.of(text(s.segment() == null ? "(none)" : s.segment()), number(count(s.customers())),
        number(decimal(s.revenue())));
  }

  private static List<String> channelRow(ChannelCredit c) {
    return List.of(text(c.channel()), number(decimal(c.firstTouch())), number(decimal(c.lastTouch())),
        number(decimal(c.linear())), number(decimal(c.timeDecay())), number(decimal(c.positionBased())),
        number(decimal(c.linearRevenue())));
  }

  private void open(String id, String title) {
    h.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(title)).append("</h2>\n");
  }

  private void close() {
    h.append("</section>\n");
  }

  private void chart(String id, String svg) {
    h.append("<figure class=\"chart\" id=\"chart-").append(id).append("\">\n").append(svg).append("</figure>\n");
  }

  /** A chart frame whose full-length bar is the largest value. */
  private static <T> Chart chart(String title, String axis, Scale scale, List<T> items, ToDoubleFunction<T> value) {
    return new Chart(title, axis, scale, items.stream().mapToDouble(value).max().orElse(0));
  }

  private static List<List<String>> counts(List<Count> counts) {
    return counts.stream().map(c -> List.of(text(c.label()), number(count(c.value())))).toList();
  }

  /** A table; cells are already rendered {@code <td>} elements. */
  private void table(List<String> headers, List<List<String>> rows) {
    h.append("<table>\n<tr>");
    headers.forEach(header -> h.append("<th>").append(Html.escape(header)).append("</th>"));
    h.append("</tr>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      row.forEach(h::append);
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static String text(String value) {
    return "<td>" + Html.escape(value) + "</td>";
  }

  private static String number(String formatted) {
    return "<td class=\"n\">" + Html.escape(formatted) + "</td>";
  }

  /** The full-height value of a vertical chart: the largest bar plus room for its label above it. */
  private static double top(List<Bar> bars, Scale scale) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    return scale == Scale.LOG ? Math.pow(1 + max, LOG_HEADROOM) - 1 : max * LINEAR_HEADROOM;
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f s", value);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  private static String metric(DqMetric m) {
    return m.metric().endsWith("_rate") ? ratio(m.value()) : String.format(Locale.ROOT, "%,.0f", m.value());
  }
}
