package dev.cdi.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output folder, reached only through the Hadoop FileSystem API so that local paths and {@code s3a://} URIs
 * both work. On the local file system the raw (checksum-less) file system is used, so no {@code .crc} side files
 * are written.
 */
final class OutputFolder {

  private static final int BUFFER_BYTES = 1 << 16;

  private OutputFolder() {
  }

  /** Fails if {@code out} exists and is not an empty folder, then creates it. */
  static void prepare(Path out, Configuration conf) {
    try {
      FileSystem fs = out.getFileSystem(conf);
      if (fs.exists(out)) {
        FileStatus status = fs.getFileStatus(out);
        if (!status.isDirectory()) {
          throw new IllegalArgumentException("output " + out + " is a file; choose another --out or delete it");
        }
        if (fs.listStatus(out).length > 0) {
          throw new IllegalArgumentException(
              "output folder " + out + " is not empty; choose another --out or delete it");
        }
      }
      fs.mkdirs(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + out, e);
    }
  }

  /** The file system to write under {@code root}, unwrapped from its checksum layer when it has one. */
  static FileSystem writerFileSystem(Path root, Configuration conf) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /** Creates (or, on a task retry, overwrites) {@code root/relative} with a write buffer. */
  static OutputStream create(FileSystem fs, Path root, String relative) throws IOException {
    return fs.create(new Path(root, relative), true, BUFFER_BYTES);
  }
}
