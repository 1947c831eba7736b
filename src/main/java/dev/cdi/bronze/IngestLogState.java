package dev.cdi.bronze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ingest log says about one source: which (path, fingerprint) pairs are committed, which batches were
 * started but never committed (a crashed run), and the last batch number.
 */
public final class IngestLogState {

  private final Set<String> committed = new HashSet<>();
  private final Map<String, SourceFile> lastCommittedByPath = new HashMap<>();
  private final List<IngestBatch> unfinished;
  private final long maxSeq;

  IngestLogState(List<SourceFile> committedFiles, List<IngestBatch> unfinished, long maxSeq) {
    for (SourceFile file : committedFiles) {
      committed.add(key(file));
      lastCommittedByPath.put(file.path(), file);
    }
    this.unfinished = List.copyOf(unfinished);
    this.maxSeq = maxSeq;
  }

  /** Batches a crashed run started and did not commit, oldest first. */
  public List<IngestBatch> unfinishedBatches() {
    return unfinished;
  }

  public long nextSeq() {
    return maxSeq + 1;
  }

  public boolean isCommitted(SourceFile fingerprinted) {
    return committed.contains(key(fingerprinted));
  }

  /**
   * The listed file with the fingerprint recorded when it was committed, if its size and modification time are
   * unchanged since (so it need not be read again to be skipped); otherwise the file without fingerprint.
   */
  public SourceFile withKnownFingerprint(SourceFile listed) {
    SourceFile known = lastCommittedByPath.get(listed.path());
    if (known != null && known.size() == listed.size() && known.modifiedAt() == listed.modifiedAt()) {
      return listed.withFingerprint(known.fingerprint());
    }
    return listed;
  }

  /** Paths of files in unfinished batches (they are replayed, not re-planned). */
  public Set<String> pathsInUnfinishedBatches() {
    Set<String> out = new HashSet<>();
    unfinished.forEach(batch -> batch.files().forEach(f -> out.add(f.path())));
    return out;
  }

  public List<SourceFile> committedFiles() {
    return new ArrayList<>(lastCommittedByPath.values());
  }

  private static String key(SourceFile file) {
    return file.path() + '\u0000' + file.fingerprint();
  }
}
