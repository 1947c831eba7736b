package dev.cdi.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did (or, for a dry run, would do). Counts only, no personal data.
 *
 * @param requestId           the request (the run id)
 * @param dryRun              whether nothing was written
 * @param identifiers         identifiers the request named
 * @param identifiersNotFound of those, how many no table held
 * @param customers           customer ids erased (including ids they had absorbed)
 * @param records             identity records erased
 * @param events              events erased
 * @param rowsDeleted         rows deleted (or matched, in a dry run) per table {@code layer.table}, in order
 * @param householdsChanged   households updated or deleted because a member was erased
 * @param reportsRedacted     report files rewritten without the person's identifiers
 * @param tablesPurged        tables whose old files and history were purged
 * @param filesPurged         data and change-data files deleted by VACUUM
 * @param logFilesDeleted     Delta log files deleted when history was cut
 * @param resumedRequests     unfinished earlier requests this run completed
 * @param seconds             elapsed time
 */
public record ErasureResult(String requestId, boolean dryRun, int identifiers, int identifiersNotFound,
                            long customers, long records, long events, Map<String, Long> rowsDeleted,
                            long householdsChanged, int reportsRedacted, int tablesPurged, long filesPurged,
                            long logFilesDeleted, List<String> resumedRequests, double seconds) {

  public ErasureResult {
    rowsDeleted = Collections.unmodifiableMap(new LinkedHashMap<>(rowsDeleted));
    resumedRequests = List.copyOf(resumedRequests);
  }

  /** Rows deleted in all tables. */
  public long totalRowsDeleted() {
    return rowsDeleted.values().stream().mapToLong(Long::longValue).sum();
  }
}
