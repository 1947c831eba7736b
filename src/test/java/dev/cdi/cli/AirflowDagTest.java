package dev.cdi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG in {@code jobs/} without Airflow: both files compile, and every command line the DAG would
 * submit (rendered by {@code jobs/cdi_stages.py} for a logical date and deployment Variables) is accepted by
 * {@code cdi ... --dry-run}. Skipped only where {@code python3} is missing ({@code .ci/run} installs it).
 */
class AirflowDagTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TS_NODASH = "20250102T030000";

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out();
  private final StringWriter err = cli.err();

  private int cdi(List<String> args) {
    return cli.execute(args.toArray(String[]::new));
  }

  private static boolean hasPython() {
    try {
      return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs python3 and returns its standard output; fails with its output when it exits non-zero. */
  private static String python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", "-B"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 finished");
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
    return output;
  }

  /** The DAG's tasks and their rendered application arguments, in order. */
  private static Map<String, List<String>> renderedTasks(Map<String, String> variables) throws Exception {
    String context = JSON.writeValueAsString(Map.of("ts_nodash", TS_NODASH, "var", variables));
    Map<String, List<String>> tasks = new LinkedHashMap<>();
    for (JsonNode task : JSON.readTree(python("jobs/cdi_stages.py", context))) {
      List<String> args = new ArrayList<>();
      task.get("application_args").forEach(a -> args.add(a.asText()));
      tasks.put(task.get("task_id").asText(), args);
    }
    return tasks;
  }

  private static Map<String, String> variables(String lakehouse) {
    return Map.of("cdi_conf", "conf/pipeline.yaml", "cdi_lakehouse", lakehouse, "cdi_input",
        "s3a://cdi-landing/exports", "cdi_truth", "s3a://cdi-staging/generated");
  }

  @Test
  void theDagFilesCompile(@TempDir Path dir) throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    python("-c", "import py_compile, sys\n"
        + "for i, f in enumerate(sys.argv[1:]): py_compile.compile(f, cfile='" + dir + "/c%d.pyc' % i, doraise=True)",
        "jobs/cdi_pipeline_dag.py", "jobs/cdi_stages.py");
  }

  @Test
  void everyCommandTheDagSubmitsPassesTheDryRun() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    Map<String, List<String>> tasks = renderedTasks(variables("s3a://cdi-lake/prod"));
    assertEquals(List.of("ingest", "standardize", "resolve", "build_gold", "evaluate"), List.copyOf(tasks.keySet()));
    assertEquals(List.of("ingest", "--conf", "conf/pipeline.yaml", "--lakehouse", "s3a://cdi-lake/prod", "--input",
        "s3a://cdi-landing/exports", "--run-id", "cdi-" + TS_NODASH), tasks.get("ingest"));
    for (Map.Entry<String, List<String>> task : tasks.entrySet()) {
      List<String> args = new ArrayList<>(task.getValue());
      args.add("--dry-run");
      out.getBuffer().setLength(0);
      assertEquals(0, cdi(args), task.getKey() + ": " + err);
      String plan = out.toString();
      assertTrue(plan.startsWith("cdi " + args.get(0) + " --dry-run: "), plan);
      assertTrue(plan.contains("run id                 cdi-" + TS_NODASH), plan);
      assertTrue(plan.contains("lakehouse              s3a://cdi-lake/prod"), plan);
    }
  }

  @Test
  void aDeploymentWithABadPathFailsTheCheck() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    List<String> args = new ArrayList<>(renderedTasks(variables("s3://cdi-lake/prod")).get("ingest"));
    args.add("--dry-run");
    assertEquals(1, cdi(args));
    assertEquals("cdi ingest: error: --lakehouse uses the unsupported scheme 's3://'; use s3a:// (hadoop-aws), got"
        + " 's3://cdi-lake/prod'" + System.lineSeparator(), err.toString());
  }
}
