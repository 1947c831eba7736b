package dev.cdi.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock file's storage: create only if absent, read, replace and delete, on the local file system or any Hadoop
 * file system. Local files are created atomically with content (written to a temporary file, then hard-linked to
 * the lock's name, which fails if the name exists). Elsewhere {@code FileSystem.create(path, overwrite=false)} is
 * used: atomic on HDFS; on S3 it is a check then a write, so two writers starting within milliseconds could both
 * succeed, which {@link #createIfAbsent} narrows by reading the file back after a settling pause.
 */
final class LockFile {

  private static final long SETTLE_MILLIS = 1000;

  /**
   * The file's content and when it was last written.
   *
   * @param bytes      content (possibly empty while its creator is writing it on a non-local file system)
   * @param modifiedAt last modification
   */
  record Content(byte[] bytes, Instant modifiedAt) {
  }

  private final Path path;
  private final FileSystem fs;
  private final java.nio.file.Path local;

  LockFile(String location, Configuration conf) {
    this.path = new Path(location);
    try {
      this.fs = path.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the file system of " + location + ": " + e.getMessage(), e);
    }
    this.local = "file".equals(fs.getScheme()) ? java.nio.file.Path.of(fs.makeQualified(path).toUri()) : null;
  }

  @Override
  public String toString() {
    return local != null ? local.toString() : path.toString();
  }

  /** Writes {@code bytes} as the lock if no lock exists; returns whether it did (and still holds them). */
  boolean createIfAbsent(byte[] bytes) throws IOException {
    if (local != null) {
      return createLocal(bytes);
    }
    fs.mkdirs(path.getParent());
    try (OutputStream out = fs.create(path, false)) {
      out.write(bytes);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
    if (!"hdfs".equals(fs.getScheme())) {
      sleep(SETTLE_MILLIS);
    }
    return read().map(c -> java.util.Arrays.equals(c.bytes(), bytes)).orElse(false);
  }

  private boolean createLocal(byte[] bytes) throws IOException {
    Files.createDirectories(local.getParent());
    java.nio.file.Path staged = Files.createTempFile(local.getParent(), local.getFileName() + ".", ".tmp");
    try {
      Files.write(staged, bytes);
      Files.createLink(local, staged);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      return createLocalWithoutLinks(bytes);
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  /** For local file systems without hard links: an exclusive create, then the content (briefly empty). */
  private boolean createLocalWithoutLinks(byte[] bytes) throws IOException {
    try {
      Files.write(local, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /** The lock's content, or empty when there is no lock. */
  Optional<Content> read() throws IOException {
    if (local != null) {
      try {
        return Optional.of(new Content(Files.readAllBytes(local), Files.getLastModifiedTime(local).toInstant()));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }
    try (InputStream in = fs.open(path)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      FileStatus status = fs.getFileStatus(path);
      return Optional.of(new Content(out.toByteArray(), Instant.ofEpochMilli(status.getModificationTime())));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Replaces the lock's content (locally by an atomic rename, so readers never see a partial file). */
  void replace(byte[] bytes) throws IOException {
    if (local != null) {
      java.nio.file.Path staged = Files.createTempFile(local.getParent(), local.getFileName() + ".", ".tmp");
      Files.write(staged, bytes);
      Files.move(staged, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  void delete() throws IOException {
    if (local != null) {
      Files.deleteIfExists(local);
    } else {
      fs.delete(path, false);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking the lakehouse lock", e);
    }
  }
}
