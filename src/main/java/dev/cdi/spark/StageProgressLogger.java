package dev.cdi.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of long Spark stages at INFO: every interval, one line per stage that has been running for at
 * least that long, with the job description a {@link StageScope} set (e.g. {@code cdi resolve: scoring}), the
 * stage, its finished and running tasks and its age. Short stages are never logged. The interval is the Spark
 * setting {@value #INTERVAL_SETTING} (seconds, default {@value #DEFAULT_INTERVAL_SECONDS}; 0 turns the log off).
 *
 * <p>Listener events arrive on Spark's listener thread and the log is written by a daemon timer thread, so the
 * per-stage counters are concurrent. No Spark job of its own.
 */
public final class StageProgressLogger extends SparkListener {

  /** Spark setting: seconds between progress lines; 0 turns them off. */
  public static final String INTERVAL_SETTING = "spark.cdi.progressIntervalSeconds";
  static final long DEFAULT_INTERVAL_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(StageProgressLogger.class);
  private static final Map<SparkContext, StageProgressLogger> INSTALLED = new ConcurrentHashMap<>();

  private final Map<Long, StageProgress> active = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "cdi-stage-progress");
    thread.setDaemon(true);
    return thread;
  });

  StageProgressLogger() {
  }

  /**
   * Registers the logger with {@code context} (once per context) and starts its timer when the interval setting
   * is above 0. Returns the registered logger.
   */
  public static StageProgressLogger install(SparkContext context) {
    return INSTALLED.computeIfAbsent(context, c -> {
      StageProgressLogger logger = new StageProgressLogger();
      c.addSparkListener(logger);
      long seconds = Long.parseLong(c.getConf().get(INTERVAL_SETTING, String.valueOf(DEFAULT_INTERVAL_SECONDS)));
      if (seconds > 0) {
        Duration interval = Duration.ofSeconds(seconds);
        logger.timer.scheduleAtFixedRate(() -> logger.report(interval).forEach(LOG::info), seconds, seconds,
            TimeUnit.SECONDS);
      }
      return logger;
    });
  }

  /** One line per stage running for at least {@code minAge}, oldest first. */
  public List<String> report(Duration minAge) {
    long now = System.nanoTime();
    List<String> lines = new ArrayList<>();
    active.values().stream().filter(s -> now - s.submitted >= minAge.toNanos())
        .sorted(Comparator.comparingLong(s -> s.submitted))
        .forEach(s -> lines.add(s.line(now)));
    return lines;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    StageInfo info = event.stageInfo();
    active.put(key(info.stageId(), info.attemptNumber()), new StageProgress(info, label(event.properties()),
        System.nanoTime()));
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart event) {
    StageProgress stage = active.get(key(event.stageId(), event.stageAttemptId()));
    if (stage != null) {
      stage.running.incrementAndGet();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    StageProgress stage = active.get(key(event.stageId(), event.stageAttemptId()));
    if (stage != null) {
      stage.running.decrementAndGet();
      if (event.taskInfo().successful()) {
        stage.done.incrementAndGet();
      }
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    active.remove(key(event.stageInfo().stageId(), event.stageInfo().attemptNumber()));
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd event) {
    timer.shutdownNow();
    INSTALLED.values().remove(this);
  }

  private static long key(int stageId, int attempt) {
    return ((long) stageId << 32) | (attempt & 0xffffffffL);
  }

  private static String label(Properties properties) {
    String description = properties == null ? null : properties.getProperty(StageScope.DESCRIPTION);
    if (description != null) {
      return description;
    }
    String group = properties == null ? null : properties.getProperty(StageScope.GROUP);
    return group != null ? group : "(no job description)";
  }

  /** A running stage attempt and its task counts. */
  private static final class StageProgress {
    private final int stageId;
    private final int attempt;
    private final String name;
    private final int tasks;
    private final String label;
    private final long submitted;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    StageProgress(StageInfo info, String label, long submitted) {
      this.stageId = info.stageId();
      this.attempt = info.attemptNumber();
      this.name = info.name();
      this.tasks = info.numTasks();
      this.label = label;
      this.submitted = submitted;
    }

    String line(long now) {
      return String.format(Locale.ROOT, "%s: stage %d%s (%s) %d/%d tasks done, %d running, for %ds", label, stageId,
          attempt == 0 ? "" : "." + attempt, name, done.get(), tasks, Math.max(0, running.get()),
          TimeUnit.NANOSECONDS.toSeconds(now - submitted));
    }
  }
}
