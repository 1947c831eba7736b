package dev.cdi.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes small text files (reports) through the Hadoop FileSystem API, so the location may be local or
 * {@code s3a://}. An existing file is overwritten; on the local file system no {@code .crc} side file is written.
 */
public final class TextFiles {

  private TextFiles() {
  }

  /** Writes {@code content} as UTF-8 to {@code path}; missing parent folders are created. */
  public static void write(String path, String content, Configuration conf) {
    Path file = new Path(path);
    try {
      FileSystem fs = writerFileSystem(file, conf);
      fs.mkdirs(file.getParent());
      try (OutputStream out = fs.create(file, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static FileSystem writerFileSystem(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }
}
