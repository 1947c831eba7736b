package dev.cdi.spark;

import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the Spark jobs of one pipeline stage, as the Spark UI and the event log show them: the job group
 * {@code cdi:<stage>:<run id>} and the description {@code cdi <stage>}, then {@code cdi <stage>: <step>} for each
 * {@link #step}. Logs each step as it starts and, at INFO, how long the previous one took. {@link #close} puts back
 * the group and description that were set before (scopes nest), so open it in a try-with-resources block.
 *
 * <p>Job group and description are thread-local properties of the SparkContext: the scope names the jobs started
 * by the thread that opened it. No Spark job of its own; nothing to make idempotent.
 */
public final class StageScope implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StageScope.class);
  static final String GROUP = "spark.jobGroup.id";
  static final String DESCRIPTION = "spark.job.description";
  static final String INTERRUPT = "spark.job.interruptOnCancel";

  private final SparkContext context;
  private final String stage;
  private final String runId;
  private final String previousGroup;
  private final String previousDescription;
  private final String previousInterrupt;
  private final long started;
  private String step;
  private long stepStarted;

  private StageScope(SparkContext context, String stage, String runId) {
    this.context = context;
    this.stage = stage;
    this.runId = runId;
    this.previousGroup = context.getLocalProperty(GROUP);
    this.previousDescription = context.getLocalProperty(DESCRIPTION);
    this.previousInterrupt = context.getLocalProperty(INTERRUPT);
    this.started = System.nanoTime();
    this.stepStarted = started;
  }

  /**
   * Opens the scope of {@code stage} (e.g. {@code resolve}) in run {@code runId}: sets the job group and description.
   * Cancelling the group ({@code SparkContext.cancelJobGroup}) does not interrupt running tasks: Delta commits must
   * not be interrupted half-way.
   */
  public static StageScope open(SparkSession spark, String stage, String runId) {
    StageScope scope = new StageScope(spark.sparkContext(), stage, runId);
    spark.sparkContext().setJobGroup(groupId(stage, runId), "cdi " + stage, false);
    return scope;
  }

  /** The job group of {@code stage} in run {@code runId}. */
  public static String groupId(String stage, String runId) {
    return "cdi:" + stage + ":" + runId;
  }

  /** Starts step {@code name} of the stage: later jobs are described as {@code cdi <stage>: <name>}. */
  public void step(String name) {
    long now = System.nanoTime();
    logStepEnd(now);
    step = name;
    stepStarted = now;
    context.setJobDescription(description());
    LOG.info("{} {}: {}", stage, runId, name);
  }

  /** The description later jobs get. */
  public String description() {
    return step == null ? "cdi " + stage : "cdi " + stage + ": " + step;
  }

  /** Seconds since the scope was opened. */
  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** Logs the last step's time and restores the job group and description that were set before the scope. */
  @Override
  public void close() {
    logStepEnd(System.nanoTime());
    context.setLocalProperty(GROUP, previousGroup);
    context.setLocalProperty(DESCRIPTION, previousDescription);
    context.setLocalProperty(INTERRUPT, previousInterrupt);
  }

  private void logStepEnd(long now) {
    if (step != null) {
      LOG.info("{} {}: {} took {}s", stage, runId, step, String.format(Locale.ROOT, "%.1f", (now - stepStarted) / 1e9));
    }
  }
}
