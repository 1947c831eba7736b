package dev.cdi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdi.io.Columns.Hubs;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.testing.SampleRun;
import dev.cdi.testing.SharedSpark;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report the shared sample run ({@link SampleRun}) wrote: well-formed XHTML with every section and a chart with
 * drawn bars in each, figures equal to the tables', hub values never in clear; and rendered by headless Chromium
 * (skipped when no Chromium is installed; {@code CDI_CHROMIUM} may name the binary).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportTest {

  private static final int CHARTS = 10;
  private static final Pattern PROBE = Pattern.compile("data-probe=\"([^\"]*)\"");
  /** Injected into a copy of the page: lists what Chromium laid out (sections, and each chart's drawn bars). */
  private static final String PROBE_SCRIPT = """
      <script>
      (function () {
        var out = [];
        document.querySelectorAll('section').forEach(function (s) { out.push('section:' + s.id); });
        document.querySelectorAll('figure.chart').forEach(function (f) {
          var svgs = f.querySelectorAll('svg');
          var drawn = 0;
          f.querySelectorAll('svg rect.bar').forEach(function (r) {
            var b = r.getBBox();
            if (b.width > 0 && b.height > 0) { drawn++; }
          });
          var svg = svgs.length ? svgs[0] : {clientWidth: 0, clientHeight: 0};
          out.push('chart:' + f.id + ':' + svgs.length + ':' + drawn + ':' + svg.clientWidth + 'x'
              + svg.clientHeight);
        });
        document.body.setAttribute('data-probe', out.join(' '));
      })();
      </script>
      """;

  private final SparkSession spark = SharedSpark.session();
  private Lakehouse lakehouse;
  private String html;

  @BeforeAll
  void readReport() throws IOException {
    lakehouse = SampleRun.get().lakehouse();
    html = Files.readString(Path.of(RunReportJob.reportPath(lakehouse.root(), SampleRun.RUN_ID)));
  }

  @Test
  void reportIsWellFormedWithEverySectionAndDataInEveryChart() {
    Document doc = ReportPages.parseXhtml(html);
    assertEquals(RunReportHtml.SECTIONS, ReportPages.sectionIds(doc));
    Map<String, Integer> bars = ReportPages.chartBars(doc);
    assertEquals(CHARTS, bars.size(), bars.toString());
    bars.forEach((chart, drawn) -> assertTrue(drawn > 0, chart + " has no drawn bar"));
    assertEquals(4, bars.get("chart-stage-timings"), "ingest, standardize, resolve, build-gold");
    assertEquals(10, bars.get("chart-bronze-rows"), "one bar per source");
  }

  @Test
  void latestIsTheNewestRunsReport() throws IOException {
    String latest = Files.readString(Path.of(lakehouse.root(), RunReportJob.REPORTS, RunReportJob.LATEST));
    Matcher title = Pattern.compile("<title>Run report: ([^<]+)</title>").matcher(latest);
    assertTrue(title.find(), "latest.html has a title");
    assertEquals(latest, Files.readString(Path.of(RunReportJob.reportPath(lakehouse.root(), title.group(1)))));
  }

  @Test
  void figuresEqualTheTables() {
    Document doc = ReportPages.parseXhtml(html);
    Map<String, String> rowsByTable = new LinkedHashMap<>();
    for (List<String> row : tableRows(doc, "tables")) {
      rowsByTable.put(row.get(0) + "." + row.get(1), row.get(2));
    }
    for (TableId id : List.of(Tables.bronze("crm_contacts"), Tables.bronze("web_events"), Tables.QUARANTINE,
        Tables.SILVER_IDENTITIES, Tables.IDENTITY_MAP, Tables.GOLD_CUSTOMER_360)) {
      assertEquals(String.format("%,d", count(id)), rowsByTable.get(id.toString()), id.toString());
    }
    long quarantined = tableRows(doc, "quarantine").stream().filter(r -> r.get(0).equals("bronze"))
        .mapToLong(r -> Long.parseLong(r.get(3).replace(",", ""))).sum();
    assertEquals(count(Tables.QUARANTINE), quarantined, "every bronze quarantine row is in a reason group");
    long customers = DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_MAP)).select("customer_id").distinct()
        .count();
    assertTrue(html.contains(String.format("<p>%,d customers from %,d identity records;", customers,
        count(Tables.IDENTITY_MAP))), "identity summary");
  }

  @Test
  void hubValuesAppearOnlyMasked() {
    List<String> values = DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_HUBS)).select(Hubs.VALUE)
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertFalse(values.isEmpty(), "the sample has hub or blocked identifier values");
    for (String value : values) {
      assertFalse(html.contains(value), "hub value in clear: " + value);
    }
    List<List<String>> hubRows = new ArrayList<>();
    for (List<String> row : tableRows(ReportPages.parseXhtml(html), "identity")) {
      if (row.size() == 5 && row.get(1).contains("\u2022\u2022\u2022")) {
        hubRows.add(row);
      }
    }
    assertEquals(Math.min(values.size(), RunReportJob.TOP_HUBS), hubRows.size(), hubRows.toString());
  }

  @Test
  void chromiumRendersEverySectionAndChart(@TempDir Path dir) throws IOException, InterruptedException {
    Optional<String> chromium = chromium();
    assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium)");
    Path page = dir.resolve("report.html");
    Files.writeString(page, html.replace("</body>", PROBE_SCRIPT + "</body>"));
    Path out = dir.resolve("dom.html");
    Process process = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-extensions", "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "Chromium did not finish within 180 s");
    assertEquals(0, process.exitValue(), () -> "Chromium failed: " + read(dir.resolve("chromium.log")));
    Matcher probe = PROBE.matcher(Files.readString(out));
    assertTrue(probe.find(), () -> "the probe did not run; DOM: " + read(out));
    List<String> sections = new ArrayList<>();
    List<String> charts = new ArrayList<>();
    for (String item : probe.group(1).split(" ")) {
      String[] parts = item.split(":");
      if (parts[0].equals("section")) {
        sections.add(parts[1]);
      } else {
        charts.add(parts[1]);
        assertEquals("1", parts[2], item + ": one SVG");
        assertTrue(Integer.parseInt(parts[3]) > 0, item + ": no bar laid out with a size");
        assertTrue(parts[4].startsWith("640x"), item + ": the SVG is laid out 640 px wide");
      }
    }
    assertEquals(RunReportHtml.SECTIONS, sections);
    assertEquals(ReportPages.chartIds(ReportPages.parseXhtml(html)), charts);
  }

  private long count(TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id)).count();
  }

  /** The cell texts of every table row with {@code <td>} cells in the section. */
  private static List<List<String>> tableRows(Document doc, String section) {
    Element element = section(doc, section);
    List<List<String>> rows = new ArrayList<>();
    NodeList trs = element.getElementsByTagNameNS(ReportPages.XHTML, "tr");
    for (int i = 0; i < trs.getLength(); i++) {
      NodeList tds = ((Element) trs.item(i)).getElementsByTagNameNS(ReportPages.XHTML, "td");
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < tds.getLength(); c++) {
        cells.add(tds.item(c).getTextContent());
      }
      if (!cells.isEmpty()) {
        rows.add(cells);
      }
    }
    return rows;
  }

  private static Element section(Document doc, String sectionId) {
    NodeList sections = doc.getElementsByTagNameNS(ReportPages.XHTML, "section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (s.getAttribute("id").equals(sectionId)) {
        return s;
      }
    }
    throw new AssertionError("no section " + sectionId);
  }

  /** {@code CDI_CHROMIUM}, or the first of chromium, chromium-browser, google-chrome on the PATH. */
  static Optional<String> chromium() {
    String configured = System.getenv("CDI_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      Optional<String> found = Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, name))
          .filter(Files::isExecutable).map(Path::toString).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
