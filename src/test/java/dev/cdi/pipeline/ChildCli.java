package dev.cdi.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code cdi} command line in a child JVM on the test classpath (as {@code scripts/cdi} runs it), with its
 * output in files, for tests that kill a run for real or start two at once. {@link #kill} is
 * {@code Process.destroyForcibly()}, a SIGKILL: no shutdown hook or finally block of the child runs.
 */
final class ChildCli implements AutoCloseable {

  /** Exit code of a JVM ended by SIGKILL (128 + 9), and of {@code Runtime.halt(137)} in {@link FaultInjection}. */
  static final int KILLED = 137;
  private static final Duration POLL = Duration.ofMillis(20);

  private final String name;
  private final Process process;
  private final Path stderr;

  private ChildCli(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
  }

  /**
   * Starts {@code cdi <args>} with the given system properties; output goes to {@code <dir>/<name>.out|.err}.
   */
  static ChildCli start(Path dir, String name, Map<String, String> properties, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    try {
      Files.readAllLines(Path.of("conf/java17.options")).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(command::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conf/java17.options", e);
    }
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.sql.shuffle.partitions=2");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.cdi.cli.CdiCommand");
    command.addAll(args);
    Path stderr = dir.resolve(name + ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
          .redirectError(stderr.toFile()).start();
      return new ChildCli(name, process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start child JVM " + name, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** What the child logged so far (its stderr). */
  String log() {
    try {
      return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stderr, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code condition} holds; false when the time ran out. */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (!Instant.now().isBefore(deadline)) {
        return false;
      }
      sleep(POLL);
    }
    return true;
  }

  /** Waits until {@code condition} holds; false when the child ended first or the time ran out. */
  boolean awaitWhileAlive(BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!process.isAlive()) {
        return condition.getAsBoolean();
      }
      sleep(POLL);
    }
    return false;
  }

  /** Waits until the child's log contains {@code text}; false when it ended first or the time ran out. */
  boolean awaitLog(String text, Duration timeout) {
    return awaitWhileAlive(() -> log().contains(text), timeout);
  }

  /** Waits for the child to end and returns its exit code; kills it and fails if it takes longer. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(name + " did not finish within " + timeout + "; its log ends:\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + name, e);
    }
  }

  /** SIGKILL, then waits for the process to be gone; returns its exit code. */
  int kill() {
    process.destroyForcibly();
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted killing " + name, e);
    }
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    String log = log();
    return log.substring(Math.max(0, log.length() - 4000));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
