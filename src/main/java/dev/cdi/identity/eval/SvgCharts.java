package dev.cdi.identity.eval;

import java.util.List;
import java.util.Locale;

/**
 * Hand-written SVG bar charts (no scripts, no external resources), valid both inline in HTML and as {@code .svg}
 * files, and well-formed XML. Every label is escaped. Each bar is a {@code <rect class="bar">}, so a reader (or a
 * test) can find a chart's data elements.
 */
public final class SvgCharts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 320;
  private static final int LEFT = 20;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final double BAR_FILL = 0.7;
  private static final int LABEL_WIDTH = 230;
  private static final int VALUE_WIDTH = 80;
  private static final int ROW_HEIGHT = 22;
  private static final int MAX_LABEL_CHARS = 34;

  private SvgCharts() {
  }

  /** How bar heights follow values. */
  public enum Scale {
    LINEAR,
    /** Height proportional to log10(1 + value), for skewed counts such as cluster sizes. */
    LOG
  }

  /** One bar: its label under the axis, its value, and the text shown above it. */
  public record Bar(String label, double value, String valueText) {

    public Bar {
      if (!(value >= 0)) {
        throw new IllegalArgumentException("bar value must be >= 0, got " + value);
      }
    }
  }

  /**
   * A chart's frame.
   *
   * @param title  shown on top
   * @param xAxis  caption under the bar labels, or empty
   * @param scale  how bar heights follow values
   * @param max    the value of a full-height bar (larger values are drawn full height); 0 draws no bars
   */
  public record Chart(String title, String xAxis, Scale scale, double max) {
  }

  /** The number of predicted clusters per size bucket, log scale. */
  public static String clusterSizes(SizeDistribution sizes) {
    List<Bar> bars = sizes.buckets().stream()
        .map(b -> new Bar(b.label(), b.clusters(), ReportFormat.count(b.clusters()))).toList();
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    return barChart(new Chart("Predicted clusters by size (log scale)", "cluster size (records)", Scale.LOG, max),
        bars);
  }

  /** Pairwise precision, recall and F1, and B-cubed F1, on a 0–1 axis. */
  public static String quality(ClusteringMetrics m) {
    List<Bar> bars = List.of(bar("Precision", m.pairwisePrecision()), bar("Recall", m.pairwiseRecall()),
        bar("F1", m.pairwiseF1()), bar("B-cubed F1", m.bcubedF1()));
    return barChart(new Chart("Clustering quality", "pairwise precision, recall, F1; B-cubed F1", Scale.LINEAR,
        1.0), bars);
  }

  /** A vertical bar chart. */
  public static String barChart(Chart chart, List<Bar> bars) {
    StringBuilder svg = open(chart.title(), HEIGHT);
    int baseline = HEIGHT - BOTTOM;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n",
        LEFT, baseline, WIDTH - RIGHT, baseline));
    if (!chart.xAxis().isEmpty()) {
      svg.append(text(WIDTH / 2.0, HEIGHT - 12, "middle", 12, chart.xAxis()));
    }
    if (bars.isEmpty()) {
      svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", 13, "no data"));
    }
    double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size());
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double height = (baseline - TOP) * fraction(b.value(), chart.max(), chart.scale());
      double x = LEFT + slot * i + slot * (1 - BAR_FILL) / 2;
      svg.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b5\"/>%n",
          x, baseline - height, slot * BAR_FILL, height));
      double centre = LEFT + slot * (i + 0.5);
      svg.append(text(centre, baseline - height - 5, "middle", 12, b.valueText()));
      svg.append(text(centre, baseline + 18, "middle", 12, b.label()));
    }
    return svg.append("</svg>\n").toString();
  }

  /**
   * A horizontal bar chart, one row per bar, for categories with long labels (sources, reasons, stages). The
   * height grows with the number of bars; labels longer than 34 characters are shortened, with the full label
   * as the text's tooltip.
   */
  public static String horizontalBarChart(Chart chart, List<Bar> bars) {
    int height = TOP + ROW_HEIGHT * Math.max(2, bars.size()) + BOTTOM;
    StringBuilder svg = open(chart.title(), height);
    int plotLeft = LEFT + LABEL_WIDTH;
    double plotWidth = WIDTH - RIGHT - VALUE_WIDTH - plotLeft;
    int bottom = height - BOTTOM;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>%n",
        plotLeft, TOP, plotLeft, bottom));
    if (!chart.xAxis().isEmpty()) {
      svg.append(text(plotLeft + plotWidth / 2, height - 12, "middle", 12, chart.xAxis()));
    }
    if (bars.isEmpty()) {
      svg.append(text(WIDTH / 2.0, TOP + ROW_HEIGHT, "middle", 13, "no data"));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double width = plotWidth * fraction(b.value(), chart.max(), chart.scale());
      double y = TOP + ROW_HEIGHT * i;
      svg.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b5\"/>%n",
          plotLeft, y + ROW_HEIGHT * (1 - BAR_FILL) / 2, width, ROW_HEIGHT * BAR_FILL));
      double middle = y + ROW_HEIGHT / 2.0 + 4;
      svg.append(label(plotLeft - 6, middle, b.label()));
      svg.append(text(plotLeft + width + 5, middle, "start", 12, b.valueText()));
    }
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\" font-family=\"sans-serif\">\n");
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    return svg.append(text(WIDTH / 2.0, TOP / 2.0 + 5, "middle", 15, title));
  }

  /** A right-aligned category label, shortened with an ellipsis (full text as tooltip) when too long. */
  private static String label(double x, double y, String content) {
    if (content.length() <= MAX_LABEL_CHARS) {
      return text(x, y, "end", 12, content);
    }
    return String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\"><title>%s</title>%s\u2026</text>%n",
        x, y, Html.escape(content), Html.escape(content.substring(0, MAX_LABEL_CHARS - 1)));
  }

  static double fraction(double value, double max, Scale scale) {
    if (max <= 0 || value <= 0) {
      return 0;
    }
    double f = scale == Scale.LOG ? Math.log10(1 + value) / Math.log10(1 + max) : value / max;
    return Math.min(1.0, f);
  }

  private static Bar bar(String label, double value) {
    return new Bar(label, value, ReportFormat.ratio(value));
  }

  private static String text(double x, double y, String anchor, int size, String content) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x, y, anchor, size, Html.escape(content));
  }
}
