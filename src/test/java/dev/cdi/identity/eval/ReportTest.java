package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.eval.GroupSummary.Part;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports are pure functions of the result: checked on a hand-built result with hostile ids. */
class ReportTest {

  private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q' | *b*";

  private static EvaluationResult result() {
    PairCounts pairs = new PairCounts(4, 1, 2, 3, 3.0, 8.0 / 3, 2, 2);
    return new EvaluationResult(new EvaluationRun("run-7", HOSTILE, Instant.parse("2024-05-01T10:00:00Z")),
        new RecordCounts(5, 5, 4, 1, 1, 0, 0), pairs, ClusteringMetrics.of(pairs),
        Optional.of(new BlockingMetrics(4, 3, 2, 4, 3)),
        new SizeDistribution(List.of(new SizeCount(1, 1), new SizeCount(2, 2))),
        List.of(new GroupSummary("P1", 2, 2, List.of(new Part("crm:a", 1)))),
        List.of(new GroupSummary("P2", 2, 2, List.of(new Part(HOSTILE, 1), new Part("T2", 1)))),
        List.of());
  }

  @Test
  void markdownHasExactTablesAndEscapesValues() {
    String md = MarkdownReport.render(result());
    assertTrue(md.startsWith("# Identity resolution evaluation: \\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\| "
        + "\\*b\\*\n\n- Run: run-7\n- Evaluated at: 2024-05-01T10:00:00Z\n\n"), md);
    assertTrue(md.contains("""
        ## Clustering quality

        | | Precision | Recall | F1 |
        |---|---:|---:|---:|
        | Pairwise | 0.5000 | 0.3333 | 0.4000 |
        | B-cubed | 0.7500 | 0.6667 | 0.7059 |

        Adjusted Rand index: 0.0000
        """), md);
    assertTrue(md.contains("| Pair completeness | 0.6667 |\n| Reduction ratio | 0.5000 |\n"), md);
    assertTrue(md.contains("| Size | Clusters | Records |\n|---|---:|---:|\n| 1 | 1 | 1 |\n| 2 | 2 | 4 |\n"), md);
    assertTrue(md.contains("| P2 | 2 | 2 | \\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\| \\*b\\* (1), T2 (1) |"),
        md);
    assertTrue(md.contains("## Entities split across the most clusters\n\nNone.\n"), md);
    assertEquals("a\\_b c", MarkdownReport.escape("a_b\nc"));
  }

  @Test
  void htmlEscapesEveryValueAndInlinesTheCharts() {
    String html = HtmlReport.render(result());
    String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; | *b*";
    assertFalse(html.contains("<script"), html);
    assertTrue(html.contains("<title>Identity resolution evaluation: " + escaped + "</title>"), html);
    assertTrue(html.contains("<tr><td>P2</td><td class=\"n\">2</td><td class=\"n\">2</td><td>" + escaped
        + " (1), T2 (1)</td></tr>"), html);
    assertTrue(html.contains("<tr><th>Pairwise</th><td class=\"n\">0.5000</td><td class=\"n\">0.3333</td>"
        + "<td class=\"n\">0.4000</td></tr>"), html);
    assertEquals(2, html.split("<svg ", -1).length - 1);
    assertFalse(html.contains("src=") || html.contains("href="), "self-contained: no external resources");
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
  }

  @Test
  void chartsScaleBarsAndEscapeLabels() {
    String svg = SvgCharts.barChart(new SvgCharts.Chart("t<1>", "x>", SvgCharts.Scale.LINEAR, 1.0),
        List.of(new SvgCharts.Bar("a&b", 1, "1"), new SvgCharts.Bar("c", 0.5, "0.5")));
    // Plot height 320 - 40 - 50 = 230: full bar 230, half bar 115; slots of 300 px, bars 210 px wide.
    assertTrue(svg.contains("<rect class=\"bar\" x=\"65.0\" y=\"40.0\" width=\"210.0\" height=\"230.0\""
        + " fill=\"#4a78b5\"/>"), svg);
    assertTrue(svg.contains("<rect class=\"bar\" x=\"365.0\" y=\"155.0\" width=\"210.0\" height=\"115.0\""
        + " fill=\"#4a78b5\"/>"), svg);
    assertTrue(svg.contains(">a&amp;b</text>") && svg.contains("<title>t&lt;1&gt;</title>"), svg);
    assertTrue(svg.contains("<text x=\"320.0\" y=\"308.0\" text-anchor=\"middle\" font-size=\"12\">x&gt;</text>"),
        svg);
    // Log scale: log10(1 + 9) / log10(1 + 99) = 0.5.
    assertEquals(0.5, SvgCharts.fraction(9, 99, SvgCharts.Scale.LOG), 1e-12);
    assertTrue(SvgCharts.clusterSizes(new SizeDistribution(List.of())).contains(">no data</text>"));
  }

  @Test
  void writerWritesTheFourFilesAndNoChecksums(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("report");
    List<String> written = ReportWriter.write(result(), out.toString(), new Configuration());
    assertEquals(4, written.size());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("cluster_sizes.svg", "quality.svg", "report.html", "report.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(MarkdownReport.render(result()), Files.readString(out.resolve("report.md")));
    assertTrue(Files.readString(out.resolve("quality.svg")).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    ReportWriter.write(result(), out.toString(), new Configuration());
    assertEquals(HtmlReport.render(result()), Files.readString(out.resolve("report.html")));
  }
}
