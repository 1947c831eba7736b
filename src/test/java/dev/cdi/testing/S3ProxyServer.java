package dev.cdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.LoggerFactory;

/**
 * A real S3-protocol server on loopback for tests: S3Proxy with its file-system backend, run as its own JVM
 * (its Jetty 12 and Jackson 3 cannot share Spark's classpath) from the jar Maven copies to
 * {@code target/s3proxy/s3proxy.jar} (system property {@code cdi.s3proxy.jar}). Each server gets a free port
 * and a fresh random access key and secret that exist only in this JVM and the server's process. A bucket is
 * a folder of the backend, so {@link #createBucket} needs no request. {@link #close} stops the process it
 * started (by its own handle, nothing else); a shutdown hook does the same if the JVM ends first.
 */
public final class S3ProxyServer implements AutoCloseable {

  private static final long START_TIMEOUT_MS = 120_000;

  private final Process process;
  /** Stops the server if the test JVM ends without {@link #close}. */
  private final Thread stopAtExit;
  private final Path blobs;
  private final Path log;
  private final int port;
  private final String accessKey = UUID.randomUUID().toString().replace("-", "");
  private final String secretKey = UUID.randomUUID().toString().replace("-", "");

  private S3ProxyServer(Path dir) throws IOException {
    Path jar = Path.of(System.getProperty("cdi.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Proxy jar " + jar + " is missing; `mvn test` copies it there"
          + " (maven-dependency-plugin execution s3proxy-for-tests)");
    }
    blobs = Files.createDirectories(dir.resolve("blobs"));
    log = dir.resolve("s3proxy.log");
    port = freeLoopbackPort();
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=" + endpoint(),
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + accessKey,
        "s3proxy.credential=" + secretKey,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + blobs.toAbsolutePath()) + "\n", StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
        "--properties", properties.toAbsolutePath().toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("LOG_LEVEL", "warn");
    process = builder.start();
    stopAtExit = new Thread(process::destroyForcibly, "stop-s3proxy");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** Starts a server with its data under {@code dir} and returns once it answers HTTP. */
  public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
    S3ProxyServer server = new S3ProxyServer(dir);
    try {
      server.awaitReady();
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Creates a bucket: a folder of the file-system backend. */
  public void createBucket(String bucket) throws IOException {
    Files.createDirectories(blobs.resolve(bucket));
  }

  /** Where the backend keeps an object (a file) or a prefix (a folder), to check what really reached the server. */
  public Path backendPath(String bucket, String key) {
    return blobs.resolve(bucket).resolve(key);
  }

  /**
   * Gives S3A this server's credentials for {@code bucket} only ({@code fs.s3a.bucket.<bucket>.*}), with few
   * retries so that a failing server fails a test quickly.
   */
  public void configureCredentials(Configuration hadoop, String bucket) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    hadoop.set(prefix + "access.key", accessKey);
    hadoop.set(prefix + "secret.key", secretKey);
    hadoop.set(prefix + "attempts.maximum", "2");
    hadoop.set(prefix + "retry.limit", "2");
  }

  /** Removes what {@link #configureCredentials} set. */
  public void forgetCredentials(Configuration hadoop, String bucket) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    List.of("access.key", "secret.key", "attempts.maximum", "retry.limit").forEach(k -> hadoop.unset(prefix + k));
  }

  /** The server's log so far, for failure messages. */
  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + logText());
      }
      if (answers()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("S3Proxy did not answer on " + endpoint() + " within " + START_TIMEOUT_MS
        + " ms:\n" + logText());
  }

  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting, and the hook stops the process
      LoggerFactory.getLogger(S3ProxyServer.class).debug("JVM shutting down; the hook stops S3Proxy", shuttingDown);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops the server process and waits for it to end. */
  @Override
  public void close() {
    removeShutdownHook();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
