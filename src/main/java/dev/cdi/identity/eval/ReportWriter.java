package dev.cdi.identity.eval;

import dev.cdi.io.TextFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code report.md}, {@code report.html}, {@code quality.svg} and {@code cluster_sizes.svg} into a folder
 * through the Hadoop FileSystem API ({@link TextFiles}), so the folder may be local or {@code s3a://}. Existing
 * files of those names are overwritten, so writing the same result again gives the same files. On the local file
 * system no {@code .crc} side files are written.
 */
public final class ReportWriter {

  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";
  public static final String QUALITY_SVG = "quality.svg";
  public static final String SIZES_SVG = "cluster_sizes.svg";
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  private static final String XML_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private ReportWriter() {
  }

  /** Writes the four files into {@code dir} (created if needed) and returns their paths. */
  public static List<String> write(EvaluationResult result, String dir, Configuration conf) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(MARKDOWN, MarkdownReport.render(result));
    files.put(HTML, HtmlReport.render(result));
    files.put(QUALITY_SVG, XML_HEADER + SvgCharts.quality(result.metrics()));
    files.put(SIZES_SVG, XML_HEADER + SvgCharts.clusterSizes(result.sizes()));
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      String path = new Path(dir, file.getKey()).toString();
      TextFiles.write(path, file.getValue(), conf);
      written.add(path);
    }
    LOG.info("evaluation {}: wrote {}", result.run().runId(), written);
    return written;
  }
}
