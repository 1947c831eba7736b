package dev.cdi.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * One output file being streamed: writes "\n"-terminated records, decides their defects and counts rows, bronze
 * defects, bad timestamps and bytes. Holds only a write buffer, never the records. Not thread-safe: one task owns it.
 */
abstract class SourceFile implements Closeable {

  private final SourceSpec spec;
  private final String file;
  private final CountingOutputStream out;
  private final DefectPicker defects;
  private long rows;
  private long malformedRows;
  private long badTimestampRows;
  private boolean oversizedWritten;

  SourceFile(SourceSpec spec, String file, OutputStream out, DefectPicker defects) {
    this.spec = spec;
    this.file = file;
    this.out = new CountingOutputStream(out);
    this.defects = defects;
  }

  SourceSpec spec() {
    return spec;
  }

  /** The next record's defect; a second oversized field in the same file becomes another bronze defect. */
  protected final Defect nextDefect(SplittableRandom r) {
    Defect defect = defects.pick(r);
    if (defect == Defect.OVERSIZED_FIELD) {
      if (oversizedWritten) {
        return defects.oversizedFallback();
      }
      oversizedWritten = true;
    }
    return defect;
  }

  /** Writes bytes that are not a record (the CSV header). */
  protected final void writeRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  protected final void writeRecord(byte[] line, Defect defect) {
    writeRaw(line);
    rows++;
    if (defect.bronze()) {
      malformedRows++;
    } else if (defect == Defect.BAD_TIMESTAMP) {
      badTimestampRows++;
    }
  }

  FileStats stats(boolean dataFile) {
    return new FileStats(spec.name(), file, rows, malformedRows, badTimestampRows, out.count(), dataFile);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
