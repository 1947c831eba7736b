package dev.cdi.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Computes content fingerprints (SHA-256) of files in parallel, one Spark task per file, streaming each file
 * once. No shuffle; the result (one short string per file) is collected to the driver.
 */
public final class Fingerprints {

  private Fingerprints() {
  }

  public static List<SourceFile> compute(SparkSession spark, List<SourceFile> files) {
    if (files.isEmpty()) {
      return files;
    }
    SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(files, files.size())
        .map(file -> file.withFingerprint(sha256(file.path(), conf.value())))
        .collect();
  }

  /** SHA-256 of a file's content, in lower-case hex. */
  public static String sha256(String path, Configuration conf) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " to fingerprint it: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
