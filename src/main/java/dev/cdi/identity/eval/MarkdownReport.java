package dev.cdi.identity.eval;

import dev.cdi.identity.eval.ReportFormat.Line;
import dev.cdi.identity.eval.ReportFormat.Section;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders an {@link EvaluationResult} as Markdown (GitHub tables); every value from the data is escaped. */
public final class MarkdownReport {

  private static final String SPECIAL = "\\`*_[]<>|&~#!";

  private MarkdownReport() {
  }

  /** The report text. */
  public static String render(EvaluationResult r) {
    StringBuilder md = new StringBuilder();
    md.append("# Identity resolution evaluation: ").append(escape(r.run().datasetLabel())).append("\n\n");
    md.append("- Run: ").append(escape(r.run().runId())).append('\n');
    md.append("- Evaluated at: ").append(DateTimeFormatter.ISO_INSTANT.format(r.run().evaluatedAt())).append("\n\n");
    lines(md, "Records", ReportFormat.recordLines(r.records()));
    quality(md, r.metrics());
    lines(md, "Pair counts", ReportFormat.pairLines(r.pairs()));
    r.blocking().ifPresent(b -> lines(md, "Blocking", ReportFormat.blockingLines(b)));
    sizes(md, r.sizes());
    groups(md, ReportFormat.LARGEST, r.largestClusters());
    groups(md, ReportFormat.MIXED, r.mixedClusters());
    groups(md, ReportFormat.SPLIT, r.splitEntities());
    md.append("---\n\n").append(escape(ReportFormat.CONVENTIONS)).append('\n');
    return md.toString();
  }

  /** Backslash-escapes Markdown punctuation and turns line breaks into spaces, so a value stays one table cell. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void lines(StringBuilder md, String title, List<Line> lines) {
    md.append("## ").append(title).append("\n\n| | |\n|---|---:|\n");
    for (Line l : lines) {
      md.append("| ").append(l.label()).append(" | ").append(l.value()).append(" |\n");
    }
    md.append('\n');
  }

  private static void quality(StringBuilder md, ClusteringMetrics m) {
    md.append("## Clustering quality\n\n| | Precision | Recall | F1 |\n|---|---:|---:|---:|\n");
    md.append("| Pairwise | ").append(ReportFormat.ratio(m.pairwisePrecision())).append(" | ")
        .append(ReportFormat.ratio(m.pairwiseRecall())).append(" | ").append(ReportFormat.ratio(m.pairwiseF1()))
        .append(" |\n");
    md.append("| B-cubed | ").append(ReportFormat.ratio(m.bcubedPrecision())).append(" | ")
        .append(ReportFormat.ratio(m.bcubedRecall())).append(" | ").append(ReportFormat.ratio(m.bcubedF1()))
        .append(" |\n\n");
    md.append("Adjusted Rand index: ").append(ReportFormat.ratio(m.adjustedRandIndex())).append("\n\n");
  }

  private static void sizes(StringBuilder md, SizeDistribution sizes) {
    md.append("## Cluster sizes\n\n").append(ReportFormat.count(sizes.clusters())).append(" predicted clusters, ")
        .append(ReportFormat.count(sizes.singletons())).append(" singletons, largest ")
        .append(ReportFormat.count(sizes.largest())).append(" records.\n\n");
    md.append("| Size | Clusters | Records |\n|---|---:|---:|\n");
    for (SizeDistribution.Bucket b : sizes.buckets()) {
      md.append("| ").append(b.label()).append(" | ").append(ReportFormat.count(b.clusters())).append(" | ")
          .append(ReportFormat.count(b.records())).append(" |\n");
    }
    md.append('\n');
  }

  private static void groups(StringBuilder md, Section s, List<GroupSummary> groups) {
    md.append("## ").append(s.title()).append("\n\n");
    if (groups.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append("| ").append(s.idHeader()).append(" | Records | ").append(s.partsHeader()).append(" | ")
        .append(s.shownHeader()).append(" |\n|---|---:|---:|---|\n");
    for (GroupSummary g : groups) {
      md.append("| ").append(escape(g.id())).append(" | ").append(ReportFormat.count(g.records())).append(" | ")
          .append(ReportFormat.count(g.parts())).append(" | ")
          .append(ReportFormat.parts(g, s.style(), MarkdownReport::escape)).append(" |\n");
    }
    md.append('\n');
  }
}
