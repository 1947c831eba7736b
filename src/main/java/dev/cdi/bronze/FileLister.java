package dev.cdi.bronze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the files a source's path glob matches, through the Hadoop FileSystem API (local, {@code s3a://}, ...).
 * A matched folder contributes the files below it. Names starting with {@code .} or {@code _} (checksums,
 * markers like {@code _SUCCESS}) are not data and are left out. The result is sorted by path.
 */
public final class FileLister {

  private FileLister() {
  }

  public static List<SourceFile> list(String glob, Configuration hadoopConf) {
    Path pattern = new Path(glob);
    try {
      FileSystem fs = pattern.getFileSystem(hadoopConf);
      FileStatus[] matches = fs.globStatus(pattern);
      List<SourceFile> out = new ArrayList<>();
      if (matches == null) {
        return out;
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          addFilesBelow(fs, match.getPath(), out);
        } else if (isData(match.getPath())) {
          out.add(toSourceFile(match));
        }
      }
      out.sort(Comparator.comparing(SourceFile::path));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + glob + ": " + e.getMessage(), e);
    }
  }

  private static void addFilesBelow(FileSystem fs, Path dir, List<SourceFile> out) throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      if (isData(status.getPath())) {
        out.add(toSourceFile(status));
      }
    }
  }

  private static boolean isData(Path path) {
    String name = path.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  private static SourceFile toSourceFile(FileStatus status) {
    return new SourceFile(status.getPath().toString(), status.getLen(), status.getModificationTime(), null);
  }
}
