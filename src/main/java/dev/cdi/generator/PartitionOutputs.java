package dev.cdi.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files one partition streams: one data file per source ({@link Sources#ALL}) and the three truth files. At
 * {@link #finish()} the partition's {@code _truth/files} part is written from the data files' final counts.
 */
final class PartitionOutputs implements Closeable {

  private final FileSystem fs;
  private final Path root;
  private final int partition;
  private final Map<String, SourceFile> dataFiles = new LinkedHashMap<>();
  private final List<CsvSourceFile> truthFiles = new ArrayList<>();
  private final TruthWriter truth;

  PartitionOutputs(FileSystem fs, Path root, int partition, double badRowRate) throws IOException {
    this.fs = fs;
    this.root = root;
    this.partition = partition;
    try {
      for (SourceSpec spec : Sources.ALL) {
        dataFiles.put(spec.name(), open(spec, new DefectPicker(badRowRate, spec.format())));
      }
      this.truth = new TruthWriter(openTruth(TruthWriter.IDENTITIES), openTruth(TruthWriter.EVENTS),
          openTruth(TruthWriter.PERSONS));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  CsvSourceFile csv(SourceSpec spec) {
    return (CsvSourceFile) dataFiles.get(spec.name());
  }

  JsonSourceFile json(SourceSpec spec) {
    return (JsonSourceFile) dataFiles.get(spec.name());
  }

  TruthWriter truth() {
    return truth;
  }

  /** Closes every file and writes {@code _truth/files}; returns the statistics of every file written. */
  List<FileStats> finish() throws IOException {
    Closeables.closeAll(dataFiles.values());
    truth.close();
    List<FileStats> stats = new ArrayList<>();
    dataFiles.values().forEach(file -> stats.add(file.stats(true)));
    stats.addAll(truth.stats());
    stats.add(writeFilesTruth(List.copyOf(stats.subList(0, dataFiles.size()))));
    return stats;
  }

  /** Closes whatever is open; used when generation fails. */
  @Override
  public void close() throws IOException {
    List<Closeable> all = new ArrayList<>(dataFiles.values());
    all.addAll(truthFiles);
    Closeables.closeAll(all);
  }

  private FileStats writeFilesTruth(List<FileStats> dataStats) throws IOException {
    CsvSourceFile files = openTruth(TruthWriter.FILES);
    for (FileStats s : dataStats) {
      files.writeClean(s.source(), s.file(), Long.toString(s.rows()), Long.toString(s.malformedRows()),
          Long.toString(s.badTimestampRows()));
    }
    files.close();
    return files.stats(false);
  }

  private SourceFile open(SourceSpec spec, DefectPicker defects) throws IOException {
    String file = spec.partFile(partition);
    OutputStream out = OutputFolder.create(fs, root, file);
    return spec.format() == SourceSpec.Format.CSV
        ? new CsvSourceFile(spec, file, out, defects)
        : new JsonSourceFile(spec, file, out, defects);
  }

  private CsvSourceFile openTruth(SourceSpec spec) throws IOException {
    CsvSourceFile file = (CsvSourceFile) open(spec, new DefectPicker(0, SourceSpec.Format.CSV));
    truthFiles.add(file);
    return file;
  }
}
