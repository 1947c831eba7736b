package dev.cdi.identity.eval;

import dev.cdi.identity.eval.ReportFormat.Line;
import dev.cdi.identity.eval.ReportFormat.Section;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders an {@link EvaluationResult} as one self-contained HTML page: inline CSS, the two {@link SvgCharts} inline,
 * no scripts and no external resources. Every value from the data is escaped with {@link Html#escape}.
 */
public final class HtmlReport {

  private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}"
      + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:0.25em 0.6em;"
      + "text-align:left;vertical-align:top}td.n{text-align:right}th{background:#f2f2f2}"
      + ".charts svg{margin:0 1em 1em 0;border:1px solid #ddd}.note{color:#555;font-size:0.9em}";

  private HtmlReport() {
  }

  /** The page. */
  public static String render(EvaluationResult r) {
    String title = "Identity resolution evaluation: " + r.run().datasetLabel();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    h.append("<p>Run: ").append(Html.escape(r.run().runId())).append("<br>Evaluated at: ")
        .append(Html.escape(DateTimeFormatter.ISO_INSTANT.format(r.run().evaluatedAt()))).append("</p>\n");
    h.append("<div class=\"charts\">\n").append(SvgCharts.quality(r.metrics()))
        .append(SvgCharts.clusterSizes(r.sizes())).append("</div>\n");
    lines(h, "Records", ReportFormat.recordLines(r.records()));
    quality(h, r.metrics());
    lines(h, "Pair counts", ReportFormat.pairLines(r.pairs()));
    r.blocking().ifPresent(b -> lines(h, "Blocking", ReportFormat.blockingLines(b)));
    sizes(h, r.sizes());
    groups(h, ReportFormat.LARGEST, r.largestClusters());
    groups(h, ReportFormat.MIXED, r.mixedClusters());
    groups(h, ReportFormat.SPLIT, r.splitEntities());
    h.append("<p class=\"note\">").append(Html.escape(ReportFormat.CONVENTIONS)).append("</p>\n");
    return h.append("</body>\n</html>\n").toString();
  }

  private static void lines(StringBuilder h, String title, List<Line> lines) {
    h.append("<h2>").append(Html.escape(title)).append("</h2>\n<table>\n");
    for (Line l : lines) {
      h.append("<tr><th>").append(Html.escape(l.label())).append("</th>").append(number(l.value())).append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void quality(StringBuilder h, ClusteringMetrics m) {
    h.append("<h2>Clustering quality</h2>\n<table>\n<tr><th></th><th>Precision</th><th>Recall</th><th>F1</th></tr>\n");
    h.append("<tr><th>Pairwise</th>").append(number(ReportFormat.ratio(m.pairwisePrecision())))
        .append(number(ReportFormat.ratio(m.pairwiseRecall()))).append(number(ReportFormat.ratio(m.pairwiseF1())))
        .append("</tr>\n");
    h.append("<tr><th>B-cubed</th>").append(number(ReportFormat.ratio(m.bcubedPrecision())))
        .append(number(ReportFormat.ratio(m.bcubedRecall()))).append(number(ReportFormat.ratio(m.bcubedF1())))
        .append("</tr>\n");
    h.append("<tr><th>Adjusted Rand index</th>").append(number(ReportFormat.ratio(m.adjustedRandIndex())))
        .append("<td></td><td></td></tr>\n</table>\n");
  }

  private static void sizes(StringBuilder h, SizeDistribution sizes) {
    h.append("<h2>Cluster sizes</h2>\n<p>").append(ReportFormat.count(sizes.clusters()))
        .append(" predicted clusters, ").append(ReportFormat.count(sizes.singletons())).append(" singletons, largest ")
        .append(ReportFormat.count(sizes.largest())).append(" records.</p>\n");
    h.append("<table>\n<tr><th>Size</th><th>Clusters</th><th>Records</th></tr>\n");
    for (SizeDistribution.Bucket b : sizes.buckets()) {
      h.append("<tr><td>").append(Html.escape(b.label())).append("</td>").append(number(ReportFormat.count(
          b.clusters()))).append(number(ReportFormat.count(b.records()))).append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void groups(StringBuilder h, Section s, List<GroupSummary> groups) {
    h.append("<h2>").append(Html.escape(s.title())).append("</h2>\n");
    if (groups.isEmpty()) {
      h.append("<p>None.</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>").append(Html.escape(s.idHeader())).append("</th><th>Records</th><th>")
        .append(Html.escape(s.partsHeader())).append("</th><th>").append(Html.escape(s.shownHeader()))
        .append("</th></tr>\n");
    for (GroupSummary g : groups) {
      h.append("<tr><td>").append(Html.escape(g.id())).append("</td>").append(number(ReportFormat.count(
          g.records()))).append(number(ReportFormat.count(g.parts()))).append("<td>")
          .append(ReportFormat.parts(g, s.style(), Html::escape)).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String number(String formatted) {
    return "<td class=\"n\">" + Html.escape(formatted) + "</td>";
  }
}
