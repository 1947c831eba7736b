package dev.cdi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run}: the plan it prints, and the problems it finds as the real command would. */
class DryRunTest {

  private static final String CONF = """
      lakehouse: lake
      input_root: s3a://landing/exports
      sources:
        crm: {format: csv, path: crm/*.csv}
        web: {format: jsonl, path: /abs/web}
      s3: {endpoint: 'http://127.0.0.1:9000', path_style_access: true}
      """;

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out();
  private final StringWriter err = cli.err();

  private int run(String... args) {
    return cli.execute(args);
  }

  @Test
  void printsWhatTheCommandWouldWorkOn(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("p.yaml"), CONF);
    assertEquals(0, run("ingest", "--conf", conf.toString(), "--lakehouse", "s3a://lake/lh", "--run-id", "r-1",
        "--dry-run"), err.toString());
    assertEquals(List.of(
        "cdi ingest --dry-run: the command line, configuration and paths are valid; nothing was run",
        "  run id                 r-1",
        "  configuration          " + conf + " (2 sources)",
        "  lakehouse              s3a://lake/lh",
        "  input root             s3a://landing/exports",
        "  source crm             s3a://landing/exports/crm/*.csv (csv)",
        "  source web             /abs/web (jsonl)",
        "  fs.s3a.endpoint        http://127.0.0.1:9000 (from s3.endpoint)",
        "  fs.s3a.path.style.access true (from s3.path_style_access)"), out.toString().lines().toList());
  }

  @Test
  void failsAsTheCommandWould(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("p.yaml"), CONF);
    assertEquals(1, run("build-gold", "--conf", conf.toString(), "--dry-run"));
    assertEquals("cdi build-gold: error: the configuration has no 'gold' section, so no gold tables can be built ("
        + conf + ")", err.toString().strip());

    err.getBuffer().setLength(0);
    assertEquals(1, run("evaluate", "--conf", conf.toString(), "--truth", "s3://gen/out", "--dry-run"));
    assertEquals("cdi evaluate: error: --truth uses the unsupported scheme 's3://'; use s3a:// (hadoop-aws), got"
        + " 's3://gen/out'", err.toString().strip());

    err.getBuffer().setLength(0);
    assertEquals(1, run("run", "--conf", conf.toString(), "--run-id", "no spaces", "--dry-run"));
    assertEquals(true, err.toString().startsWith("cdi run: error: --run-id must be"), err.toString());
    assertEquals("", out.toString(), "no plan for a failed check");
  }
}
