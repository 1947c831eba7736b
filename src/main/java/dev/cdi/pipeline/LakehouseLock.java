package dev.cdi.pipeline;

import dev.cdi.config.LakehousePaths;
import dev.cdi.config.LockSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing run per lakehouse. A run takes the lock file {@code <lakehouse>/_cdi.lock} (created only if absent;
 * see {@link LockFile}) holding its run id, command, host, process id and times, renews it every quarter of
 * {@code lock.stale_after_seconds}, and deletes it when it ends (also on a normal JVM exit or SIGTERM, through a
 * shutdown hook). Another run finding the lock waits up to {@code lock.wait_seconds} and then fails with a message
 * naming the holder. A lock is taken over, with a warning, when its owner process no longer runs on this host or,
 * from another host, when it has not been renewed for {@code lock.stale_after_seconds}: a run killed with SIGKILL
 * does not block the lakehouse for good.
 */
public final class LakehouseLock implements AutoCloseable {

  public static final String FILE_NAME = "_cdi.lock";
  private static final Logger LOG = LoggerFactory.getLogger(LakehouseLock.class);
  private static final long POLL_MILLIS = 500;

  /**
   * Who holds a lock.
   *
   * @param token      unique per acquisition
   * @param runId      the holding run
   * @param command    its command
   * @param host       host name of its process
   * @param pid        its process id
   * @param acquiredAt when it took the lock
   * @param renewedAt  its last renewal
   */
  record Owner(String token, String runId, String command, String host, long pid, Instant acquiredAt,
               Instant renewedAt) {

    Owner renewed(Instant now) {
      return new Owner(token, runId, command, host, pid, acquiredAt, now);
    }

    byte[] toBytes() {
      Properties p = new Properties();
      p.setProperty("token", token);
      p.setProperty("run_id", runId);
      p.setProperty("command", command);
      p.setProperty("host", host);
      p.setProperty("pid", Long.toString(pid));
      p.setProperty("acquired_at", acquiredAt.toString());
      p.setProperty("renewed_at", renewedAt.toString());
      StringWriter out = new StringWriter();
      try {
        p.store(out, "cdi lakehouse lock: delete only if this run is certainly dead");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot format the lock", e);
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The owner a lock file names; an unreadable file (being written) counts as renewed when last modified. */
    static Owner parse(LockFile.Content content) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(new String(content.bytes(), StandardCharsets.UTF_8)));
        return new Owner(p.getProperty("token", "?"), p.getProperty("run_id", "?"), p.getProperty("command", "?"),
            p.getProperty("host", "?"), Long.parseLong(p.getProperty("pid", "-1")),
            Instant.parse(p.getProperty("acquired_at", content.modifiedAt().toString())),
            Instant.parse(p.getProperty("renewed_at", content.modifiedAt().toString())));
      } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
        return new Owner("?", "?", "?", "?", -1, content.modifiedAt(), content.modifiedAt());
      }
    }

    String describe(Instant now) {
      return "run " + runId + " (" + command + ", pid " + pid + " on host " + host + ", since " + acquiredAt
          + ", renewed " + Duration.between(renewedAt, now).toSeconds() + "s ago)";
    }
  }

  private final LockFile file;
  private final Owner owner;
  private final ScheduledExecutorService heartbeat;
  private final Thread releaseOnExit;
  private final AtomicBoolean released = new AtomicBoolean();

  private LakehouseLock(LockFile file, Owner owner, Duration renewEvery) {
    this.file = file;
    this.owner = owner;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cdi-lakehouse-lock");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(),
        TimeUnit.MILLISECONDS);
    this.releaseOnExit = new Thread(this::release, "cdi-lakehouse-lock-release");
    Runtime.getRuntime().addShutdownHook(releaseOnExit);
  }

  /**
   * Takes the lock of the lakehouse at {@code root} for {@code runId}, waiting and taking over stale locks as
   * {@code settings} say.
   *
   * @throws LakehouseLockedException when another run still holds it after the wait
   */
  public static LakehouseLock acquire(Configuration conf, String root, LockSettings settings, String runId,
                                      String command) {
    LockFile file = new LockFile(LakehousePaths.join(root, FILE_NAME), conf);
    Instant deadline = Instant.now().plus(settings.waitFor());
    boolean announced = false;
    try {
      while (true) {
        Instant now = Instant.now();
        Owner mine = new Owner(UUID.randomUUID().toString(), runId, command, hostName(), ProcessHandle.current().pid(),
            now, now);
        if (file.createIfAbsent(mine.toBytes())) {
          LOG.info("lakehouse lock {} taken by run {}", file, runId);
          return new LakehouseLock(file, mine, settings.heartbeatEvery());
        }
        Optional<LockFile.Content> current = file.read();
        if (current.isEmpty()) {
          continue;
        }
        Owner holder = Owner.parse(current.get());
        String stale = staleness(holder, settings, now);
        if (stale != null) {
          takeOver(file, holder, current.get(), stale, now);
          continue;
        }
        if (!now.isBefore(deadline)) {
          throw new LakehouseLockedException("lakehouse " + root + " is in use by " + holder.describe(now)
              + "; try again when it has finished" + (settings.waitFor().isZero() ? " (or set lock.wait_seconds"
              + " to wait for it)" : " (waited " + settings.waitFor().toSeconds() + "s)") + ". If that run is dead,"
              + " its lock " + file + " is taken over " + settings.staleAfter().toSeconds()
              + "s after its last renewal (lock.stale_after_seconds), at once on its own host");
        }
        if (!announced) {
          LOG.info("waiting up to {}s for the lakehouse lock held by {}", settings.waitFor().toSeconds(),
              holder.describe(now));
          announced = true;
        }
        Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, Duration.between(now, deadline).toMillis())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lakehouse lock " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the lakehouse lock " + file, e);
    }
  }

  /** Why the holder's lock is stale, or null while it is live. */
  static String staleness(Owner holder, LockSettings settings, Instant now) {
    if (holder.host().equals(hostName()) && holder.pid() > 0) {
      Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
      if (process.isEmpty() || !process.get().isAlive()) {
        return "process " + holder.pid() + " no longer runs on this host";
      }
      Optional<Instant> started = process.get().info().startInstant();
      if (started.isPresent() && started.get().isAfter(holder.acquiredAt())) {
        return "process id " + holder.pid() + " now belongs to a process started after the lock was taken";
      }
      return null;
    }
    Duration silent = Duration.between(holder.renewedAt(), now);
    return silent.compareTo(settings.staleAfter()) > 0 ? "not renewed for " + silent.toSeconds() + "s, over"
        + " lock.stale_after_seconds (" + settings.staleAfter().toSeconds() + ")" : null;
  }

  private static void takeOver(LockFile file, Owner holder, LockFile.Content seen, String why, Instant now)
      throws IOException {
    Optional<LockFile.Content> again = file.read();
    if (again.isPresent() && java.util.Arrays.equals(again.get().bytes(), seen.bytes())) {
      LOG.warn("taking over the lakehouse lock {} of {}: {}", file, holder.describe(now), why);
      file.delete();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env != null ? env : "unknown-host";
    }
  }

  public String runId() {
    return owner.runId();
  }

  private void renew() {
    try {
      Optional<LockFile.Content> current = file.read();
      Owner holder = current.map(Owner::parse).orElse(null);
      if (holder == null || !holder.token().equals(owner.token())) {
        LOG.error("the lakehouse lock {} of run {} was removed or taken over{}; another run may now write the"
            + " lakehouse", file, owner.runId(), holder == null ? "" : " by " + holder.describe(Instant.now()));
        heartbeat.shutdown();
        return;
      }
      file.replace(owner.renewed(Instant.now()).toBytes());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not renew the lakehouse lock {}: {}", file, e.getMessage(), e);
    }
  }

  /** Deletes the lock if it is still this run's. */
  private void release() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    heartbeat.shutdownNow();
    try {
      Optional<LockFile.Content> current = file.read();
      if (current.isPresent() && Owner.parse(current.get()).token().equals(owner.token())) {
        file.delete();
        LOG.info("lakehouse lock {} released by run {}", file, owner.runId());
      } else {
        LOG.warn("the lakehouse lock {} was no longer run {}'s; left as it is", file, owner.runId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lakehouse lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(releaseOnExit);
    } catch (IllegalStateException e) {
      LOG.debug("JVM already shutting down; the release hook stays registered", e);
    }
  }
}
